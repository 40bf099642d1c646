import { formatDuration } from '../inputs/duration.js'
import type { Snapshot } from '../status/snapshot.js'
import type { Look } from '../status/source.js'
import { PollSchedule } from './schedule.js'
import { judge, type StatusRules } from './verdict.js'

export type Outcome = 'success' | 'failure' | 'timeout' | 'error' | 'cancelled'

export interface WaitResult {
  outcome: Outcome
  /** Why the wait ended, as a sentence fragment: "the offer reached Succeeded". */
  reason: string
  /** The last status read, if any. */
  snapshot?: Snapshot
  polls: number
  startedAt: number
  endedAt: number
}

export interface WaitOptions extends StatusRules {
  /** A pause before the first look, so that many waits do not start at once. */
  startDelayMs?: number
  /** What the wait is for, in a sentence: `the offer`, `the job`. */
  subject: string
  timeoutMs: number
  intervalMs: number
  maxIntervalMs: number
  signal?: AbortSignal
}

/** Time, randomness and the network come from outside so that tests control them. */
export interface WaitDeps {
  look(signal?: AbortSignal): Promise<Look>
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  random(): number
  /** Sees every answer as it arrives, for the log. */
  onLook?(look: Look, at: number): void
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
  let snapshot: Snapshot | undefined
  let problem: string | undefined
  let polls = 0
  const schedule = new PollSchedule(options.intervalMs, options.maxIntervalMs, deps.random)

  const end = (outcome: Outcome, reason: string): WaitResult => ({
    outcome,
    reason,
    snapshot,
    polls,
    startedAt,
    endedAt: deps.now()
  })
  const timedOut = (): WaitResult =>
    end(
      'timeout',
      snapshot
        ? `${options.subject} was still ${snapshot.status || 'without a status'} after ${formatDuration(options.timeoutMs)}` +
            (problem ? `; the last request failed: ${problem}` : '')
        : `no status was read within ${formatDuration(options.timeoutMs)}` +
            (problem ? `: ${problem}` : '')
    )

  if (options.startDelayMs && options.timeoutMs > 0) {
    await deps.sleep(Math.min(options.startDelayMs, options.timeoutMs), signal)
  }
  for (;;) {
    if (signal?.aborted) return end('cancelled', 'the wait was cancelled')
    const answer = await deps.look(signal)
    if (!(answer.kind === 'transient' && answer.notSent)) polls++
    if (signal?.aborted) return end('cancelled', 'the wait was cancelled')
    deps.onLook?.(answer, deps.now())

    let retryAfterMs: number | undefined
    if (answer.kind === 'final') return end('error', answer.problem)
    if (answer.kind === 'transient') {
      problem = answer.problem
      retryAfterMs = answer.retryAfterMs
    } else {
      snapshot = answer.snapshot
      problem = undefined
      const verdict = judge(snapshot, options)
      if (verdict) return end(verdict.outcome, verdict.reason)
      schedule.observe(snapshot, deps.now())
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
