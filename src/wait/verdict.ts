import { noteworthyMessages, type Snapshot } from '../status/snapshot.js'
import { FINAL_OFFER_STATUSES, isStatusIn } from '../status/statuses.js'
import type { StatusRules } from '../status/step.js'
import { brief } from '../text.js'

export type Verdict = { outcome: 'success' | 'failure'; reason: string }

/** Whether a status read ends the wait; undefined while it should go on. */
export function judge(
  snapshot: Snapshot,
  rules: StatusRules,
  /** What the statuses are of, in a word: `offer`, `job`. */
  noun: string
): Verdict | undefined {
  const subject = `the ${noun}`
  // Failure is checked first: a gate must not pass while publishing reports a failure.
  if (isStatusIn(snapshot.status, rules.failOnStatuses)) {
    return failure(`${subject} status is ${snapshot.status}`, snapshot)
  }
  const failedStep = snapshot.steps.find(step => isStatusIn(step.status, rules.failOnStepStatuses))
  if (failedStep) {
    return failure(`step "${failedStep.name}" is ${failedStep.status}`, snapshot, failedStep.id)
  }
  if (isStatusIn(snapshot.status, rules.targetStatuses)) {
    return { outcome: 'success', reason: `${subject} reached ${snapshot.status}` }
  }
  // Waiting on would only spend the runner's time: this status will not change by itself.
  if (isStatusIn(snapshot.status, FINAL_OFFER_STATUSES)) {
    return failure(
      `${subject} ended as ${snapshot.status}, which is not a target status (${rules.targetStatuses.join(', ')})`,
      snapshot
    )
  }
  return undefined
}

const ERRORS_IN_REASON = 3
const ERROR_CHARS = 300

// The service's own error messages say why, the offer's or a step's (the failed one's
// first); the reason carries the first few.
function failure(reason: string, snapshot: Snapshot, failedStepId?: string): Verdict {
  const errors = noteworthyMessages(snapshot, failedStepId)
    .filter(({ message }) => message.level === 'error')
    .slice(0, ERRORS_IN_REASON)
    .map(({ step, message }) => {
      const text = brief(message.html, ERROR_CHARS)
      return step && step !== failedStepName(snapshot, failedStepId) ? `${step}: ${text}` : text
    })
  return {
    outcome: 'failure',
    reason: errors.length > 0 ? `${reason}: ${errors.join('; ')}` : reason
  }
}

function failedStepName(snapshot: Snapshot, id?: string): string | undefined {
  return id === undefined ? undefined : snapshot.steps.find(step => step.id === id)?.name
}
