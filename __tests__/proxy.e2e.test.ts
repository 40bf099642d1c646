// Through the runner's proxy: the status API, Entra ID and the GitHub checks API are
// reached through HTTPS_PROXY, and NO_PROXY is honoured, by the same HTTP stack in the
// bundle as in every other test. Host names under `.test` stand for the services; the
// proxy maps them to the simulator, and a preload resolves them for requests that
// bypass it.
import { afterEach, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import type { Scenario } from '../simulator/scenario.js'
import { startSimulator, type Simulator } from '../simulator/server.js'
import { ROOT, runAction } from '../scripts/run-action.js'
import { makeCertificate } from './certificate.js'
import { startConnectProxy, type ConnectProxy } from './connect-proxy.js'
import { expectNoLeaks } from './leak-check.js'

const API = 'api.marketplace.test'
const LOGIN = 'login.marketplace.test'
const GITHUB = 'github.marketplace.test'
const TENANT = 'contoso.onmicrosoft.com'
const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
const SECRET = 'proxy-app-secret-5e6f'
const JOB = 'c32dd7e8-8fd7-4f6b-a9c2-3c7a8f9e0b51'
const certificate = makeCertificate({ dns: [API, LOGIN, GITHUB] })
let simulator: Simulator | undefined
let proxy: ConnectProxy | undefined

afterEach(async () => {
  expectNoLeaks(simulator)
  await Promise.all([simulator?.close(), proxy?.close()])
  simulator = proxy = undefined
})

// Every API's requests go through the one HTTP session: two of them show it.
const TARGETS: Record<
  Exclude<NonNullable<Scenario['api']>, 'partner-center'>,
  Record<string, string>
> = {
  'cloud-partner-portal': { 'publisher-id': 'contoso', 'offer-id': 'contoso-vm' },
  'product-ingestion': { 'job-id': JOB }
}

async function runThroughProxy(
  api: Exclude<NonNullable<Scenario['api']>, 'partner-center'>,
  noProxy = ''
) {
  simulator = await startSimulator(
    {
      api,
      entra: { tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET },
      github: {},
      timeline: [
        { status: 'running', job: { status: 'running' } },
        { status: 'succeeded', job: { status: 'completed', result: 'succeeded' } }
      ]
    },
    { tls: { key: certificate.key, cert: certificate.cert } }
  )
  proxy = await startConnectProxy({
    [API]: '127.0.0.1',
    [LOGIN]: '127.0.0.1',
    [GITHUB]: '127.0.0.1'
  })
  const port = new URL(simulator.url).port
  const run = await runAction({
    inputs: {
      ...TARGETS[api],
      'base-url': `https://${API}:${port}`,
      'authority-host': `https://${LOGIN}:${port}`,
      'tenant-id': TENANT,
      'client-id': CLIENT_ID,
      'client-secret': SECRET,
      'check-name': 'Marketplace publish',
      interval: '1s',
      'max-interval': '2s',
      'request-timeout': '5s'
    },
    env: {
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      NO_PROXY: noProxy,
      GITHUB_API_URL: `https://${GITHUB}:${port}`,
      NODE_EXTRA_CA_CERTS: certificate.certFile,
      NODE_OPTIONS: `--import ${join(ROOT, '__tests__', 'fixtures', 'loopback-names.mjs')}`
    }
  })
  return { run, port, sim: simulator, proxy }
}

describe('through a proxy', () => {
  it.each(['product-ingestion', 'cloud-partner-portal'] as const)(
    'reaches the %s API, Entra ID and the checks API through HTTPS_PROXY',
    async api => {
      const { run, port, sim, proxy } = await runThroughProxy(api)
      expect(run.exitCode).toBe(0)
      expect(run.outputs.outcome).toBe('success')
      expect(run.stdout).not.toMatch(/::warning::Check run/)
      expect(sim.github.checkRuns).toHaveLength(1)
      expect(new Set(proxy.tunnels)).toEqual(
        new Set([`${API}:${port}`, `${LOGIN}:${port}`, `${GITHUB}:${port}`])
      )
    }
  )

  it('goes straight to the hosts NO_PROXY names', async () => {
    const { run, port, sim, proxy } = await runThroughProxy('product-ingestion', LOGIN)
    expect(run.outputs.outcome).toBe('success')
    expect(sim.signIn.tokenRequests).toHaveLength(1)
    expect(proxy.tunnels).not.toContain(`${LOGIN}:${port}`)
    expect(proxy.tunnels).toContain(`${API}:${port}`)
  })
})
