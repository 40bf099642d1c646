// Every GitHub call of the action, made one way: @actions/github loaded on first use
// only (a wait without a check run or a hand-off never loads it), each call bounded by
// `request-timeout` and by the time the step has left, retried by the one policy unless
// the call says never, and each failure one RequestError, worded one way.
import { formatDuration } from '../inputs/duration.js'
import { RequestError } from '../http/http-session.js'
import { honourNoProxy } from '../http/no-proxy.js'
import { isTransientStatus, parseRateLimitReset, parseRetryAfter } from '../http/policy.js'
import { GITHUB_CALL_RETRIES, retryPause, type RetryPolicy } from '../http/retry.js'
import { timeLimit, TimeLimitPassed, withinLimit } from '../http/time-limit.js'
import { clip } from '../text.js'

export type Octokit = ReturnType<typeof import('@actions/github').getOctokit>

export interface GitHubOptions {
  token: string
  /** GitHub's REST API: github.com's, or a GitHub Enterprise Server's. */
  apiUrl: string
  requestTimeoutMs: number
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export interface CallOptions {
  /** Epoch ms by which the call, its retries included, has ended whatever GitHub does. */
  endBy: number
  /** The retry policy, or `false`: sent once (a dispatch that timed out may have run). */
  retries?: RetryPolicy | false
  /** A rate limit ends the call at once: the caller holds off on its own. */
  rateLimitEnds?: boolean
  /** Ends the call at once (cancellation, or the step out of time). */
  signal?: AbortSignal
}

// GitHub asks for at least a minute after a secondary limit that names no time.
const RATE_LIMIT_PAUSE_MS = 60_000

/** GitHub's REST API for this step's calls. */
export class GitHub {
  private octokit: Promise<Octokit> | undefined

  constructor(private readonly options: GitHubOptions) {}

  /**
   * One call: each attempt bounded by request-timeout and `endBy`, trouble that may
   * pass tried again while a pause fits before `endBy`. Throws a RequestError.
   */
  async call<T>(
    request: (octokit: Octokit, signal: AbortSignal) => Promise<T>,
    call: CallOptions
  ): Promise<T> {
    const { now, requestTimeoutMs } = this.options
    const retries = call.retries === undefined ? GITHUB_CALL_RETRIES : call.retries
    // Loading the client is no request: it never counts against a request's time.
    const octokit = await (this.octokit ??= this.connect())
    for (let attempt = 0; ; attempt++) {
      const limit = timeLimit(Math.min(requestTimeoutMs, call.endBy - now()), call.signal)
      let error: RequestError
      try {
        return await withinLimit(request(octokit, limit.signal), limit.signal)
      } catch (thrown) {
        error = this.asRequestError(thrown, limit.signal)
      } finally {
        limit.clear()
      }
      if (call.signal?.aborted || !retries || !error.transient) throw error
      if (error.rateLimited && call.rateLimitEnds) throw error
      const pause = retryPause(retries, attempt, error.retryAfterMs, now(), call.endBy)
      if (pause.kind === 'none') throw error
      if (pause.kind === 'too-long') {
        throw new RequestError(
          error.retryAfterMs === undefined
            ? `${error.message}; no time was left to try again`
            : `${error.message}; it asked to wait ${formatDuration(pause.ms)}, longer than the time left`,
          false,
          undefined,
          { status: error.status, rateLimited: error.rateLimited }
        )
      }
      await this.options.sleep(pause.ms, call.signal)
    }
  }

  private async connect(): Promise<Octokit> {
    // @actions/github picks its proxy as it loads: NO_PROXY must be read before.
    honourNoProxy(this.options.apiUrl)
    const { getOctokit } = await import('@actions/github')
    return getOctokit(this.options.token, { baseUrl: this.options.apiUrl })
  }

  /** Any failure as one RequestError: `GitHub answered 403: …`, `GitHub gave no answer …`. */
  private asRequestError(thrown: unknown, limit: AbortSignal): RequestError {
    if (thrown instanceof RequestError) return thrown
    if (limit.aborted) {
      const reason: unknown = limit.reason
      return new RequestError(
        reason instanceof TimeLimitPassed
          ? `GitHub gave ${reason.message}`
          : 'the GitHub call was stopped',
        true
      )
    }
    const { status, message, response } = thrown as {
      status?: number
      message?: string
      response?: { headers?: Record<string, string | undefined> }
    }
    const headers = response?.headers ?? {}
    // GitHub's message may go on over lines (a 422's reasons): one line, bounded.
    const text = clip(message ?? String(thrown), 500)
    if (typeof status !== 'number') {
      return new RequestError(`GitHub could not be reached: ${text}`, true)
    }
    const rateLimited =
      status === 429 ||
      (status === 403 &&
        (headers['retry-after'] !== undefined ||
          headers['x-ratelimit-remaining'] === '0' ||
          /rate limit/i.test(text)))
    const now = this.options.now()
    const retryAfterMs =
      parseRetryAfter(headers['retry-after'], now, headers.date) ??
      parseRateLimitReset(
        headers['x-ratelimit-remaining'],
        headers['x-ratelimit-reset'],
        now,
        headers.date
      ) ??
      (rateLimited ? RATE_LIMIT_PAUSE_MS : undefined)
    return new RequestError(
      `GitHub answered ${status}: ${text}`,
      isTransientStatus(status) || rateLimited,
      retryAfterMs,
      { status, rateLimited }
    )
  }
}
