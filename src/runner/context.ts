// What the runner says of this run, read once: its environment and its event file (the
// dispatch inputs, the pull request's head), which every part reads from here.
import { readFileSync } from 'node:fs'

/** The parts of the webhook event the action reads. */
export interface RunnerEvent {
  inputs?: Record<string, unknown>
  pull_request?: { head?: { sha?: unknown; repo?: { full_name?: unknown } } }
}

export interface RunnerContext {
  env: NodeJS.ProcessEnv
  /** `owner/repo`. */
  repository: string
  serverUrl: string
  /** GitHub's REST API: github.com's, or a GitHub Enterprise Server's. */
  apiUrl: string
  eventName: string
  event: RunnerEvent
  /** The job and the step (`GITHUB_JOB`, `GITHUB_ACTION`). */
  job: string
  step: string
  /** The workflow file without its ref: `owner/repo/.github/workflows/publish.yml`. */
  workflow: string
  /** A push's or tag's `GITHUB_REF`; a pull request's head branch. */
  ref: string
  headRef: string
  /** The commit a check run goes on: a pull request's head, else GITHUB_SHA. */
  headSha: string
  /** This run and its attempt, one key: a re-run of a job is another attempt. */
  runKey: string
  runNumber: number
  /** `https://github.com/owner/repo/actions/runs/`, a run's id to follow. */
  runsUrl: string
  runUrl: string
  hosted: boolean
}

// The event file is the runner's, but its inputs are whoever dispatched: read it bounded.
const MOST_EVENT_BYTES = 1024 * 1024

export function readRunner(env: NodeJS.ProcessEnv): RunnerContext {
  const repository = env.GITHUB_REPOSITORY ?? ''
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com'
  const event = readEvent(env.GITHUB_EVENT_PATH)
  const runId = env.GITHUB_RUN_ID ?? ''
  const runsUrl = `${serverUrl}/${repository}/actions/runs/`
  const number = Number(env.GITHUB_RUN_NUMBER)
  const prHead = event.pull_request?.head?.sha
  return {
    env,
    repository,
    serverUrl,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    event,
    job: env.GITHUB_JOB ?? '',
    step: env.GITHUB_ACTION ?? '',
    workflow: (env.GITHUB_WORKFLOW_REF ?? '').replace(/@.*$/, ''),
    ref: env.GITHUB_REF ?? '',
    headRef: env.GITHUB_HEAD_REF ?? '',
    headSha: typeof prHead === 'string' && prHead ? prHead : (env.GITHUB_SHA ?? ''),
    runKey: `${runId}.${env.GITHUB_RUN_ATTEMPT || '1'}`,
    runNumber: Number.isSafeInteger(number) && number > 0 ? number : 0,
    runsUrl,
    runUrl: `${runsUrl}${runId}`,
    hosted: env.RUNNER_ENVIRONMENT === 'github-hosted'
  }
}

function readEvent(path: string | undefined): RunnerEvent {
  try {
    const text = readFileSync(path ?? '', 'utf8')
    if (text.length > MOST_EVENT_BYTES) return {}
    const event: unknown = JSON.parse(text)
    return event !== null && typeof event === 'object' ? (event as RunnerEvent) : {}
  } catch {
    // No event file (outside a runner), or not JSON: no event facts.
    return {}
  }
}

/** Whether a URL is a run page of this repository on this server (GitHub's answers are checked). */
export function isRunPage(url: unknown, runner: RunnerContext): url is string {
  if (typeof url !== 'string' || !url.startsWith(runner.runsUrl)) return false
  return /^\d{1,20}(?:\/attempts\/\d{1,4})?$/.test(url.slice(runner.runsUrl.length))
}

/** The page of this workflow's runs: where a run GitHub did not name is found. */
export function workflowRunsPage(runner: RunnerContext): string {
  const file = /\/\.github\/workflows\/([^/]+)$/.exec(runner.workflow)?.[1] ?? ''
  return `${runner.serverUrl}/${runner.repository}/actions${file ? `/workflows/${file}` : ''}`
}
