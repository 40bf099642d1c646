import { formatDuration } from '../inputs/duration.js'
import { currentStep } from '../status/snapshot.js'
import type { Look } from '../status/source.js'
import { clip } from '../text.js'
import { worstOf } from '../wait/outcomes.js'
import type { WaitResult } from '../wait/wait-for-status.js'
import {
  checkTarget,
  connectChecks,
  GitHubCallError,
  type CheckConclusion,
  type CheckRunFields,
  type CheckTarget,
  type ChecksApi
} from './github-checks.js'
import type { StatusChange } from './progress-log.js'
import { CHECK_SUMMARY_BYTE_LIMIT, renderReport, type SummaryState } from './summary.js'

/** Creates the check run (in the background) with the GitHub API of the runner's environment. */
export async function startCheckRun(
  options: Omit<CheckRunOptions, 'api' | 'target'>,
  githubToken: string,
  env: NodeJS.ProcessEnv
): Promise<CheckRun> {
  const target = checkTarget(env)
  const checkRun = new CheckRun({
    ...options,
    target,
    api: await connectChecks(githubToken, target)
  })
  checkRun.start()
  return checkRun
}

/** One offer or job of the check run: its label, and the history its log keeps (read only). */
export interface CheckRunEntry {
  label: string
  history: { readonly changes: readonly StatusChange[]; readonly total: number }
}

export interface CheckRunOptions {
  name: string
  /** What is waited for (`offer contoso/contoso-vm`), and the change history of each. */
  entries: CheckRunEntry[]
  targetStatuses: string[]
  failOnTimeout: boolean
  api: ChecksApi
  target: CheckTarget
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  warn(message: string): void
  /**
   * Epoch ms after which no retry pause may end (the wait's deadline and a request
   * timeout); without it, pauses of a few seconds only.
   */
  endBy?: number
}

// Fewer writes than polls: the checks API is rate limited and a person reads it.
const UPDATE_EVERY_MS = 60_000
const CALL_TIMEOUT_MS = 10_000
// Pauses before each retry, unless GitHub asks for longer (Retry-After, a rate limit).
const RETRY_PAUSES_MS = [1_000, 3_000, 10_000, 30_000]
// Without an end time, no pause longer than this: the check run must not hold up the step.
const LONGEST_PAUSE_MS = 10_000
// On cancellation the runner kills the job within seconds: one quick try.
const CANCELLED_CALL_TIMEOUT_MS = 2_500

/**
 * Shows the wait as a check run on the commit: created in progress, updated when the
 * status changes (at most about once a minute), completed with the outcome. GitHub
 * calls run in order, beside the wait, and never decide the step.
 */
export class CheckRun {
  id: number | undefined
  private queue: Promise<void> = Promise.resolve()
  private disabled = false
  private warned = false
  private readonly states: SummaryState[]
  private sentAt = Number.NEGATIVE_INFINITY
  private sentChanges = -1
  // No update is sent before this: GitHub rate-limited one, and the next carries it.
  private quietUntil = Number.NEGATIVE_INFINITY
  private endBy: number | undefined
  // Stops every call under way once the time left for GitHub has run out.
  private readonly stopper = new AbortController()
  // Settles once the create call has ended, however it ended.
  private creating: Promise<void> = Promise.resolve()

  constructor(private readonly options: CheckRunOptions) {
    this.endBy = options.endBy
    const now = options.now()
    this.states = options.entries.map(() => ({
      outcome: 'waiting',
      reason: `waiting for ${options.targetStatuses.join(' or ')}`,
      polls: 0,
      startedAt: now,
      endedAt: now
    }))
  }

