import type { OfferStatus } from './offer-status.js'
import { FINAL_OFFER_STATUSES, isStatusIn } from './statuses.js'

export interface StatusRules {
  targetStatuses: string[]
  failOnStatuses: string[]
  failOnStepStatuses: string[]
}

export type Verdict = { outcome: 'success' | 'failure'; reason: string }

/** Whether a status read ends the wait; undefined while it should go on. */
export function judge(offer: OfferStatus, rules: StatusRules): Verdict | undefined {
  // Failure is checked first: a gate must not pass while publishing reports a failure.
  if (isStatusIn(offer.status, rules.failOnStatuses)) {
    return { outcome: 'failure', reason: `the offer status is ${offer.status}` }
  }
  const failedStep = offer.steps.find(step => isStatusIn(step.status, rules.failOnStepStatuses))
  if (failedStep) {
    return {
      outcome: 'failure',
      reason: `step "${failedStep.name}" is ${failedStep.status}`
    }
  }
  if (isStatusIn(offer.status, rules.targetStatuses)) {
    return { outcome: 'success', reason: `the offer reached ${offer.status}` }
  }
  // Waiting on would only spend the runner's time: this status will not change by itself.
  if (isStatusIn(offer.status, FINAL_OFFER_STATUSES)) {
    return {
      outcome: 'failure',
      reason: `the offer ended as ${offer.status}, which is not a target status (${rules.targetStatuses.join(', ')})`
    }
  }
  return undefined
}
