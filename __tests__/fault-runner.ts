// The rows of the fault catalogue, each a whole run against the simulator: in this process
// in virtual time (run() with its effects), or, where the row needs what only a process
// of its own has (a proxy with host names and a certificate it trusts, a name that does
// not resolve), the bundle as a child process. The rows are shared among a few test
// files, which jest runs side by side.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from '@jest/globals'
import { startSimulator, type Simulator } from '../simulator/server.js'
import {
  actionOutputNames,
  ROOT,
  runAction,
  startAction,
  type ActionOptions,
  type ActionRun
} from '../scripts/run-action.js'
import { makeCertificate } from './certificate.js'
import { startConnectProxy, type ConnectProxy } from './connect-proxy.js'
import {
  FAULTS,
  faultTable,
  PROXIED_HOSTS,
  shardOf,
  type Api,
  type FaultCase
} from './faults/catalogue.js'
import { REAL_TIME, runInProcess, VirtualClock } from './in-process.js'
import { parseDuration } from '../src/inputs/duration.js'
import { API_TITLES } from './faults/case.js'
import { expectNoLeaks } from './leak-check.js'

const TOKEN = 'fault-catalogue-token-a11'
const TENANT = 'contoso.onmicrosoft.com'
const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
const BASE_INPUTS = {
  interval: '1s',
  'max-interval': '2s',
  'request-timeout': '1s',
  timeout: '20s'
}
// Starting node and writing the report, beyond the deadline and one request timeout.
const START_AND_REPORT_MS = 3_000
const PROXIED = PROXIED_HOSTS
let simulator: Simulator | undefined
let proxy: ConnectProxy | undefined
let certificate: ReturnType<typeof makeCertificate> | undefined

afterEach(async () => {
  expectNoLeaks(simulator)
  await Promise.all([simulator?.close(), proxy?.close()])
  simulator = proxy = undefined
})

/** The proxy row's certificate, proxy and environment. */
async function behindProxy(row: FaultCase, sim: Simulator) {
  const port = new URL(sim.url).port
  proxy = await startConnectProxy(
    Object.fromEntries(Object.values(PROXIED).map(name => [name, '127.0.0.1'])),
    row.proxyRefuses
  )
  return {
    urls: {
      'base-url': `https://${PROXIED.api}:${port}`,
      'authority-host': `https://${PROXIED.login}:${port}`,
      github: `https://${PROXIED.github}:${port}`
    },
    env: {
      HTTPS_PROXY: proxy.url,
      NO_PROXY: row.noProxy ?? PROXIED.login,
      NODE_EXTRA_CA_CERTS: certificate?.certFile ?? '',
      NODE_OPTIONS: `--import ${join(ROOT, '__tests__', 'fixtures', 'loopback-names.mjs')}`
    }
  }
}

async function baseUrl(row: FaultCase, sim: Simulator): Promise<string> {
  if (row.baseUrl === 'unknown-host') return 'https://cpp.example.invalid'
  if (row.baseUrl !== 'closed-port') return sim.url
  const closed = await startSimulator({ timeline: [{ status: 'running' }] })
  await closed.close()
  return closed.url
}

async function optionsFor(row: FaultCase, api: Api, sim: Simulator): Promise<ActionOptions> {
  const proxied = row.proxy ? await behindProxy(row, sim) : undefined
  const signIn: Record<string, string> =
    row.entra || row.oidc
      ? {
          token: '',
          'tenant-id': TENANT,
          'client-id': CLIENT_ID,
          'authority-host': proxied?.urls['authority-host'] ?? sim.url
        }
      : { token: row.token ?? TOKEN }
  return {
    inputs: {
      ...sim.api.targetInputs,
      'base-url': (proxied?.urls['base-url'] ?? (await baseUrl(row, sim))) + sim.api.root,
      ...signIn,
      ...BASE_INPUTS,
      ...(row.github ? { 'check-name': 'Marketplace publish' } : {}),
      ...row.inputs
    },
    env: {
      ...(row.baseUrl === 'unknown-host'
        ? { NODE_OPTIONS: `--import ${join(ROOT, '__tests__', 'fixtures', 'dns-failure.mjs')}` }
        : {}),
      ...(row.oidc ? sim.oidcEnv : {}),
      ...(row.github ? { GITHUB_API_URL: proxied?.urls.github ?? sim.url } : {}),
      ...proxied?.env
    },
    brokenOutputs: row.brokenOutputs
  }
}

const runsOf = (rows: FaultCase[]) =>
  rows.flatMap(row =>
    (row.apis ?? ['cloud-partner-portal']).map(
      api => [row.apis ? `${row.fault} (${API_TITLES[api]})` : row.fault, row, api] as const
    )
  )

// A process of its own: host names resolved by a preload, a certificate trusted from
// NODE_EXTRA_CA_CERTS, a name that never resolves. FAULTS_AS_CHILDREN=1 runs every row
// so, on the bundle ACTION_UNDER_TEST names (to see a row fail on an older one).
const needsProcess = (row: FaultCase, asChildren: boolean): boolean =>
  asChildren ||
  row.proxy === true ||
  row.baseUrl === 'unknown-host' ||
  process.env.FAULTS_AS_CHILDREN === '1'

