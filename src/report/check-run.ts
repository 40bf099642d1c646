import { formatDuration } from '../inputs/duration.js'
import { currentStep } from '../status/snapshot.js'
import type { Look } from '../status/source.js'
import { clip } from '../text.js'
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
import { CHECK_SUMMARY_BYTE_LIMIT, renderSummary, type SummaryState } from './summary.js'

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

export interface CheckRunOptions {
  name: string
  /** What is waited for: `offer contoso/contoso-vm`. */
  label: string
  targetStatuses: string[]
  failOnTimeout: boolean
  api: ChecksApi
  target: CheckTarget
  /** The change history the log keeps, and how many changes it saw; read, never written. */
  history: { readonly changes: readonly StatusChange[]; readonly total: number }
  now(): number
  sleep(ms: number): Promise<void>
  warn(message: string): void
}

// Fewer writes than polls: the checks API is rate limited and a person reads it.
const UPDATE_EVERY_MS = 60_000
const CALL_TIMEOUT_MS = 10_000
const RETRY_PAUSES_MS = [1_000, 3_000]
// A Retry-After longer than this is not waited for: the check run must not hold up the step.
const LONGEST_RETRY_AFTER_MS = 10_000
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
  private polls = 0
  private state: SummaryState
  private sentAt = Number.NEGATIVE_INFINITY
  private sentChanges = -1
  // Stops every call under way once the time left for GitHub has run out.
  private readonly stopper = new AbortController()

  constructor(private readonly options: CheckRunOptions) {
    const now = options.now()
    this.state = {
      outcome: 'waiting',
      reason: `waiting for ${options.targetStatuses.join(' or ')}`,
      polls: 0,
      startedAt: now,
      endedAt: now
    }
  }

  start(): void {
    const fields: CheckRunFields = {
      ...this.fields(),
      started_at: new Date(this.state.startedAt).toISOString(),
      details_url: this.options.target.runUrl
    }
    this.enqueue(async () => {
      this.id = await this.withRetries(signal =>
        this.options.api.create(this.options.name, fields, signal)
      )
    })
  }

  /** Sees every answer; sends an update when something changed and a minute has passed. */
  readonly observe = (answer: Look, at: number): void => {
    this.polls++
    if (answer.kind !== 'ok') return
    this.state = { ...this.state, snapshot: answer.snapshot, polls: this.polls, endedAt: at }
    const changed = this.options.history.total !== this.sentChanges
    if (!changed || at - this.sentAt < UPDATE_EVERY_MS) return
    this.sentAt = at
    this.sentChanges = this.options.history.total
    const fields = this.fields()
    this.enqueue(async () => {
      if (this.id !== undefined) {
        const id = this.id
        await this.withRetries(signal => this.options.api.update(id, fields, signal))
      }
    })
  }

  /**
   * Completes the check run with the outcome; resolves when GitHub has it, gave up, or
   * `budgetMs` (the time left to the run) has passed: then every call under way stops.
   */
  async complete(result: WaitResult, budgetMs?: number): Promise<void> {
    this.state = result
    const cancelled = result.outcome === 'cancelled'
    const fields: CheckRunFields = {
      ...this.fields(),
      status: 'completed',
      conclusion: this.conclusion(result),
      completed_at: new Date(result.endedAt).toISOString()
    }
    this.enqueue(async () => {
      if (this.id !== undefined) {
        const id = this.id
        await this.withRetries(signal => this.options.api.update(id, fields, signal), cancelled)
      }
    })
    if (budgetMs === undefined) return this.queue
    let timer: NodeJS.Timeout | undefined
    const outOfTime = new Promise<'out of time'>(resolve => {
      timer = setTimeout(() => resolve('out of time'), Math.max(0, budgetMs))
    })
    const ended = await Promise.race([this.queue.then(() => 'done' as const), outOfTime])
    clearTimeout(timer)
    if (ended === 'out of time') {
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
    return {
      status: 'in_progress',
      output: {
        title: clip(checkTitle(this.state), 200),
        summary: renderSummary(
          {
            label: this.options.label,
            result: this.state,
            changes: [...this.options.history.changes],
            targetStatuses: this.options.targetStatuses,
            runUrl: this.options.target.runUrl
          },
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

  private async withRetries<T>(
    call: (signal: AbortSignal) => Promise<T>,
    once = false
  ): Promise<T> {
    const pauses = once ? [] : RETRY_PAUSES_MS
    for (let attempt = 0; ; attempt++) {
      try {
        const limit = AbortSignal.timeout(once ? CANCELLED_CALL_TIMEOUT_MS : CALL_TIMEOUT_MS)
        return await call(AbortSignal.any([limit, this.stopper.signal]))
      } catch (error) {
        if (this.stopper.signal.aborted) throw error
        const pause = Math.max(pauses[attempt] ?? NaN, retryAfter(error))
        if (
          !(error instanceof GitHubCallError) ||
          !error.transient ||
          !(pause <= LONGEST_RETRY_AFTER_MS)
        )
          throw error
        await this.options.sleep(pause)
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
    const hint =
      status === 401 || status === 403 || status === 404
        ? ': the token cannot write checks. Give the job `permissions: checks: write` (a pull request from a fork only gets a read-only token)'
        : ''
    this.options.warn(
      `Check run "${this.options.name}" ${this.id === undefined ? 'not created' : 'not updated'} (${reason})${hint}. The wait goes on${this.disabled ? ' without it' : ''}.`
    )
  }
}

function retryAfter(error: unknown): number {
  return error instanceof GitHubCallError ? (error.retryAfterMs ?? 0) : 0
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
