import type { Carried } from './hand-off/carried.js'
import { LONGEST_WAIT_MS, readHandOff, refusal, type HandOff } from './hand-off/hand-off-inputs.js'
import type { HandOffState } from './hand-off/state.js'
import { readBoolean } from './inputs/boolean.js'
import { formatDuration, parseDuration } from './inputs/duration.js'
import { readHttpsUrl } from './inputs/https-url.js'
import { shown } from './inputs/ids.js'
import { InputError } from './inputs/input-error.js'
import type { InputReader } from './inputs/input-reader.js'
import type { RunnerContext } from './runner/context.js'
import { readSignIn, type SignIn } from './sign-in/sign-in-inputs.js'
import type { StatusApi, WaitTarget } from './sources/contract.js'
import { chooseApi } from './sources/index.js'
import { PUBLISH_KINDS, type PublishKind } from './status/publishing.js'
import { OFFER_STATUSES, STEP_STATUSES, parseStatusList } from './status/statuses.js'
import { hasControlChar } from './text.js'

/** Everything the action was asked to do, read and checked once. */
export interface Settings {
  /** The status API, chosen by the `api` input. */
  api: StatusApi
  /** That API's own inputs as given (or carried on), by name: a hand-off carries them. */
  apiInputs: Record<string, string>
  /** What to wait for, as that API read it. */
  targets: WaitTarget[]
  signIn: SignIn
  baseUrl: string
  apiVersion: string
  targetStatuses: string[]
  failOnStatuses: string[]
  failOnStepStatuses: string[]
  /** The whole wait's, from its first run's start. */
  timeoutMs: number
  intervalMs: number
  maxIntervalMs: number
  requestTimeoutMs: number
  failOnTimeout: boolean
  writeSummary: boolean
  /** Show the wait as a check run of this name. */
  checkName?: string
  /** Writes the check run and dispatches the next run of a hand-off. */
  githubToken?: string
  /** Hand a wait still undecided to a new run, `hand-off-after` into this one. */
  handOff?: HandOff
  /** The wait an earlier run handed to this one. */
  carried?: HandOffState
  /** The publishing request each wait sends once it is due. */
  publish?: PublishKind
}

/**
 * Defaults of action.yml, used when an input is absent (as when run outside a runner).
 * `base-url`, `api-version` and `interval` default to the chosen API's own.
 */
export const DEFAULTS: Record<string, string> = {
  api: 'auto',
  'authority-host': 'https://login.microsoftonline.com',
  'fail-on-status': 'Failed, Canceled',
  'fail-on-step-status': 'Rejected',
  timeout: '30m',
  'max-interval': '5m',
  'request-timeout': '30s',
  'fail-on-timeout': 'true',
  summary: 'true',
  'hand-off-input': 'marketplace-wait'
}

const DAY_MS = 86_400_000
/** The longest a duration may be, and why. */
interface Longest {
  ms: number
  why: string
}
// No job runs longer than 5 days, even on a self-hosted runner.
const IN_ONE_JOB: Longest = {
  ms: 5 * DAY_MS,
  why: 'the longest a job may run; hand-off-after lets a wait go on across runs'
}
const HANDED_OFF: Longest = { ms: LONGEST_WAIT_MS, why: 'the longest wait handed from run to run' }
const HANDED_OFF_WITH_CHECK_RUN: Longest = {
  ms: 14 * DAY_MS,
  why: 'GitHub marks a check run incomplete that long stale'
}
const SHORTEST_PAUSE_MS = 1_000

// Inputs whose explicit empty value means "none" rather than the default.
const LISTS = new Set(['fail-on-status', 'fail-on-step-status'])

/**
 * The wait an earlier run handed to this step, if this is a dispatched run that holds
 * one; its reader is loaded only then. `now` judges the state's times.
 */
export async function readCarriedWait(
  given: InputReader,
  runner: RunnerContext,
  now: number
): Promise<Carried | undefined> {
  if (runner.eventName !== 'workflow_dispatch') return undefined
  const { readCarried } = await import('./hand-off/carried.js')
  return readCarried(given, runner, now)
}

