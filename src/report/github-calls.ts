// The GitHub calls of one check run: in order, beside the wait, each retried by the one
// retry policy within the time left, and given up with one warning.
import { formatDuration } from '../inputs/duration.js'
import { GITHUB_CALL_RETRIES, retryPause } from '../http/retry.js'
import { GitHubCallError } from '../github/github-call.js'

const CALL_TIMEOUT_MS = 10_000
// On cancellation the runner kills the job within seconds: one quick try.
const QUICK_CALL_TIMEOUT_MS = 2_500

/**
 * `retry`: waits out trouble that may pass; `update`: the same, but a rate limit is not
 * waited out (the caller skips updates for a while); `quick`: one brief try.
 */
export type CallMode = 'retry' | 'update' | 'quick'

export interface GitHubCallsOptions {
  /** The check run's name, for the warning. */
  name: string
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  warn(message: string): void
  /** Whether GitHub has made the check run: the warning says which call failed. */
  created(): boolean
}

export class GitHubCalls {
  /** Settles once every call queued so far has ended. */
  queue: Promise<void> = Promise.resolve()
  /** Epoch ms after which no retry pause may end; unset, pauses of a few seconds only. */
  endBy: number | undefined
  private disabled = false
  private warned = false
  // Stops every call under way once the time left for GitHub has run out.
  private readonly stopper = new AbortController()

  constructor(private readonly options: GitHubCallsOptions) {}

  /** Runs `task` after the calls before it; a failure warns once and may stop the rest. */
  enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.disabled) return
      try {
        await task()
      } catch (error) {
        this.giveUp(error)
      }
    })
  }

  /** One call, retried while GitHub's trouble may pass and a pause fits in the time left. */
  async call<T>(
    request: (signal: AbortSignal) => Promise<T>,
    mode: CallMode = 'retry'
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const limit = AbortSignal.timeout(
          mode === 'quick' ? QUICK_CALL_TIMEOUT_MS : CALL_TIMEOUT_MS
        )
        return await request(AbortSignal.any([limit, this.stopper.signal]))
      } catch (error) {
        if (this.stopper.signal.aborted || !(error instanceof GitHubCallError)) throw error
        const waitable = mode === 'retry' || (mode === 'update' && !error.rateLimited)
        if (!error.transient || !waitable) throw error
        const now = this.options.now()
        const pause = retryPause(GITHUB_CALL_RETRIES, attempt, error.retryAfterMs, now, this.endBy)
        if (pause.kind === 'none') throw error
        if (pause.kind === 'too-long') {
          throw new GitHubCallError(
            `${error.message}; GitHub asked to wait ${formatDuration(pause.ms)}, longer than the time left`,
            error.status,
            false,
            undefined,
            error.rateLimited
          )
        }
        await this.options.sleep(pause.ms, this.stopper.signal)
      }
    }
  }

  /** Out of time: every call under way stops, and no other is made. */
  stop(): void {
    this.disabled = true
    this.stopper.abort()
    if (this.warned) return
    this.warned = true
    this.options.warn(
      `Check run "${this.options.name}" not completed: GitHub did not answer in the time left to this step.`
    )
  }

  // Warn once. Stop calling GitHub when it refused (no rights, no such check run) or the
  // check run was never made; after trouble that may pass, the next call tries again.
  private giveUp(error: unknown): void {
    const created = this.options.created()
    const status = error instanceof GitHubCallError ? error.status : undefined
    const transient = error instanceof GitHubCallError && error.transient
    if (!transient || !created) this.disabled = true
    if (this.warned) return
    this.warned = true
    const reason = error instanceof Error ? error.message : String(error)
    const rateLimited = error instanceof GitHubCallError && error.rateLimited
    const hint =
      !rateLimited && (status === 401 || status === 403 || status === 404)
        ? ': the token cannot write checks. Give the job `permissions: checks: write` (a pull request from a fork only gets a read-only token)'
        : ''
    this.options.warn(
      `Check run "${this.options.name}" ${created ? 'not updated' : 'not created'} (${reason})${hint}. The wait goes on${this.disabled ? ' without it' : ''}.`
    )
  }
}
