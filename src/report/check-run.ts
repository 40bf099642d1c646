// The wait as a check run on the commit: created in progress (or, carried on, the one
// the claim showed to be this wait's), updated when the status changes (at most about
// once a minute), completed with the outcome. Its GitHub calls run in order, beside the
// wait, each bounded; they never decide a target.
import type { CallOptions } from '../github/client.js'
import type { CheckRunFields, Checks } from '../github/checks.js'
import { RequestError } from '../http/http-session.js'
import { worstOf, type Outcome, type TargetResult } from '../status/result.js'
import type { Look } from '../status/source.js'
import type { Step } from '../status/step.js'
import { CANCELLED_GRACE_MS } from '../runner/signals.js'
import { clip } from '../text.js'
import { isoTime } from '../utc-time.js'
import { checkTitle, conclusionOf, overviewTitle } from './check-run-title.js'
import { CHECK_SUMMARY_BYTE_LIMIT, renderReport } from './summary.js'

export interface CheckRunOptions {
  checks: Checks
  step: Step
  /** Each offer's or job's result as the wait fills it in: read, never written. */
  results: readonly TargetResult[]
  /** The commit it is on: this run's, or the first run's for a wait carried on. */
  headSha: string
  /** Carried on: the check run the claim holds, updated, never made again. */
  id?: number
  /** Which wait it shows, and which run holds it: set when made. */
  externalId?: string
  /** Set once the wait is handed on. */
  handedOnId?: string
  now(): number
  /** The same redaction as the log, outputs and summary. */
  redact(text: string): string
  warn(message: string): void
  /** By when a call made during the wait must have ended: the deadline and a request timeout. */
  endBy(): number
}

// Fewer writes than polls: the checks API is rate limited and a person reads it.
const UPDATE_EVERY_MS = 60_000

export class CheckRun {
  id: number | undefined
  private queue: Promise<void> = Promise.resolve()
  private pendingUpdate: CheckRunFields | undefined
  private sentAt = Number.NEGATIVE_INFINITY
  private sentChanges = -1
  // No update is sent before this: GitHub rate-limited one, and the next carries it.
  private quietUntil = Number.NEGATIVE_INFINITY
  private disabled = false
  private warned = false
  // Stops every call under way once the time left for GitHub has run out.
  private readonly stopper = new AbortController()
  private endBy: () => number

  constructor(private readonly options: CheckRunOptions) {
    this.id = options.id
    this.endBy = options.endBy
    if (options.id !== undefined) return
    const fields: CheckRunFields = {
      ...this.fields(),
      started_at: isoTime(options.step.startedAt),
      details_url: options.step.runUrl,
      ...(options.externalId && { external_id: options.externalId })
    }
    this.enqueue('created', async () => {
      this.id = await options.checks.create(
        options.step.checkName ?? '',
        options.headSha,
        fields,
        this.call()
      )
    })
  }

  /** Sees every look once its result has it; updates when something changed and a minute has passed. */
  readonly seen = (look: Look, at: number): void => {
    if (look.kind !== 'ok') return
    const total = this.options.results.reduce((sum, result) => sum + result.changeCount, 0)
    if (total === this.sentChanges || at - this.sentAt < UPDATE_EVERY_MS || at < this.quietUntil)
      return
    this.sentAt = at
    this.sentChanges = total
    // One update waits at most: a newer one takes its place, and says all there is.
    const waiting = this.pendingUpdate !== undefined
    this.pendingUpdate = this.fields()
    if (waiting) return
    this.enqueue('updated', async () => {
      const fields = this.pendingUpdate
      this.pendingUpdate = undefined
      if (this.id === undefined || !fields) return
      try {
        await this.options.checks.update(this.id, fields, { ...this.call(), rateLimitEnds: true })
      } catch (error) {
        // A rate limit on an update in passing: a later update says all of it.
        if (!(error instanceof RequestError && error.rateLimited)) throw error
        this.quietUntil = this.options.now() + (error.retryAfterMs ?? UPDATE_EVERY_MS)
        this.sentChanges = -1
      }
    })
  }

  /**
   * Resolves once the check run exists (or cannot), at `endBy`, or on cancellation: its
   * id is an output, but waiting for GitHub must never hold the step up for long.
   */
  async created(endBy: number, cancelled?: AbortSignal): Promise<void> {
    const ms = endBy - this.options.now()
    let timer: NodeJS.Timeout | undefined
    let onAbort: (() => void) | undefined
    await Promise.race([
      this.queue,
      new Promise<void>(resolve => {
        timer = setTimeout(resolve, Math.max(0, ms))
        onAbort = () => resolve()
        if (cancelled?.aborted) resolve()
        cancelled?.addEventListener('abort', onAbort, { once: true })
      })
    ])
    clearTimeout(timer)
    if (onAbort) cancelled?.removeEventListener('abort', onAbort)
  }

