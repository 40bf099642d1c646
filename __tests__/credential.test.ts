import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { OfferStatusSource } from '../src/sources/cloud-partner-portal/source.js'
import type { Look } from '../src/status/source.js'
import {
  createCredential,
  type Credential,
  type CredentialDeps
} from '../src/sign-in/credential.js'
import { HttpSession, RequestError } from '../src/http/http-session.js'
import { requestGitHubIdToken } from '../src/sign-in/github-id-token.js'
import type { SignIn } from '../src/sign-in/sign-in-inputs.js'
import { waitForNew } from './builders.js'
import type { EntraSpec, Scenario } from '../simulator/scenario.js'
import { startSimulator, type Simulator } from '../simulator/server.js'

const TENANT = 'contoso.onmicrosoft.com'
const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
const SECRET = 'app-secret-value-7d2'
const START = Date.UTC(2026, 0, 1)
const MINUTE = 60_000
const HOUR = 60 * MINUTE

let simulator: Simulator | undefined
const sessions: HttpSession[] = []
let now = START
const masked: string[] = []

beforeEach(() => {
  now = START
  masked.length = 0
})

afterEach(async () => {
  for (const session of sessions.splice(0)) session.dispose()
  await simulator?.close()
  simulator = undefined
  delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL
  delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
})

async function serve(
  entra: Partial<EntraSpec> = {},
  extra: Partial<Scenario> = {}
): Promise<Simulator> {
  simulator = await startSimulator(
    {
      timeline: [{ status: 'running' }],
      entra: { tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET, ...entra },
      ...extra
    },
    { now: () => now }
  )
  Object.assign(process.env, simulator.oidcEnv)
  return simulator
}

function session(): HttpSession {
  sessions.push(new HttpSession(5_000, text => text))
  return sessions.at(-1) as HttpSession
}

function deps(): CredentialDeps {
  return {
    scope: CPP_SCOPE,
    session: session(),
    now: () => now,
    mask: secret => masked.push(secret),
    getIDToken: (audience, signal) =>
      requestGitHubIdToken(session(), process.env, audience, signal),
    env: process.env
  }
}

function signIn(kind: 'client-secret' | 'oidc', sim: Simulator, secret = SECRET): SignIn {
  const app = { tenantId: TENANT, clientId: CLIENT_ID, authorityHost: sim.url }
  return kind === 'client-secret' ? { kind, ...app, clientSecret: secret } : { kind, ...app }
}

const CPP_SCOPE = 'https://cloudpartner.azure.com/.default'

function clientWith(credential: Credential, sim: Simulator): OfferStatusSource {
  return new OfferStatusSource(
    {
      baseUrl: sim.url,
      apiVersion: '2017-10-31',
      credential,
      session: session(),
      redact: text => text,
      now: () => now
    },
    'contoso',
    'contoso-vm'
  )
}

async function failureOf(promise: Promise<unknown>): Promise<RequestError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof RequestError) return error
    throw error
  }
  throw new Error('no error')
}

describe('Entra ID sign-in against the simulator', () => {
  it('signs in with a client secret: one form POST with the client-credentials grant', async () => {
    const sim = await serve()
    const token = await createCredential(signIn('client-secret', sim), deps()).getToken()
    expect(token).toMatch(/^sim-access-/)
    expect(sim.signIn.tokenRequests).toEqual([
      {
        tenant: TENANT,
        at: START,
        form: {
          grant_type: 'client_credentials',
          client_id: CLIENT_ID,
          scope: 'https://cloudpartner.azure.com/.default',
          client_secret: SECRET
        }
      }
    ])
    expect(masked).toContain(token)
  })

  it('signs in with GitHub OIDC: a fresh ID token as the client assertion', async () => {
    const sim = await serve({ clientSecret: undefined })
    const token = await createCredential(signIn('oidc', sim), deps()).getToken()
    expect(token).toMatch(/^sim-access-/)
    const [request] = sim.signIn.tokenRequests
    expect(request?.form).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      scope: 'https://cloudpartner.azure.com/.default',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: sim.signIn.idTokensIssued[0]
    })
    expect(masked).toEqual(expect.arrayContaining([token, sim.signIn.idTokensIssued[0]]))
  })

  it('keeps the token until a few minutes before it ends, then renews it', async () => {
    const sim = await serve({ tokenLifetime: '1h' })
    const credential = createCredential(signIn('client-secret', sim), deps())
    const first = await credential.getToken()
    now = START + 54 * MINUTE
    expect(await credential.getToken()).toBe(first)
    now = START + 56 * MINUTE
    const second = await credential.getToken()
    expect(second).not.toBe(first)
    expect(sim.signIn.tokenRequests.map(r => r.at)).toEqual([START, START + 56 * MINUTE])
  })

  it('asks GitHub for a new ID token for every renewal', async () => {
    const sim = await serve({
      clientSecret: undefined,
      tokenLifetime: '10m',
      idTokenLifetime: '5m'
    })
    const credential = createCredential(signIn('oidc', sim), deps())
    for (let i = 0; i < 4; i++) {
      await credential.getToken()
      now += 10 * MINUTE
    }
    const assertions = sim.signIn.tokenRequests.map(r => r.form.client_assertion)
    expect(assertions).toHaveLength(4)
    expect(new Set(assertions).size).toBe(4)
  })

  it("shows Entra's own error without its trace lines, and never the secret", async () => {
    const sim = await serve()
    const error = await failureOf(
      createCredential(signIn('client-secret', sim, 'wrong-secret-91'), deps()).getToken()
    )
    expect(error.transient).toBe(false)
    expect(error.message).toBe(
      'Entra ID answered 401 Unauthorized: invalid_client: AADSTS7000215: Invalid client secret provided.'
    )
    expect(error.message).not.toContain('wrong-secret-91')
  })

  it('treats throttling and 5xx of the token endpoint as transient', async () => {
    const sim = await serve({
      errors: [
        {
          status: 503,
          error: 'temporarily_unavailable',
          description: 'AADSTS90033: A transient error has occurred.'
        },
        { status: 429, error: 'throttled', description: 'AADSTS50196: Too many requests.' }
      ]
    })
    const credential = createCredential(signIn('client-secret', sim), deps())
    expect((await failureOf(credential.getToken())).transient).toBe(true)
    expect((await failureOf(credential.getToken())).transient).toBe(true)
    expect(await credential.getToken()).toMatch(/^sim-access-/)
  })

  it('reports a stale client assertion as Entra does (AADSTS700024)', async () => {
    const sim = await serve({ clientSecret: undefined, idTokenLifetime: '5m' })
    const stale = { ...deps() }
    stale.getIDToken = async audience => {
      const idToken = await requestGitHubIdToken(session(), process.env, audience)
      now += 6 * MINUTE
      return idToken
    }
    const error = await failureOf(createCredential(signIn('oidc', sim), stale).getToken())
    expect(error.message).toMatch(
      /invalid_client: AADSTS700024: Client assertion is not within its valid time range\.$/
    )
  })
})

