// The inputs of a hand-off, and where the runner says the next run goes: the workflow
// file and the ref, read once before any request so that a wrong one fails at once.
import { readFileSync } from 'node:fs'
import { formatDuration, parseDuration } from '../inputs/duration.js'
import { shown } from '../inputs/ids.js'
import { InputError } from '../inputs/input-error.js'
import type { InputReader } from '../inputs/input-reader.js'

/** How this run hands a wait on, when `hand-off-after` asks it to. */
export interface HandOff {
  afterMs: number
  /** The `workflow_dispatch` input that carries the state. */
  inputName: string
  githubToken: string
  /** `owner/repo`. */
  repository: string
  /** The workflow's file name under .github/workflows/. */
  workflowFile: string
  /** A full ref the next run is dispatched on. */
  ref: string
  /** Which input named the wait's targets, and the publisher: the next run reads them back. */
  idsInput: 'offer-id' | 'job-id'
  publisherId: string
  /** Said once at the start, when the value will not work on every runner. */
  warning?: string
}

// The job's token cannot be renewed past 24 hours.
const LONGEST_HAND_OFF_MS = 23 * 3_600_000
// A GitHub-hosted job stops at 6 hours: the hand-off must come before that.
const HOSTED_JOB_MS = 5 * 3_600_000 + 50 * 60_000
// GitHub's rule for input names: letters, digits, `-` and `_`, not starting with a digit.
const INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,99}$/

/** The hand-off, or none when `hand-off-after` is empty. */
export function readHandOff(
  input: InputReader,
  env: NodeJS.ProcessEnv,
  intervalMs: number
): HandOff | undefined {
  const after = (input('hand-off-after') ?? '').trim()
  if (!after) return undefined
  const afterMs = parseDuration(after)
  if (afterMs === undefined) {
    throw new InputError('hand-off-after', `is not a duration: ${shown(after)}; use e.g. 5h30m`)
  }
  if (afterMs < intervalMs || afterMs >= LONGEST_HAND_OFF_MS) {
    throw new InputError(
      'hand-off-after',
      `must be at least 'interval' (${formatDuration(intervalMs)}) and under 23h (the job's token lasts 24h): ${shown(after)}`
    )
  }
  const inputName = readInputName(input)
  const githubToken = (input('github-token') ?? '').trim()
  if (!githubToken) {
    throw new InputError(
      'github-token',
      "is empty but 'hand-off-after' needs it to start the next run; leave it at its default, `${{ github.token }}`"
    )
  }
  const repository = env.GITHUB_REPOSITORY ?? ''
  return {
    afterMs,
    inputName,
    githubToken,
    repository,
    workflowFile: workflowFile(env, repository),
    ref: dispatchRef(env, repository),
    idsInput: (input('job-id') ?? '').trim() ? 'job-id' : 'offer-id',
    publisherId: (input('publisher-id') ?? '').trim(),
    ...(env.RUNNER_ENVIRONMENT === 'github-hosted' &&
      afterMs > HOSTED_JOB_MS && {
        warning: `'hand-off-after' is ${formatDuration(afterMs)}: a GitHub-hosted job stops at 6h, so hand off by 5h50m at the latest.`
      })
  }
}

/** `hand-off-input`: a name a workflow_dispatch input can have. */
export function readInputName(input: InputReader): string {
  const name = (input('hand-off-input') ?? '').trim() || 'marketplace-wait'
  if (!INPUT_NAME.test(name)) {
    throw new InputError(
      'hand-off-input',
      `must be a workflow_dispatch input name (letters, digits, - and _): ${shown(name)}`
    )
  }
  return name
}

// GITHUB_WORKFLOW_REF: `owner/repo/.github/workflows/wait.yml@refs/heads/main`.
function workflowFile(env: NodeJS.ProcessEnv, repository: string): string {
  const ref = env.GITHUB_WORKFLOW_REF ?? ''
  const match = /^([^/]+\/[^/]+)\/\.github\/workflows\/([^/@]+)@/.exec(ref)
  if (!match || match[1]?.toLowerCase() !== repository.toLowerCase() || !repository) {
    throw new InputError(
      'hand-off-after',
      `needs this repository's own workflow to dispatch, but GITHUB_WORKFLOW_REF is ${shown(ref)}`
    )
  }
  return match[2] as string
}

// The run's branch or tag; a pull request's head branch when it is in this repository.
function dispatchRef(env: NodeJS.ProcessEnv, repository: string): string {
  if (env.GITHUB_EVENT_NAME === 'pull_request') {
    const head = pullRequestHead(env)
    if (head.toLowerCase() !== repository.toLowerCase()) {
      throw new InputError(
        'hand-off-after',
        `cannot hand off from a pull request of a fork (${shown(head)}): its branch cannot be dispatched in ${repository}`
      )
    }
    return `refs/heads/${env.GITHUB_HEAD_REF ?? ''}`
  }
  const ref = env.GITHUB_REF ?? ''
  if (!/^refs\/(heads|tags)\/\S+$/.test(ref)) {
    throw new InputError(
      'hand-off-after',
      `needs a branch or tag to dispatch the next run on, but GITHUB_REF is ${shown(ref)}`
    )
  }
  return ref
}

function pullRequestHead(env: NodeJS.ProcessEnv): string {
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as {
      pull_request?: { head?: { repo?: { full_name?: unknown } } }
    }
    const name = event.pull_request?.head?.repo?.full_name
    return typeof name === 'string' ? name : ''
  } catch {
    return ''
  }
}