/** The settings of this step, the wait it carries on (readCarriedWait) among them. */
export function readSettings(
  given: InputReader,
  runner: RunnerContext,
  carried?: Carried
): Settings {
  const readInput = carried?.input ?? given
  const api = chooseApi(readInput)
  const defaults: Record<string, string> = { ...DEFAULTS, ...api.defaults }
  const input = (name: string): string => {
    const value = readInput(name)
    if (value === undefined) return defaults[name] ?? ''
    return value.trim() || (LISTS.has(name) ? '' : (defaults[name] ?? ''))
  }

  const targets = api.readTargets(readInput)
  const publish = readPublish(readInput, api, targets)
  // Empty: the end of what was asked for, the preview or the store.
  defaults['target-status'] = publish === 'preview' ? 'WaitingForPublisherReview' : 'Succeeded'
  const intervalMs = readDuration('interval', input('interval'), SHORTEST_PAUSE_MS)
  const checkName = readCheckName(readInput)
  const handOff = readHandOff(readInput, runner, intervalMs)
  const longestWait = handOff ? (checkName ? HANDED_OFF_WITH_CHECK_RUN : HANDED_OFF) : IN_ONE_JOB
  const githubToken = (readInput('github-token') ?? '').trim()
  if (checkName && !githubToken) {
    throw new InputError(
      'github-token',
      "is empty but 'check-name' asks for a check run; leave it at its default, `${{ github.token }}`"
    )
  }
  const settings: Settings = {
    api,
    apiInputs: Object.fromEntries(api.inputs.map(name => [name, (readInput(name) ?? '').trim()])),
    targets,
    signIn: readSignIn(readInput, input('authority-host'), runner.env),
    baseUrl: readHttpsUrl('base-url', input('base-url')),
    apiVersion: readApiVersion(api, input('api-version')),
    targetStatuses: readStatuses('target-status', input('target-status'), OFFER_STATUSES),
    failOnStatuses: readStatuses('fail-on-status', input('fail-on-status'), OFFER_STATUSES),
    failOnStepStatuses: readStatuses(
      'fail-on-step-status',
      input('fail-on-step-status'),
      STEP_STATUSES
    ),
    timeoutMs: carried
      ? carriedTimeout(carried.state, checkName)
      : readDuration('timeout', input('timeout'), 0, longestWait),
    intervalMs,
    maxIntervalMs: readDuration('max-interval', input('max-interval'), SHORTEST_PAUSE_MS),
    requestTimeoutMs: readDuration('request-timeout', input('request-timeout'), SHORTEST_PAUSE_MS),
    failOnTimeout: readBoolean('fail-on-timeout', input('fail-on-timeout')),
    writeSummary: readBoolean('summary', input('summary')),
    ...(checkName && { checkName }),
    ...((checkName || handOff) && githubToken && { githubToken }),
    ...(handOff && { handOff }),
    ...(carried && { carried: carried.state }),
    ...(publish && { publish })
  }

  if (settings.targetStatuses.length === 0) {
    throw new InputError('target-status', 'names no status to wait for')
  }
  const both = settings.targetStatuses.filter(s => settings.failOnStatuses.includes(s))
  if (both.length > 0) {
    throw new InputError(
      'target-status',
      `and 'fail-on-status' both name ${both.join(', ')}: a status cannot end the wait as success and as failure`
    )
  }
  if (settings.maxIntervalMs < settings.intervalMs) {
    throw new InputError(
      'max-interval',
      `(${formatDuration(settings.maxIntervalMs)}) is shorter than 'interval' (${formatDuration(settings.intervalMs)})`
    )
  }
  return settings
}

// A wait carried on keeps the deadline it started with, within what a check run allows.
function carriedTimeout(state: HandOffState, checkName: string | undefined): number {
  const timeoutMs = state.deadline - state.startedAt
  if (checkName && timeoutMs > HANDED_OFF_WITH_CHECK_RUN.ms) {
    throw refusal(
      `d: a deadline ${formatDuration(timeoutMs)} after the start, over the ${formatDuration(HANDED_OFF_WITH_CHECK_RUN.ms)} a wait with a check run may last (${HANDED_OFF_WITH_CHECK_RUN.why})`
    )
  }
  return timeoutMs
}

function readPublish(
  readInput: InputReader,
  api: StatusApi,
  targets: WaitTarget[]
): PublishKind | undefined {
  const value = (readInput('publish') ?? '').trim()
  if (!value) return undefined
  const kind = PUBLISH_KINDS.find(known => known === value.toLowerCase())
  if (!kind) throw new InputError('publish', `must be preview, live or empty: ${shown(value)}`)
  const refused = api.publishRefusals?.[kind]
  if (refused)
    throw new InputError('publish', `is ${kind}, which the ${api.title} does not send: ${refused}`)
  const unpublishable = targets.find(target => target.cannotPublish)?.cannotPublish
  if (unpublishable) throw new InputError('publish', `is ${kind}, but ${unpublishable}`)
  return kind
}

function readCheckName(readInput: InputReader): string | undefined {
  const name = (readInput('check-name') ?? '').trim()
  if (!name) return undefined
  if (hasControlChar(name) || name.length > 100) {
    throw new InputError(
      'check-name',
      `must be one line of at most 100 characters: ${JSON.stringify(name.slice(0, 100))}`
    )
  }
  return name
}

function readApiVersion(api: StatusApi, value: string): string {
  if (!api.apiVersion.pattern.test(value)) {
    throw new InputError(
      'api-version',
      `must look like ${api.apiVersion.example} for the ${api.title}: ${shown(value)}`
    )
  }
  return value
}

function readStatuses(name: string, value: string, known: readonly string[]): string[] {
  const { names, unknown } = parseStatusList(value, known)
  if (unknown.length > 0) {
    throw new InputError(
      name,
      `has unknown status ${unknown.map(u => JSON.stringify(u)).join(', ')}; known: ${known.join(', ')}`
    )
  }
  return names
}

function readDuration(
  name: string,
  value: string,
  shortestMs: number,
  longest = IN_ONE_JOB
): number {
  const ms = parseDuration(value)
  if (ms === undefined) {
    throw new InputError(
      name,
      `is not a duration: ${JSON.stringify(value)}; use e.g. 90s, 15m, 2h, 1h30m (each unit once) or a number of seconds`
    )
  }
  if (ms < shortestMs) {
    throw new InputError(
      name,
      `must be at least ${formatDuration(shortestMs)}: ${JSON.stringify(value)}`
    )
  }
  if (ms > longest.ms) {
    throw new InputError(
      name,
      `must be at most ${formatDuration(longest.ms)} (${longest.why}): ${JSON.stringify(value)}`
    )
  }
  return ms
}
