// What the rows of the fault catalogue share: the row, the moments every API plays, and
// the helpers that make a row of a kind.
import type { expect as jestExpect } from '@jest/globals'
import type { EntraSpec, GitHubSpec, Phase, Scenario } from '../../simulator/scenario.js'
import type { Simulator } from '../../simulator/server.js'
import type { ActionOptions, ActionRun } from '../../scripts/run-action.js'

export type Api = NonNullable<Scenario['api']>

/** What a row that scripts its runs is given. */
export interface PlayContext {
  sim: Simulator
  /** The row's own inputs and environment. */
  options: ActionOptions
  /** One run to its end, as the row's runs go (in process, or a child process). */
  run(options: ActionOptions & { clockOffsetMs?: number }): Promise<ActionRun>
}

export interface FaultCase {
  fault: string
  /** What the action does, for the table. */
  does: string
  /** The APIs the row runs on; the Cloud Partner Portal alone when absent. */
  apis?: Api[]
  outcome: 'success' | 'failure' | 'timeout' | 'error' | 'handed-off'
  exitCode: 0 | 1
  timeline: Phase[]
  entra?: Partial<EntraSpec>
  /** Sign in with GitHub OIDC (the app without a secret). */
  oidc?: boolean
  /** The token input, when not the catalogue's own. */
  token?: string
  /** Show the wait as a check run against this simulated GitHub API. */
  github?: GitHubSpec
  /** Serve the simulator on this loopback address. */
  host?: '::1'
  /** GITHUB_OUTPUT names a directory: no output can be written. */
  brokenOutputs?: boolean
  /**
   * Every service behind a forward proxy (HTTPS_PROXY), on https host names under `.test`;
   * NO_PROXY names Entra ID's.
   */
  proxy?: boolean
  /** With `proxy`: NO_PROXY, when not Entra ID's host alone. */
  noProxy?: string
  /** With `proxy`: the proxy answers every CONNECT with this status. */
  proxyRefuses?: number
  /** More of the simulated scenario: several offers or jobs, product lists, paging. */
  scenario?: Partial<Scenario>
  /** The simulator's clock runs this far ahead of the runner's. */
  clockAheadMs?: number
  inputs?: Record<string, string>
  /** Point base-url at a closed port, or at a host name that does not resolve. */
  baseUrl?: 'closed-port' | 'unknown-host'
  /** Requests of several waits must overlap in real time (virtual time takes one at a time). */
  realTime?: true
  /** Send this signal once stdout shows `after`. */
  signal?: { name: 'SIGINT' | 'SIGTERM'; after: string; wait?: number }
  /**
   * Runs of its own, scripted: a wait handed from run to run, two runs side by side. The
   * last run is the one the row's outcome, exit code and check are about.
   */
  play?: (context: PlayContext) => Promise<ActionRun>
  /** More that the run must show (`expect` comes from the test: this file loads outside jest too). */
  check?: (run: ActionRun, sim: Simulator, expect: typeof jestExpect) => void
}

// The same moments on every API: each simulated API reads its own part.
export const RUNNING: Phase = {
  status: 'running',
  steps: { displaycertify: 'inProgress' },
  job: { status: 'running' },
  appSource: { state: 'InProgress', substate: 'Submitted' }
}
export const SUCCEEDED: Phase = {
  status: 'succeeded',
  steps: { '*': 'complete' },
  job: { status: 'completed', result: 'succeeded' },
  appSource: { state: 'Published', substate: 'InStore' }
}
export const EVERY_API: Api[] = ['cloud-partner-portal', 'product-ingestion', 'partner-center']
export const API_TITLES: Record<Api, string> = {
  'cloud-partner-portal': 'Cloud Partner Portal',
  'product-ingestion': 'Product Ingestion API',
  'partner-center': 'Partner Center ingestion API'
}
export const apisOf = (row: FaultCase): string =>
  row.apis === EVERY_API
    ? 'all three'
    : (row.apis ?? ['cloud-partner-portal']).map(api => API_TITLES[api]).join(', ')
