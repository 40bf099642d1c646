import type { Look } from '../status/source.js'
import { clip } from '../text.js'
import { worstOf } from '../wait/outcomes.js'
import type { WaitResult } from '../wait/wait-for-status.js'
import { checkTitle, conclusionOf, overviewTitle } from './check-run-title.js'
import { sleep } from '../wait/cancellation.js'
import { GitHubCalls } from './github-calls.js'
import {
  checkTarget,
  connectChecks,
  GitHubCallError,
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
// What the check run gets of a cancelled job's last seconds.
const CANCELLED_BUDGET_MS = 1_500

/**
 * Shows the wait as a check run on the commit: created in progress, updated when the
 * status changes (at most about once a minute), completed with the outcome. GitHub
 * calls run in order, beside the wait, and never decide the step.
 */
export class CheckRun {
  id: number | undefined
  private readonly calls: GitHubCalls
  private readonly states: SummaryState[]
  private sentAt = Number.NEGATIVE_INFINITY
  private sentChanges = -1
  // No update is sent before this: GitHub rate-limited one, and the next carries it.
  private quietUntil = Number.NEGATIVE_INFINITY
  // Settles once the create call has ended, however it ended.
  private creating: Promise<void> = Promise.resolve()

  constructor(private readonly options: CheckRunOptions) {
    this.calls = new GitHubCalls({ ...options, created: () => this.id !== undefined })
    this.calls.endBy = options.endBy
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
    // Ends the pause too once the check run exists: no timer outlives this call.
    const ended = new AbortController()
    const pause = sleep(ms, signal ? AbortSignal.any([signal, ended.signal]) : ended.signal)
    await Promise.race([this.creating, pause])
    ended.abort()
  }

  start(): void {
    const fields: CheckRunFields = {
      ...this.fields(),
      started_at: new Date(this.options.now()).toISOString(),
      details_url: this.options.target.runUrl
    }
    this.calls.enqueue(async () => {
      this.id = await this.calls.call(signal =>
        this.options.api.create(this.options.name, fields, signal)
      )
    })
    this.creating = this.calls.queue
  }

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
    this.calls.enqueue(async () => {
      if (this.id === undefined) return
      const id = this.id
      try {
        await this.calls.call(signal => this.options.api.update(id, fields, signal), 'update')
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
    if (budgetMs !== undefined) this.calls.endBy = this.options.now() + Math.max(0, budgetMs)
    const worst = { ...(ended[0] as WaitResult), outcome: worstOf(ended.map(r => r.outcome)) }
    const quick = worst.outcome === 'cancelled' || cancelled?.aborted === true
    const fields: CheckRunFields = {
      ...this.fields(),
      status: 'completed',
      conclusion: conclusionOf(worst.outcome, this.options.failOnTimeout),
      completed_at: new Date(Math.max(...ended.map(r => r.endedAt))).toISOString()
    }
    this.calls.enqueue(async () => {
      if (this.id !== undefined) {
        const id = this.id
        await this.calls.call(
          signal => this.options.api.update(id, fields, signal),
          quick ? 'quick' : 'retry'
        )
      }
    })
    if (budgetMs === undefined) return this.calls.queue
    let timer: NodeJS.Timeout | undefined
    let shortened: (() => void) | undefined
    const outOfTime = new Promise<'out of time'>(resolve => {
      const end = (ms: number): void => {
        clearTimeout(timer)
        timer = setTimeout(() => resolve('out of time'), Math.max(0, ms))
      }
      // A cancelled job is killed within seconds: then the check run gets a moment only.
      shortened = () => end(Math.min(budgetMs, CANCELLED_BUDGET_MS))
      if (cancelled?.aborted) shortened()
      else {
        end(budgetMs)
        cancelled?.addEventListener('abort', shortened, { once: true })
      }
    })
    const race = await Promise.race([this.calls.queue.then(() => 'done' as const), outOfTime])
    clearTimeout(timer)
    if (shortened) cancelled?.removeEventListener('abort', shortened)
    if (race === 'out of time') this.calls.stop()
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
}
