// The log's first lines: what the step waits for, where, how it signed in; and, carried
// on, where the wait stands.
import { formatDuration } from '../inputs/duration.js'
import type { TargetResult } from '../status/result.js'
import type { Step } from '../status/step.js'
import type { Log } from './log.js'

export function logStart(
  log: Log,
  step: Step,
  results: readonly TargetResult[],
  noun: string,
  now: number
): void {
  const [only] = results
  const what =
    results.length === 1 && only
      ? only.label
      : `${results.length} ${noun}s (${results.map(result => result.id).join(', ')})`
  const timeout = step.wait.deadline - step.wait.startedAt
  log.info(
    `Waiting for ${what} to reach ${step.rules.targetStatuses.join(' or ')}` +
      (timeout > 0 ? ` (timeout ${formatDuration(timeout)})` : ' (one look)') +
      ` on the ${step.service.title} at ${step.service.baseUrl}, signed in with ${step.service.signedIn}`
  )
  const chain = step.chain
  if (chain && chain.runCount > 1) {
    log.info(
      `Carrying on the wait handed on by run ${chain.runs.at(-2)?.number ?? '?'} (run ${chain.runCount} of the wait, which began in run ${chain.runs[0]?.number ?? '?'} ${formatDuration(now - step.wait.startedAt)} ago); ${formatDuration(Math.max(0, step.wait.deadline - now))} left to the deadline.`
    )
  }
}
