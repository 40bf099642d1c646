import { chooseApi } from '../sources/index.js'
import type { StatusApi, WaitTarget } from '../status/source.js'
import { OFFER_STATUSES, STEP_STATUSES, parseStatusList } from '../status/statuses.js'
import { hasControlChar } from '../text.js'
import { formatDuration, parseDuration } from './duration.js'
import { readId, shown } from './ids.js'
import { InputError, quoteNames } from './input-error.js'
import type { InputReader } from './input-reader.js'

/** Everything the action was asked to do, read and checked once. */
export interface Settings {
  /** The status API, chosen by the `api` input. */
  api: StatusApi
  /** What to wait for, as that API read it. */
  targets: WaitTarget[]
  signIn: SignIn
  baseUrl: string
  apiVersion: string
  targetStatuses: string[]
  failOnStatuses: string[]
  failOnStepStatuses: string[]
  timeoutMs: number
  intervalMs: number
  maxIntervalMs: number
  requestTimeoutMs: number
  failOnTimeout: boolean
  writeSummary: boolean
  /** Show the wait as a check run of this name, written with this token. */
  checkRun?: { name: string; githubToken: string }
}

/** The one way to get a bearer token that the inputs give. */
export type SignIn =
  | { kind: 'token'; token: string }
  | {
      kind: 'client-secret'
      tenantId: string
      clientId: string
      clientSecret: string
      authorityHost: string
    }
  | { kind: 'oidc'; tenantId: string; clientId: string; authorityHost: string }

/**
 * Defaults of action.yml, used when an input is absent (as when run outside a runner).
 * `base-url`, `api-version` and `interval` default to the chosen API's own.
 */
export const DEFAULTS: Record<string, string> = {
  api: 'auto',
  'authority-host': 'https://login.microsoftonline.com',
  'target-status': 'Succeeded',
  'fail-on-status': 'Failed, Canceled',
  'fail-on-step-status': 'Rejected',
  timeout: '30m',
  'max-interval': '5m',
  'request-timeout': '30s',
  'fail-on-timeout': 'true',
  summary: 'true'
}

// No job runs longer than 5 days, even on a self-hosted runner.
const LONGEST_DURATION_MS = 5 * 86_400_000
const SHORTEST_PAUSE_MS = 1_000

// Inputs whose explicit empty value means "none" rather than the default.
const LISTS = new Set(['fail-on-status', 'fail-on-step-status'])