  /**
   * Resolves once the check run exists (or cannot), or after `ms`: its id is an output,
   * but waiting for GitHub must never hold up the outputs for long.
   */
  async created(ms: number, signal?: AbortSignal): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    let onAbort: (() => void) | undefined
    await Promise.race([
      this.creating,
      new Promise<void>(resolve => {
        if (signal?.aborted) return resolve()
        timer = setTimeout(resolve, Math.max(0, ms))
        onAbort = resolve
        signal?.addEventListener('abort', onAbort, { once: true })
      })
    ])
    clearTimeout(timer)
    if (onAbort) signal?.removeEventListener('abort', onAbort)
  }

  start(): void {
    const fields: CheckRunFields = {
      ...this.fields(),
      started_at: new Date(this.options.now()).toISOString(),
      details_url: this.options.target.runUrl
    }
    this.enqueue(async () => {
      this.id = await this.withRetries(signal =>
        this.options.api.create(this.options.name, fields, signal)
      )
    })
    this.creating = this.queue
  }

  /** Sees every answer of entry 0; with several, use `observer(index)`. */
  readonly observe = (answer: Look, at: number): void => this.observer(0)(answer, at)

  /**
   * Sees every answer of one entry; sends an update when something changed and a minute
   * has passed.
   */
  observer(index: number): (answer: Look, at: number) => void {
    return (answer, at) => {
      const state = this.states[index] as SummaryState
      const polls = state.polls + (answer.kind === 'transient' && answer.notSent ? 0 : 1)
      this.states[index] = {
        ...state,
        polls,
        endedAt: at,
        ...(answer.kind === 'ok' ? { snapshot: answer.snapshot } : {})
      }
      if (answer.kind === 'ok') this.update(at)
    }
  }

  private update(at: number): void {
    const total = this.options.entries.reduce((sum, entry) => sum + entry.history.total, 0)
    if (total === this.sentChanges || at - this.sentAt < UPDATE_EVERY_MS) return
    if (at < this.quietUntil) return
    this.sentAt = at
    this.sentChanges = total
    const fields = this.fields()
    this.enqueue(async () => {
      if (this.id === undefined) return
      const id = this.id
      try {
        await this.withRetries(signal => this.options.api.update(id, fields, signal), 'update')
      } catch (error) {
        // A rate limit on an update in passing: a later update says all of it.
        if (!(error instanceof GitHubCallError && error.rateLimited)) throw error
        this.quietUntil = this.options.now() + (error.retryAfterMs ?? UPDATE_EVERY_MS)
        this.sentChanges = -1
      }
    })
  }

  /**
   * Completes the check run with the outcome; resolves when GitHub has it, gave up, or
   * `budgetMs` (the time left to the run) has passed: then every call under way stops.
   */
  async complete(
    results: WaitResult | WaitResult[],
    budgetMs?: number,
    cancelled?: AbortSignal
  ): Promise<void> {
    const ended = [results].flat()
    ended.forEach((result, index) => (this.states[index] = result))
    if (budgetMs !== undefined) this.endBy = this.options.now() + Math.max(0, budgetMs)
    const worst = { ...(ended[0] as WaitResult), outcome: worstOf(ended.map(r => r.outcome)) }
    const quick = worst.outcome === 'cancelled' || cancelled?.aborted === true
    const fields: CheckRunFields = {
      ...this.fields(),
      status: 'completed',
      conclusion: this.conclusion(worst),
      completed_at: new Date(Math.max(...ended.map(r => r.endedAt))).toISOString()
    }
    this.enqueue(async () => {
      if (this.id !== undefined) {
        const id = this.id
        await this.withRetries(
          signal => this.options.api.update(id, fields, signal),
          quick ? 'quick' : 'retry'
        )
      }
    })
    if (budgetMs === undefined) return this.queue
    let timer: NodeJS.Timeout | undefined
    let shortened: (() => void) | undefined
    const outOfTime = new Promise<'out of time'>(resolve => {
      const end = (ms: number): void => {
        clearTimeout(timer)
        timer = setTimeout(() => resolve('out of time'), Math.max(0, ms))
      }
      end(budgetMs)
      // Cancelled meanwhile: what is left is a quick try's time.
      shortened = () => end(Math.min(budgetMs, CANCELLED_CALL_TIMEOUT_MS))
      if (!quick) cancelled?.addEventListener('abort', shortened, { once: true })
    })
    const race = await Promise.race([this.queue.then(() => 'done' as const), outOfTime])
    clearTimeout(timer)
    if (shortened) cancelled?.removeEventListener('abort', shortened)
    if (race === 'out of time') {
      this.disabled = true
      this.stopper.abort()
      if (!this.warned) {
        this.warned = true
        this.options.warn(
          `Check run "${this.options.name}" not completed: GitHub did not answer in the time left to this step.`
        )
      }
    }
  }

  private conclusion(result: WaitResult): CheckConclusion {
    switch (result.outcome) {
      case 'success':
        return 'success'
      case 'timeout':
        return this.options.failOnTimeout ? 'timed_out' : 'neutral'
      case 'cancelled':
        return 'cancelled'
      default:
        return 'failure'
    }
  }

  private fields(): CheckRunFields {
    const [only] = this.states
    return {
      status: 'in_progress',
      output: {
        title: clip(
          this.states.length === 1 && only ? checkTitle(only) : overviewTitle(this.states),
          200
        ),
        summary: renderReport(
          this.options.entries.map((entry, index) => ({
            label: entry.label,
            result: this.states[index] as SummaryState,
            changes: [...entry.history.changes],
            targetStatuses: this.options.targetStatuses,
            runUrl: this.options.target.runUrl
          })),
          CHECK_SUMMARY_BYTE_LIMIT
        )
      }
    }
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.disabled) return
      try {
        await task()
      } catch (error) {
        this.giveUp(error)
      }
    })
  }

  /**
   * One call, retried while GitHub's trouble may pass and a pause fits in the time left.
   * `update`: a rate limit is not waited out (the caller skips updates for a while);
   * `quick`: one brief try (on cancellation).
   */
  private async withRetries<T>(
    call: (signal: AbortSignal) => Promise<T>,
    mode: 'retry' | 'update' | 'quick' = 'retry'
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const limit = AbortSignal.timeout(
          mode === 'quick' ? CANCELLED_CALL_TIMEOUT_MS : CALL_TIMEOUT_MS
        )
        return await call(AbortSignal.any([limit, this.stopper.signal]))
      } catch (error) {
        if (this.stopper.signal.aborted || !(error instanceof GitHubCallError)) throw error
        const backoff = RETRY_PAUSES_MS[attempt]
        const waitable = mode === 'retry' || (mode === 'update' && !error.rateLimited)
        if (!error.transient || !waitable || backoff === undefined) throw error
        const pause = Math.max(backoff, error.retryAfterMs ?? 0)
        const left = (this.endBy ?? this.options.now() + LONGEST_PAUSE_MS) - this.options.now()
        if (pause > left) {
          throw new GitHubCallError(
            `${error.message}; GitHub asked to wait ${formatDuration(pause)}, longer than the time left`,
            error.status,
            false,
            undefined,
            error.rateLimited
          )
        }
        await this.options.sleep(pause, this.stopper.signal)
      }
    }
  }

  // Warn once. Stop calling GitHub when it refused (no rights, no such check run) or the
  // check run was never made; after trouble that may pass, the next call tries again.
  private giveUp(error: unknown): void {
    const status = error instanceof GitHubCallError ? error.status : undefined
    const transient = error instanceof GitHubCallError && error.transient
    if (!transient || this.id === undefined) this.disabled = true
    if (this.warned) return
    this.warned = true
    const reason = error instanceof Error ? error.message : String(error)
    const rateLimited = error instanceof GitHubCallError && error.rateLimited
    const hint =
      !rateLimited && (status === 401 || status === 403 || status === 404)
        ? ': the token cannot write checks. Give the job `permissions: checks: write` (a pull request from a fork only gets a read-only token)'
        : ''
    this.options.warn(
      `Check run "${this.options.name}" ${this.id === undefined ? 'not created' : 'not updated'} (${reason})${hint}. The wait goes on${this.disabled ? ' without it' : ''}.`
    )
  }
}

