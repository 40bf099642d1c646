import { formatDuration } from '../inputs/duration.js'
import {
  endResult,
  recordLook,
  type EndedResult,
  type Outcome,
  type TargetResult
} from '../status/result.js'
import type { Snapshot } from '../status/snapshot.js'
import { sentRequest, type Look } from '../status/source.js'
import type { PublishKind } from '../status/publishing.js'
import { isStatusIn, sameStatus } from '../status/statuses.js'
import type { StatusRules } from '../status/step.js'
import { lostReason, publishTurn, type PublishDeps, type TurnResult } from './publish-turn.js'
import type { PollSchedule } from './schedule.js'
import { judge } from './verdict.js'

export interface WaitOptions {
  /** What the statuses are of, in a word: `offer`, `job`. */
  noun: string
  rules: StatusRules
  /** Filled in as the wait goes (polls, the last status, the end): the reports read it. */
  result: TargetResult
  /** A pause before the first look, so that many waits do not start at once. */
  startDelayMs?: number
  /**
   * The whole wait's deadline (from its first run, when handed on), read at every turn:
   * it moves should this run learn that its clock is off the services'.
   */
  deadline(): number
  /**
   * When this run hands a wait still undecided to the next run, once it has polled;
   * none: the wait goes on to the deadline.
   */
  handOffAt?: number
  intervalMs: number
  maxIntervalMs: number
  /** The publishing request this wait sends once it is due (`publish`). */
  publish?: PublishKind
  /** The workflow run (its number; 0 when unknown): each phase names the run that saw it. */
  run?: number
  signal?: AbortSignal
}

/** Time, randomness and the network come from outside so that tests control them. */
export interface WaitDeps {
  look(signal?: AbortSignal): Promise<Look>
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  random(): number
  /** Sees every look as it ends, once the result has it: for the log. */
  onLook?(look: Look, at: number): void
  /** Sends the publishing request, and hears of it: where `publish` asks for one. */
  publishing?: PublishDeps
  /** Hears, once, what a person must do for the wait to end well. */
  onNextAction?(text: string, at: number): void
}

/** What the offer waits for when its preview is ready and the target is further on. */
export const GO_LIVE_AWAITED =
  'the preview is ready and waits for go-live: approve the job that sends it live (`publish: live`), or press Go live in Partner Center'

/**
 * Polls until the offer reaches a target status, fails, the deadline passes, a final
 * error, or cancellation. Paces itself by PollSchedule, honours Retry-After, never
 * sleeps past the deadline and takes a last look at it.
 */
export async function waitForStatus(options: WaitOptions, deps: WaitDeps): Promise<EndedResult> {
  const { signal, result, handOffAt } = options
  const pollsBefore = result.polls
  let problem: string | undefined
  // Made when the wait first pauses: a look-once wait never needs it.
  let schedule: PollSchedule | undefined
  const timeout = (): string => formatDuration(options.deadline() - result.startedAt)

  const end = (outcome: Outcome, reason: string): EndedResult =>
    endResult(result, outcome, reason, deps.now())
  const timedOut = (): EndedResult => {
    const { snapshot } = result
    const lost = result.requests.find(request => request.lost)
    if (lost) return end('error', lostReason(lost, deps.now()))
    return end(
      'timeout',
      snapshot
        ? `the ${options.noun} was still ${snapshot.status || 'without a status'} after ${timeout()}` +
            (result.nextAction ? `: ${result.nextAction}` : '') +
            (problem ? `; the last request failed: ${problem}` : '')
        : `no status was read within ${timeout()}` + (problem ? `: ${problem}` : '')
    )
  }

  // A ready preview while the target is further on waits for a person: said once.
  const noteNextAction = (snapshot: Snapshot): void => {
    const awaited =
      sameStatus(snapshot.status, 'WaitingForPublisherReview') &&
      options.publish !== 'live' &&
      !isStatusIn('WaitingForPublisherReview', options.rules.targetStatuses)
    if (!awaited) {
      delete result.nextAction
    } else if (result.nextAction === undefined) {
      result.nextAction = GO_LIVE_AWAITED
      deps.onNextAction?.(GO_LIVE_AWAITED, deps.now())
    }
  }

  if (options.startDelayMs && options.deadline() > deps.now()) {
    await deps.sleep(Math.min(options.startDelayMs, options.deadline() - deps.now()), signal)
  }
  for (;;) {
    if (signal?.aborted) return end('cancelled', 'the wait was cancelled')
    const look = await deps.look(signal)
    if (signal?.aborted) {
      // Too late for the log to see it: counted, not kept.
      if (sentRequest(look)) result.polls++
      return end('cancelled', 'the wait was cancelled')
    }
    recordLook(result, look, deps.now(), options.run || undefined)
    deps.onLook?.(look, deps.now())

    let retryAfterMs: number | undefined
    let seen: Snapshot | undefined
    if (look.kind === 'final') return end('error', look.problem)
    if (look.kind === 'transient') {
      problem = look.problem
      retryAfterMs = look.retryAfterMs
    } else {
      problem = undefined
      let turn: TurnResult = { kind: 'judge' }
      if (options.publish && deps.publishing) {
        turn = await publishTurn(options.publish, result, look.snapshot, deps.publishing, signal)
        if (signal?.aborted) return end('cancelled', 'the wait was cancelled')
      }
      if (turn.kind === 'end') return end('error', turn.reason)
      if (turn.kind === 'again') {
        problem = turn.problem
        retryAfterMs = turn.retryAfterMs
      } else if (turn.kind === 'judge') {
        const verdict = judge(look.snapshot, options.rules, options.noun)
        if (verdict) return end(verdict.outcome, verdict.reason)
        noteNextAction(look.snapshot)
      }
      seen = look.snapshot
    }

    // Cancelled as the look was heard, and the look decided nothing: the cancellation,
    // not a deadline passed meanwhile, ends the wait.
    if (signal?.aborted) return end('cancelled', 'the wait was cancelled')
    const now = deps.now()
    const left = options.deadline() - now
    if (left <= 0) return timedOut()
    // A Retry-After past the deadline ends the wait: no run could look again in time.
    if (retryAfterMs !== undefined && retryAfterMs > left) {
      return end(
        'timeout',
        `the service asked to wait ${formatDuration(retryAfterMs)} (Retry-After), past the deadline ` +
          `${timeout()} after the start: ${problem}`
      )
    }
    // A run that has not polled has nothing new to hand on: it waits until it has.
    const handOffIn =
      handOffAt !== undefined && result.polls > pollsBefore ? handOffAt - now : Infinity
    // A Retry-After past the hand-off is the next run's to honour.
    if (handOffIn <= 0 || (retryAfterMs ?? 0) >= handOffIn) {
      return end(
        'handed-off',
        `the ${options.noun} was still ${result.snapshot?.status || 'without a status'} when this run handed the wait on`
      )
    }
    schedule ??= new (await import('./schedule.js')).PollSchedule(
      options.intervalMs,
      options.maxIntervalMs,
      deps.random
    )
    if (seen) schedule.observe(seen, now)
    const pause = Math.max(schedule.next(now), retryAfterMs ?? 0)
    await deps.sleep(Math.min(pause, left, handOffIn), signal)
  }
}
