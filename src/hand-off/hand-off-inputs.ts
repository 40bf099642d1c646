// The inputs of a hand-off, and where the runner says the next run goes: the workflow
// file and the ref, read once before any request so that a wrong one fails at once.
import { formatDuration, parseDuration } from '../inputs/duration.js'
import { shown } from '../inputs/ids.js'
import { InputError } from '../inputs/input-error.js'
import type { InputReader } from '../inputs/input-reader.js'
import type { RunnerContext } from '../runner/context.js'

/** How this run hands a wait on, when `hand-off-after` asks it to. */
export interface HandOff {
  afterMs: number
  /** The `workflow_dispatch` input that carries the state. */
  inputName: string
  /** The workflow's file name under .github/workflows/. */
  workflowFile: string
  /** A full ref the next run is dispatched on. */
  ref: string
  /** Said once at the start, when the value will not work on every runner. */
  warning?: string
}

/** The longest wait handed from run to run. */
export const LONGEST_WAIT_MS = 30 * 86_400_000

/** A state that cannot be carried on: always blamed on `hand-off-input`, the input that held it. */
export function refusal(problem: string): InputError {
  return new InputError(
    'hand-off-input',
    `holds no hand-off state this action can carry on: ${problem}`
  )
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
  runner: RunnerContext,
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
  if (!(input('github-token') ?? '').trim()) {
    throw new InputError(
      'github-token',
      "is empty but 'hand-off-after' needs it to start the next run; leave it at its default, `${{ github.token }}`"
    )
  }
  return {
    afterMs,
    inputName,
    workflowFile: workflowFile(runner),
    ref: dispatchRef(runner),
    ...(runner.hosted &&
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

// GITHUB_WORKFLOW_REF less its ref: `owner/repo/.github/workflows/wait.yml`.
function workflowFile(runner: RunnerContext): string {
  const match = /^([^/]+\/[^/]+)\/\.github\/workflows\/([^/@]+)$/.exec(runner.workflow)
  if (!match || !runner.repository || match[1]?.toLowerCase() !== runner.repository.toLowerCase()) {
    throw new InputError(
      'hand-off-after',
      `needs this repository's own workflow to dispatch, but GITHUB_WORKFLOW_REF is ${shown(runner.env.GITHUB_WORKFLOW_REF ?? '')}`
    )
  }
  return match[2] as string
}

// The run's branch or tag; a pull request's head branch when it is in this repository.
function dispatchRef(runner: RunnerContext): string {
  if (runner.eventName === 'pull_request') {
    const head = runner.event.pull_request?.head?.repo?.full_name
    const name = typeof head === 'string' ? head : ''
    if (name.toLowerCase() !== runner.repository.toLowerCase()) {
      throw new InputError(
        'hand-off-after',
        `cannot hand off from a pull request of a fork (${shown(name)}): its branch cannot be dispatched in ${runner.repository}`
      )
    }
    return `refs/heads/${runner.headRef}`
  }
  if (!/^refs\/(heads|tags)\/\S+$/.test(runner.ref)) {
    throw new InputError(
      'hand-off-after',
      `needs a branch or tag to dispatch the next run on, but GITHUB_REF is ${shown(runner.ref)}`
    )
  }
  return runner.ref
}
