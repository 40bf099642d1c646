// The GitHub REST calls of a check run.
import { readFileSync } from 'node:fs'
import { connectGitHub, gitHubCall } from '../github/github-call.js'
import { runsUrl } from '../github/runs-url.js'

export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'timed_out'

export interface CheckRunFields {
  status: 'in_progress' | 'completed'
  conclusion?: CheckConclusion
  started_at?: string
  completed_at?: string
  details_url?: string
  /** How far a wait handed from run to run has come: `marketplace-wait-run-3`. */
  external_id?: string
  output: { title: string; summary: string }
}

/** What a check run made by an earlier run says of itself. */
export interface ExistingCheckRun {
  name: string
  headSha: string
  status: string
  externalId: string
}

/** The calls; each ends when its signal aborts. */
export interface ChecksApi {
  create(name: string, fields: CheckRunFields, signal: AbortSignal): Promise<number>
  update(id: number, fields: CheckRunFields, signal: AbortSignal): Promise<void>
  get(id: number, signal: AbortSignal): Promise<ExistingCheckRun>
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
  return {
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    owner,
    repo,
    headSha,
    runUrl: `${runsUrl(env)}${env.GITHUB_RUN_ID ?? ''}`
  }
}

export async function connectChecks(token: string, target: CheckTarget): Promise<ChecksApi> {
  const octokit = await connectGitHub(token, target.apiUrl)
  const repository = { owner: target.owner, repo: target.repo }
  return {
    create: (name, fields, signal) =>
      gitHubCall(async () => {
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
      gitHubCall(async () => {
        await octokit.rest.checks.update({
          ...repository,
          check_run_id: id,
          ...fields,
          request: { signal }
        })
      }),
    get: (id, signal) =>
      gitHubCall(async () => {
        const { data } = await octokit.rest.checks.get({
          ...repository,
          check_run_id: id,
          request: { signal }
        })
        return {
          name: String(data.name ?? ''),
          headSha: String(data.head_sha ?? ''),
          status: String(data.status ?? ''),
          externalId: String(data.external_id ?? '')
        }
      })
  }
}