/** One line for several: how many have ended, and how. */
export function overviewTitle(states: SummaryState[]): string {
  const ended = states.filter(state => state.outcome !== 'waiting')
  const counts = new Map<string, number>()
  for (const state of states) counts.set(state.outcome, (counts.get(state.outcome) ?? 0) + 1)
  const parts = [...counts].map(([outcome, count]) => `${count} ${outcome}`).join(', ')
  return `${ended.length} of ${states.length} ended: ${parts}`
}

/** One line for the checks list: the outcome, or where publishing is now. */
export function checkTitle(state: SummaryState): string {
  const status = state.snapshot?.status || 'no status yet'
  switch (state.outcome) {
    case 'waiting': {
      const step = state.snapshot && currentStep(state.snapshot)
      const progress = step?.progress ? ` ${step.progress}%` : ''
      return step ? `${status} · ${step.name}: ${step.status}${progress}` : status
    }
    case 'success':
      return `${status} after ${formatDuration(state.endedAt - state.startedAt)}`
    case 'failure':
      return `Publishing failed: ${state.reason}`
    case 'timeout':
      return `Timed out: ${status} after ${formatDuration(state.endedAt - state.startedAt)}`
    case 'cancelled':
      return `Cancelled while ${status}`
    default:
      return `Error: ${state.reason}`
  }
}