  /**
   * The last word, once the wait has ended or gone on in the next run: completed with
   * the outcome, or still in progress when `handedOn`. Resolves when GitHub has it,
   * gave up, or `endBy` has come (a cancelled job's: a moment); then every call stops.
   */
  async complete(endBy: number, handedOn: boolean, cancelled?: AbortSignal): Promise<void> {
    const { results, now } = this.options
    this.endBy = () => endBy
    const worst = worstOf(results.map(result => result.outcome as Outcome))
    const fields: CheckRunFields = handedOn
      ? {
          ...this.fields(),
          ...(this.options.handedOnId && { external_id: this.options.handedOnId })
        }
      : {
          ...this.fields(),
          status: 'completed',
          conclusion: conclusionOf(worst, this.options.step.failOnTimeout),
          completed_at: isoTime(Math.max(...results.map(r => r.endedAt)))
        }
    this.enqueue(handedOn ? 'updated' : 'completed', async () => {
      if (this.id !== undefined) await this.options.checks.update(this.id, fields, this.call())
    })
    const quick = worst === 'cancelled' || cancelled?.aborted === true
    const timeLeft = (): number =>
      (quick ? Math.min(endBy, now() + CANCELLED_GRACE_MS) : endBy) - now()
    let timer: NodeJS.Timeout | undefined
    const outOfTime = new Promise<'out of time'>(resolve => {
      const arm = (): void => {
        clearTimeout(timer)
        timer = setTimeout(() => resolve('out of time'), Math.max(0, timeLeft()))
      }
      arm()
      // A cancelled job is killed within seconds: then the check run gets a moment only.
      cancelled?.addEventListener('abort', arm, { once: true })
    })
    const race = await Promise.race([this.queue.then(() => 'done' as const), outOfTime])
    clearTimeout(timer)
    if (race === 'out of time') this.stop()
  }

  /** Forgets the check run: another run holds the wait now. */
  drop(): void {
    this.disabled = true
    this.stopper.abort()
  }

  private call(): CallOptions {
    return { endBy: this.endBy(), signal: this.stopper.signal }
  }

  private enqueue(what: 'created' | 'updated' | 'completed', task: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.disabled) return
      try {
        await task()
      } catch (error) {
        this.giveUp(error, this.id === undefined ? 'created' : what)
      }
    })
  }

  // Out of time: every call under way stops, and no other is made.
  private stop(): void {
    this.drop()
    this.warnOnce(
      `Check run "${this.options.step.checkName}" not completed: GitHub did not answer in the time left to this step.`
    )
  }

  // Warn once. Stop calling GitHub when it refused (no rights, no such check run) or the
  // check run was never made; after trouble that may pass, the next call tries again.
  private giveUp(error: unknown, what: 'created' | 'updated' | 'completed'): void {
    const created = this.id !== undefined
    const transient = error instanceof RequestError && error.transient
    if (!transient || !created) this.disabled = true
    if (this.stopper.signal.aborted) return
    const reason = error instanceof Error ? error.message : String(error)
    const status = error instanceof RequestError ? error.status : undefined
    const refused =
      !(error instanceof RequestError && error.rateLimited) &&
      (status === 401 || status === 403 || status === 404)
    this.warnOnce(
      `Check run "${this.options.step.checkName}" not ${what} (${reason})${
        refused
          ? ': the token cannot write checks. Give the job `permissions: checks: write` (a pull request from a fork only gets a read-only token)'
          : ''
      }. The wait goes on${this.disabled ? ' without it' : ''}.`
    )
  }

  private warnOnce(message: string): void {
    if (this.warned) return
    this.warned = true
    this.options.warn(message)
  }

  private fields(): Required<Pick<CheckRunFields, 'status' | 'output'>> {
    const { results, step, redact } = this.options
    const [only] = results
    return {
      status: 'in_progress',
      output: {
        title: redact(
          clip(results.length === 1 && only ? checkTitle(only) : overviewTitle(results), 200)
        ),
        summary: redact(
          renderReport(results, step, { byteLimit: CHECK_SUMMARY_BYTE_LIMIT, timeline: false })
        )
      }
    }
  }
}