// Rows whose bodies are written in the shapes of the Cloud Partner Portal and the
// Product Ingestion API.
export const STATUS_BODIES: Api[] = ['cloud-partner-portal', 'product-ingestion']
// The host names of the proxy rows, all served by the simulator behind the proxy.
export const PROXIED_HOSTS = {
  api: 'api.marketplace.test',
  login: 'login.marketplace.test',
  github: 'github.marketplace.test'
}
// Long ids and long messages: together more than the `offers` output's bound.
export const FIFTY_JOBS = Array.from(
  { length: 50 },
  (_, i) => `job-${String(i + 1).padStart(2, '0')}-${'✗'.repeat(800)}`
)
// What no person should find in a log, summary or output: zero-width, bidi, ESC, NUL.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const UNSEEN = new RegExp('[\\u200b\\u202e\\u001b\\u0000]')
// A look's first request: a status, or (Partner Center) a product's submission list.
export const statusRequests = (sim: Simulator) =>
  sim.requests.filter(r => r.url.includes('/status') || /\/submissions(\?|$)/.test(r.url))
export const gapMs = (sim: Simulator, from: number) => {
  const [a, b] = statusRequests(sim).slice(from, from + 2)
  return (b?.at ?? 0) - (a?.at ?? 0)
}
export const retried = (
  fault: string,
  phase: Phase,
  log: string | RegExp,
  does = 'retries within the deadline; the wait goes on'
): FaultCase => ({
  fault,
  does,
  apis: EVERY_API,
  outcome: 'success',
  exitCode: 0,
  timeline: [RUNNING, phase, SUCCEEDED],
  check: (run, _, expect) => expect(run.stdout).toMatch(log)
})

export const finalError = (code: number, log: RegExp): FaultCase => ({
  fault: `${code}`,
  does: "ends with `error` at once, quoting the server's code and message",
  outcome: 'error',
  exitCode: 1,
  timeline: [RUNNING, { fault: code }],
  check: (run, _, expect) => expect(run.stdout).toMatch(log)
})

export const cancelled = (
  name: 'SIGINT' | 'SIGTERM',
  during: string,
  after: string,
  extra: Partial<FaultCase>
): FaultCase => ({
  fault: `${name} during ${during}`,
  does: 'stops, writes outputs and summary with the last status seen, exits 1 within seconds',
  outcome: 'error',
  exitCode: 1,
  timeline: [RUNNING],
  signal: { name, after },
  check: (run, _, expect) => expect(run.summary).toContain('🚫'),
  ...extra
})

// What a second round of hostile answers showed, and the answers of real services that
// the first reading got wrong.
export const OFFER = { 'job-id': '', 'offer-id': 'contoso-vm' }
export const OTHER_PRODUCT = 'product/0c5a1e7b-62d4-4b7e-9f3a-5d2c8e1b4a6f'
export const OWN_PRODUCT = 'product/7a3c5e2d-1b4f-4e8a-9c6d-0f1e2d3c4b5a'
export const product = (externalId: string, id = OWN_PRODUCT) => ({
  id,
  identity: { externalId },
  type: 'azureVirtualMachine'
})
export const ECHOED = 'echoed~token.q7Rz2XpL9mKv4TnW8yBs'
export const jsonEscaped = (text: string) =>
  [...text].map(char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
export const neverShown =
  (secret: string) => (run: ActionRun, sim: Simulator, expect: typeof jestExpect) => {
    const written = [
      // The runner takes `::add-mask::` lines out of the log it shows.
      run.stdout.replace(/^::add-mask::.*$/gm, ''),
      run.summary,
      JSON.stringify(run.outputs),
      ...sim.github.checkRuns.map(r => JSON.stringify(r.calls))
    ]
    for (let at = 0; at + 12 <= secret.length; at++) {
      for (const text of written) expect(text).not.toContain(secret.slice(at, at + 12))
    }
  }
