// Sign-in end to end: dist/index.js as a child process against the simulator's Entra
// ID and runner ID-token endpoints, once over TLS with a certificate made here.
import { afterEach, describe, expect, it } from '@jest/globals'
import type { EntraSpec } from '../simulator/scenario.js'
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator/server.js'
import { makeCertificate } from './certificate.js'
import { expectNoLeaks } from './leak-check.js'
import { runAction } from '../scripts/run-action.js'

const TENANT = 'contoso.onmicrosoft.com'
const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
const SECRET = 'e2e-app-secret-c0ffee'
let simulator: Simulator | undefined

afterEach(async () => {
  expectNoLeaks(simulator)
  await simulator?.close()
  simulator = undefined
})

async function serve(
  entra: Partial<EntraSpec> = {},
  options: SimulatorOptions = {}
): Promise<Simulator> {
  simulator = await startSimulator(
    {
      timeline: [{ status: 'running' }, { status: 'succeeded' }],
      entra: { tenantId: TENANT, clientId: CLIENT_ID, ...entra }
    },
    options
  )
  return simulator
}

function inputs(sim: Simulator, more: Record<string, string>): Record<string, string> {
  return {
    'publisher-id': 'contoso',
    'offer-id': 'contoso-vm',
    'tenant-id': TENANT,
    'client-id': CLIENT_ID,
    'base-url': sim.url,
    'authority-host': sim.url,
    interval: '1s',
    'max-interval': '2s',
    ...more
  }
}

describe('signing in, end to end', () => {
  it('with a client secret', async () => {
    const sim = await serve({ clientSecret: SECRET })
    const run = await runAction({ inputs: inputs(sim, { 'client-secret': SECRET }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(run.stdout).toContain('signed in with an Entra ID app secret')
    expect(sim.signIn.tokenRequests).toHaveLength(1)
  })

  it('with GitHub OIDC federation', async () => {
    const sim = await serve()
    const run = await runAction({ inputs: inputs(sim, {}), env: sim.oidcEnv })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(run.stdout).toContain('signed in with GitHub OIDC federation')
    expect(sim.signIn.tokenRequests[0]?.form.client_assertion).toBe(sim.signIn.idTokensIssued[0])
  })

  it('with OIDC but no id-token permission: a one-line error before any request', async () => {
    const sim = await serve()
    const run = await runAction({ inputs: inputs(sim, {}) })
    expect(run.exitCode).toBe(1)
    expect(sim.requests).toHaveLength(0)
    expect(run.stdout).toContain(
      "::error::Inputs 'tenant-id' and 'client-id' without client-secret sign in with GitHub OIDC, but this job gets no ID token: add `permissions: id-token: write` to the job"
    )
    expect(run.outputs).toMatchObject({ outcome: 'error', polls: '0' })
  })

  it("with a wrong secret: Entra's error, never the secret", async () => {
    const sim = await serve({ clientSecret: SECRET })
    const wrong = 'wrong-secret-e2e-4411'
    const run = await runAction({ inputs: inputs(sim, { 'client-secret': wrong }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'error', polls: '1' })
    expect(run.stdout).toContain(
      '::error::error: Entra ID answered 401 Unauthorized: invalid_client: AADSTS7000215: Invalid client secret provided.'
    )
  })

  it('with two ways at once: a one-line error naming the inputs', async () => {
    const sim = await serve()
    const run = await runAction({
      inputs: inputs(sim, { token: 'abc-token', 'client-secret': SECRET })
    })
    expect(run.exitCode).toBe(1)
    expect(sim.requests).toHaveLength(0)
    expect(run.stdout).toMatch(
      /::error::Inputs 'token', 'tenant-id', 'client-id' and 'client-secret' were all given: sign in one way/
    )
  })

  it('over https, with a certificate made for this test', async () => {
    const { key, cert, certFile } = makeCertificate({ ip: ['127.0.0.1'], dns: ['localhost'] })
    const sim = await serve({ clientSecret: SECRET }, { tls: { key, cert } })
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const run = await runAction({
      inputs: inputs(sim, { 'client-secret': SECRET }),
      env: { NODE_EXTRA_CA_CERTS: certFile }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(sim.signIn.tokenRequests).toHaveLength(1)
  })
})