type Clock = Pick<VirtualClock, 'now' | 'sleep'>

/** One run of the action to its end: in this process on `clock`, or as a child process. */
async function runOnce(
  row: FaultCase,
  options: ActionOptions & { clockOffsetMs?: number },
  clock: Clock | undefined
): Promise<ActionRun> {
  const { clockOffsetMs = 0, ...given } = options
  if (clock) {
    let cancelledAt = 0
    const run = await runInProcess({
      ...given,
      clock: { now: () => clock.now() + clockOffsetMs, sleep: clock.sleep },
      ...(row.signal && { cancelAfter: row.signal.after }),
      onStdout: chunk => {
        if (row.signal && !cancelledAt && chunk.includes(row.signal.after)) cancelledAt = Date.now()
      }
    })
    if (row.signal) expect(Date.now() - cancelledAt).toBeLessThan(START_AND_REPORT_MS)
    return run
  }
  const preloads = [
    given.env?.NODE_OPTIONS,
    clockOffsetMs && `--import ${join(ROOT, '__tests__', 'fixtures', 'clock-offset.mjs')}`
  ].filter(Boolean)
  const childOptions = {
    ...given,
    env: {
      ...given.env,
      ...(preloads.length > 0 && { NODE_OPTIONS: preloads.join(' ') }),
      ...(clockOffsetMs && { TEST_CLOCK_OFFSET_MS: String(clockOffsetMs) })
    }
  }
  if (!row.signal) return runAction(childOptions)
  const { name, after } = row.signal
  const { child, done } = await startAction(childOptions)
  await new Promise<void>(resolve =>
    child.stdout?.on('data', (chunk: string) => String(chunk).includes(after) && resolve())
  )
  const signalledAt = Date.now()
  child.kill(name)
  const run = await done
  expect(Date.now() - signalledAt).toBeLessThan(START_AND_REPORT_MS)
  return run
}

/** The rows of one shard of the catalogue, each a test (shard 1 checks docs/faults.md too). */
export function describeFaults(shard: number): void {
  describeRows(
    `the fault catalogue, end to end (part ${shard})`,
    FAULTS.filter((_, index) => shardOf(index) === shard)
  )
  if (shard === 1) {
    it('is written down in docs/faults.md as it is here (npm run faults:doc)', async () => {
      expect(await readFile(join(ROOT, 'docs', 'faults.md'), 'utf8')).toBe(faultTable())
    })
  }
}

/** Rows as the bundle runs them, each a child process: the built action itself. */
export function describeRowsOfTheBundle(title: string, rows: FaultCase[]): void {
  describeRows(title, rows, true)
}

function describeRows(title: string, rows: FaultCase[], asChildren = false): void {
  describe(title, () => {
    it.each(runsOf(rows))(
      '%s',
      async (_, row, api) => {
        const signsIn = row.entra !== undefined || row.oidc === true
        const clock = needsProcess(row, asChildren)
          ? undefined
          : row.realTime
            ? REAL_TIME
            : new VirtualClock()
        const now = clock?.now ?? Date.now
        const sim = (simulator = await startSimulator(
          {
            api,
            token: signsIn ? undefined : (row.token ?? TOKEN),
            timeline: row.timeline,
            entra: signsIn ? { tenantId: TENANT, clientId: CLIENT_ID, ...row.entra } : undefined,
            github: row.github,
            ...row.scenario
          },
          {
            host: row.host,
            now: () => now() + (row.clockAheadMs ?? 0),
            tls: row.proxy
              ? (certificate ??= makeCertificate({ dns: Object.values(PROXIED) }))
              : undefined
          }
        ))
        if (clock instanceof VirtualClock) clock.watch(sim)
        const options = await optionsFor(row, api, sim)
        const startedAt = now()
        const run = row.play
          ? await row.play({ sim, options, run: given => runOnce(row, given, clock) })
          : await runOnce(row, options, clock)
        const deadline = parseDuration(options.inputs.timeout ?? '') ?? 0
        const requestTimeout = parseDuration(options.inputs['request-timeout'] ?? '') ?? 0

        expect(now() - startedAt).toBeLessThan(deadline + requestTimeout + START_AND_REPORT_MS)
        if (!row.brokenOutputs) {
          expect(Object.keys(run.outputs).sort()).toEqual(await actionOutputNames())
          expect(run.outputs.outcome).toBe(row.outcome)
        }
        expect(run.exitCode).toBe(row.exitCode)
        expect(run.summary).toMatch(/^## /)
        expect(run.stderr).toBe('')
        row.check?.(run, sim, expect)
        if (row.proxy && row.noProxy === undefined && row.proxyRefuses === undefined) {
          const port = new URL(sim.url).port
          expect(new Set(proxy?.tunnels)).toEqual(
            new Set([`${PROXIED.api}:${port}`, `${PROXIED.github}:${port}`])
          )
        }
      },
      30_000
    )
  })
}
