import type { StatusAnswer } from './cpp-client.js'
import { formatDuration } from './duration.js'
import type { OfferStatus } from './offer-status.js'
import { PollSchedule } from './schedule.js'
import { judge, type StatusRules } from './verdict.js'

export type Outcome = 'success' | 'failure' | 'timeout' | 'error' | 'cancelled'

export interface WaitResult {
  outcome: Outcome
  /** Why the wait ended, as a sentence fragment: "the offer reached Succeeded". */
  reason: string
  /** The last status read, if any. */
  offer?: OfferStatus
  polls: number
  startedAt: number
  endedAt: number
}

export interface WaitOptions extends StatusRules {
  timeoutMs: number
  intervalMs: number
  maxIntervalMs: number
  signal?: AbortSignal
}

/** Time, randomness and the network come from outside so that tests control them. */
export interface WaitDeps {
  fetchStatus(signal?: AbortSignal): Promise<StatusAnswer>
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  random(): number
  /** Sees every answer as it arrives, for the log. */
  onAnswer?(answer: StatusAnswer, at: number): void
}

/**
 * Polls until the offer reaches a target status, fails, the deadline passes, a final
 * error, or cancellation. Paces itself by PollSchedule, honours Retry-After, never
 * sleeps past the deadline and takes a last look at it.
 */
export async function waitForStatus(options: WaitOptions, deps: WaitDeps): Promise<WaitResult> {
  const { signal } = options
  const startedAt = deps.now()
  const deadline = startedAt + options.timeoutMs
  let offer: OfferStatus | undefined
  let problem: string | undefined
  let polls = 0
  const schedule = new PollSchedule(options.intervalMs, options.maxIntervalMs, deps.random)

  const end = (outcome: Outcome, reason: string): WaitResult => ({
    outcome,
    reason,
    offer,
    polls,
    startedAt,
    endedAt: deps.now()
  })
  const timedOut = (): WaitResult =>
    end(
      'timeout',
      offer
        ? `the offer was still ${offer.status || 'without a status'} after ${formatDuration(options.timeoutMs)}` +
            (problem ? `; the last request failed: ${problem}` : '')
        : `no status was read within ${formatDuration(options.timeoutMs)}` +
            (problem ? `: ${problem}` : '')
    )

  for (;;) {
    if (signal?.aborted) return end('cancelled', 'the wait was cancelled')
    const answer = await deps.fetchStatus(signal)
    polls++
    if (signal?.aborted) return end('cancelled', 'the wait was cancelled')
    deps.onAnswer?.(answer, deps.now())

    let retryAfterMs: number | undefined
    if (answer.kind === 'final') return end('error', answer.problem)
    if (answer.kind === 'transient') {
      problem = answer.problem
      retryAfterMs = answer.retryAfterMs
    } else {
      offer = answer.offer
      problem = undefined
      const verdict = judge(offer, options)
      if (verdict) return end(verdict.outcome, verdict.reason)
      schedule.observe(offer, deps.now())
    }

    const now = deps.now()
    const left = deadline - now
    if (left <= 0) return timedOut()
    if (retryAfterMs !== undefined && retryAfterMs > left) {
      return end(
        'timeout',
        `the service asked to wait ${formatDuration(retryAfterMs)} (Retry-After), past the deadline ` +
          `${formatDuration(options.timeoutMs)} after the start: ${problem}`
      )
    }
    const pause = Math.max(schedule.next(now), retryAfterMs ?? 0)
    await deps.sleep(Math.min(pause, left), signal)
  }
}