describe('CppClient and a 401', () => {
  it('renews the Entra token once and asks again at once', async () => {
    const sim = await serve({ tokenLifetime: '1h' })
    let credentialNow = START
    const credential = createCredential(signIn('client-secret', sim), {
      ...deps(),
      now: () => credentialNow
    })
    const client = clientWith(credential, sim)
    expect((await client.look()).kind).toBe('ok')
    // The service thinks the token has expired while the action does not (clock skew).
    now = START + 2 * HOUR
    credentialNow = START + 10 * MINUTE
    const answer = await client.look()
    expect(answer.kind).toBe('ok')
    expect(sim.requests.filter(r => r.url.includes('/status')).map(r => r.status)).toEqual([
      200, 401, 200
    ])
    expect(sim.signIn.tokenRequests).toHaveLength(2)
  })

  it('ends with a clear error when even a new token gets 401', async () => {
    const sim = await serve({}, { token: 'only-this-one' })
    const refused: Credential = { getToken: async () => 'unknown-token', invalidate: () => true }
    const answer = await clientWith(refused, sim).look()
    expect(answer).toEqual({
      kind: 'final',
      problem:
        'the Cloud Partner Portal answered 401 Unauthorized: even to a new token: the app may not have been added to the publisher in Partner Center: Unauthorized: The access token is invalid or expired.'
    })
  })

  it('turns a failing sign-in into an answer of the same kind', async () => {
    const sim = await serve({ errors: [{ status: 503 }] })
    const client = clientWith(createCredential(signIn('client-secret', sim), deps()), sim)
    expect(await client.look()).toMatchObject({
      kind: 'transient',
      problem: expect.stringMatching(/^Entra ID answered 503/)
    })
  })
})

describe('a six-hour wait in virtual time, over real HTTP, across token expiry', () => {
  it.each(['token', 'client-secret', 'oidc'] as const)(
    'keeps working when signed in with %s',
    async kind => {
      const sim = await serve(
        {
          tokenLifetime: '1h',
          idTokenLifetime: '5m',
          clientSecret: kind === 'client-secret' ? SECRET : undefined
        },
        {
          token: kind === 'token' ? 'static-token' : undefined,
          timeline: [{ for: '5h50m', status: 'running' }, { status: 'succeeded' }]
        }
      )
      const way: SignIn = kind === 'token' ? { kind, token: 'static-token' } : signIn(kind, sim)
      const client = clientWith(createCredential(way, deps()), sim)
      const answers: Look[] = []
      const result = await waitForNew(
        {
          noun: 'offer',
          targetStatuses: ['Succeeded'],
          failOnStatuses: ['Failed'],
          failOnStepStatuses: [],
          timeoutMs: 6 * HOUR,
          intervalMs: 30_000,
          maxIntervalMs: 5 * MINUTE
        },
        {
          look: signal => client.look(signal),
          now: () => now,
          sleep: async ms => void (now += ms),
          random: () => 0.5,
          onLook: answer => answers.push(answer)
        }
      )
      expect(result.outcome).toBe('success')
      expect(result.endedAt - START).toBeGreaterThanOrEqual(5 * HOUR + 50 * MINUTE)
      expect(answers.every(answer => answer.kind === 'ok')).toBe(true)
      const statusCodes = sim.requests.filter(r => r.url.includes('/status')).map(r => r.status)
      expect(statusCodes.every(code => code === 200)).toBe(true)
      const renewals = sim.signIn.tokenRequests.length
      if (kind === 'token') expect(renewals).toBe(0)
      else expect(renewals).toBeGreaterThanOrEqual(6)
      if (kind === 'oidc') {
        expect(new Set(sim.signIn.tokenRequests.map(r => r.form.client_assertion)).size).toBe(
          renewals
        )
      }
    }
  )
})
