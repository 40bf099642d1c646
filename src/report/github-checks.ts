// The GitHub REST calls of a check run. @actions/github is imported here, on first use
// only: a wait without `check-name` never loads it.
import { readFileSync } from 'node:fs'
import { honourNoProxy } from '../http/no-proxy.js'
import { isTransientStatus, parseRetryAfter } from '../http/policy.js'

export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'timed_out'

export interface CheckRunFields {
  status: 'in_progress' | 'completed'
  conclusion?: CheckConclusion
  started_at?: string
  completed_at?: string
  details_url?: string
  output: { title: string; summary: string }
}

/** The calls; each ends when its signal aborts. */
export interface ChecksApi {
  create(name: string, fields: CheckRunFields, signal: AbortSignal): Promise<number>
  update(id: number, fields: CheckRunFields, signal: AbortSignal): Promise<void>
}

export interface CheckTarget {
  /** GITHUB_API_URL: github.com's API, or a GitHub Enterprise Server's. */
  apiUrl: string
  owner: string
  repo: string
  /** The pull request's head commit for pull request events, GITHUB_SHA otherwise. */
  headSha: string
  runUrl: string
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

/** The commit and run this job is about, from the runner's environment. */
export function checkTarget(env: NodeJS.ProcessEnv): CheckTarget {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  let headSha = env.GITHUB_SHA ?? ''
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as {
      pull_request?: { head?: { sha?: string } }
    }
    headSha = event.pull_request?.head?.sha ?? headSha
  } catch {
    // No event file (outside a runner): GITHUB_SHA it is.
  }
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  return {
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    owner,
    repo,
    headSha,
    runUrl: `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`
  }
}

export async function connectChecks(token: string, target: CheckTarget): Promise<ChecksApi> {
  // @actions/github picks its proxy as it loads: NO_PROXY must be read before.
  honourNoProxy(target.apiUrl)
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(token, { baseUrl: target.apiUrl })
  const repository = { owner: target.owner, repo: target.repo }
  return {
    create: (name, fields, signal) =>
      call(async () => {
        const { data } = await octokit.rest.checks.create({
          ...repository,
          name,
          head_sha: target.headSha,
          ...fields,
          request: { signal }
        })
        return data.id
      }),
    update: (id, fields, signal) =>
      call(async () => {
        await octokit.rest.checks.update({
          ...repository,
          check_run_id: id,
          ...fields,
          request: { signal }
        })
      })
  }
}

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request()
  } catch (error) {
    const { status, message, response } = error as {
      status?: number
      message?: string
      response?: { headers?: Record<string, string | undefined> }
    }
    const headers = response?.headers ?? {}
    const text = (message ?? String(error)).split('\n')[0]
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
