// One GitHub REST call, as every GitHub call of the action makes it: @actions/github
// loaded on first use only (a wait without a check run or a hand-off never loads it),
// and each failure one GitHubCallError that says whether trying again may help.
import { honourNoProxy } from '../http/no-proxy.js'
import { isTransientStatus, parseRetryAfter } from '../http/policy.js'
import { clip } from '../text.js'

export type Octokit = ReturnType<typeof import('@actions/github').getOctokit>

/** An Octokit for GitHub's API at `apiUrl` (github.com's, or a GitHub Enterprise Server's). */
export async function connectGitHub(token: string, apiUrl: string): Promise<Octokit> {
  // @actions/github picks its proxy as it loads: NO_PROXY must be read before.
  honourNoProxy(apiUrl)
  const { getOctokit } = await import('@actions/github')
  return getOctokit(token, { baseUrl: apiUrl })
}

/** A failed GitHub call; `transient` when trying again may work (rate limits, 5xx, network). */
export class GitHubCallError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly transient: boolean,
    /** How long GitHub asked us to wait (Retry-After, a rate limit's reset), when it said. */
    readonly retryAfterMs?: number,
    /** A rate limit, not a refusal: it passes. */
    readonly rateLimited = false
  ) {
    super(message)
    this.name = 'GitHubCallError'
  }
}

/** Runs one request; any failure becomes a GitHubCallError. */
export async function gitHubCall<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request()
  } catch (error) {
    const { status, message, response } = error as {
      status?: number
      message?: string
      response?: { headers?: Record<string, string | undefined> }
    }
    const headers = response?.headers ?? {}
    // GitHub's message may go on over lines (a 422's reasons): one line, bounded.
    const text = clip(message ?? String(error), 500)
    const limited = rateLimited(status, headers, text ?? '')
    // No status: the request never got an answer (network trouble, or our time limit).
    const transient = status === undefined || isTransientStatus(status) || limited
    throw new GitHubCallError(
      `${status ? `${status} ` : ''}${text}`,
      status,
      transient,
      retryAfter(headers, limited),
      limited
    )
  }
}

// GitHub's rate limits answer 429, or 403 with Retry-After, no requests left, or a
// message that says so (its secondary limit): they pass, unlike a 403 for lack of rights.
function rateLimited(
  status: number | undefined,
  headers: Record<string, string | undefined>,
  message: string
): boolean {
  if (status === 429) return true
  return (
    status === 403 &&
    (headers['retry-after'] !== undefined ||
      headers['x-ratelimit-remaining'] === '0' ||
      /rate limit/i.test(message))
  )
}

// GitHub asks for at least a minute after a secondary limit that names no time.
const RATE_LIMIT_PAUSE_MS = 60_000

function retryAfter(
  headers: Record<string, string | undefined>,
  limited: boolean
): number | undefined {
  const asked = parseRetryAfter(headers['retry-after'], Date.now(), headers.date)
  if (asked !== undefined || !limited) return asked
  const reset = Number(headers['x-ratelimit-reset'])
  if (headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset)) {
    const serverNow = Date.parse(headers.date ?? '')
    return Math.max(0, reset * 1000 - (Number.isNaN(serverNow) ? Date.now() : serverNow))
  }
  return RATE_LIMIT_PAUSE_MS
}