export function readSettings(readInput: InputReader): Settings {
  const api = chooseApi(readInput)
  const defaults: Record<string, string> = { ...DEFAULTS, ...api.defaults }
  const input = (name: string): string => {
    const value = readInput(name)
    if (value === undefined) return defaults[name] ?? ''
    return value.trim() || (LISTS.has(name) ? '' : (defaults[name] ?? ''))
  }

  const targets = api.readTargets(readInput)
  const settings: Settings = {
    api,
    targets,
    signIn: readSignIn(readInput, input('authority-host')),
    baseUrl: readHttpsUrl('base-url', input('base-url')),
    apiVersion: readApiVersion(api, input('api-version')),
    targetStatuses: readStatuses('target-status', input('target-status'), OFFER_STATUSES),
    failOnStatuses: readStatuses('fail-on-status', input('fail-on-status'), OFFER_STATUSES),
    failOnStepStatuses: readStatuses(
      'fail-on-step-status',
      input('fail-on-step-status'),
      STEP_STATUSES
    ),
    timeoutMs: readDuration('timeout', input('timeout'), 0),
    intervalMs: readDuration('interval', input('interval'), SHORTEST_PAUSE_MS),
    maxIntervalMs: readDuration('max-interval', input('max-interval'), SHORTEST_PAUSE_MS),
    requestTimeoutMs: readDuration('request-timeout', input('request-timeout'), SHORTEST_PAUSE_MS),
    failOnTimeout: readBoolean('fail-on-timeout', input('fail-on-timeout')),
    writeSummary: readBoolean('summary', input('summary')),
    checkRun: readCheckRun(readInput)
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

const SIGN_IN_WAYS =
  "sign in one way: 'token'; or 'tenant-id', 'client-id' and 'client-secret'; or 'tenant-id' and 'client-id' (GitHub OIDC)"

function readSignIn(readInput: InputReader, authorityHost: string): SignIn {
  const given = ['token', 'tenant-id', 'client-id', 'client-secret'].filter(
    name => (readInput(name) ?? '').trim() !== ''
  )
  const has = (name: string): boolean => given.includes(name)
  if (has('token')) {
    if (given.length > 1) throw new InputError(given, `were all given: ${SIGN_IN_WAYS}`)
    return { kind: 'token', token: readToken(readInput) }
  }
  if (!has('tenant-id') || !has('client-id')) {
    if (given.length === 0)
      throw new InputError('token', `is empty and nothing else was given: ${SIGN_IN_WAYS}`)
    const missing = ['tenant-id', 'client-id'].filter(name => !has(name))
    throw new InputError(given, `need ${quoteNames(missing)} as well: ${SIGN_IN_WAYS}`)
  }
  const app = {
    tenantId: readId(readInput, 'tenant-id'),
    clientId: readClientId((readInput('client-id') ?? '').trim()),
    authorityHost: readHttpsUrl('authority-host', authorityHost)
  }
  if (!has('client-secret')) return { kind: 'oidc', ...app }
  // Never quote a secret; only refuse what would break the request.
  const clientSecret = (readInput('client-secret') ?? '').trim()
  if (hasControlChar(clientSecret)) {
    throw new InputError('client-secret', 'contains control characters or line breaks')
  }
  return { kind: 'client-secret', ...app, clientSecret }
}

function readCheckRun(readInput: InputReader): Settings['checkRun'] {
  const name = (readInput('check-name') ?? '').trim()
  if (!name) return undefined
  if (hasControlChar(name) || name.length > 100) {
    throw new InputError(
      'check-name',
      `must be one line of at most 100 characters: ${JSON.stringify(name.slice(0, 100))}`
    )
  }
  const githubToken = (readInput('github-token') ?? '').trim()
  if (!githubToken) {
    throw new InputError(
      'github-token',
      "is empty but 'check-name' asks for a check run; leave it at its default, `${{ github.token }}`"
    )
  }
  return { name, githubToken }
}

const SHORTEST_TOKEN = 8

function readToken(readInput: InputReader): string {
  const token = (readInput('token') ?? '').trim().replace(/^bearer\s+/i, '')
  // Never quote the token: it is a secret.
  if (!token || /\s/.test(token) || hasControlChar(token)) {
    throw new InputError('token', 'contains spaces or control characters; pass the bare token')
  }
  // No real token is this short, and every answer has the token cut out of it.
  if (token.length < SHORTEST_TOKEN) {
    throw new InputError(
      'token',
      `is ${token.length} characters long; a real token has far more than ${SHORTEST_TOKEN}`
    )
  }
  return token
}

function readClientId(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    throw new InputError(
      'client-id',
      `must be the app's application (client) id, a GUID: ${JSON.stringify(value.slice(0, 60))}`
    )
  }
  return value
}

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.test(hostname)
}

// Secrets go to these URLs: https only, but for loopback hosts (the simulator).
function readHttpsUrl(name: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(name, `is not a URL: ${JSON.stringify(value)}`)
  }
  if (url.username || url.password) {
    throw new InputError(name, 'must not contain a user name or password')
  }
  if (url.search || url.hash) {
    throw new InputError(name, 'must not contain a query or fragment')
  }
  const loopback = isLoopbackHost(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError(
      name,
      `must use https (plain http only for loopback hosts): ${JSON.stringify(value)}`
    )
  }
  return url.href.replace(/\/+$/, '')
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

function readDuration(name: string, value: string, shortestMs: number): number {
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
  if (ms > LONGEST_DURATION_MS) {
    throw new InputError(
      name,
      `must be at most 5d (the longest a job may run): ${JSON.stringify(value)}`
    )
  }
  return ms
}

function readBoolean(name: string, value: string): boolean {
  if (/^(true|yes|on)$/i.test(value)) return true
  if (/^(false|no|off)$/i.test(value)) return false
  throw new InputError(name, `must be true or false: ${JSON.stringify(value)}`)
}
