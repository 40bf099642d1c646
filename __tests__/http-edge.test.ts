// The HTTP edge under the second round of hostile answers: a request that is stopped
// ends alone, secrets in headers and reason phrases are cut before shortening,
// Retry-After dates read against the server's clock, NO_PROXY as curl and Go read it,
// and a 401 for a token already replaced renews nothing.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HttpSession, RequestError } from '../src/http/http-session.js'
import { bypasses, honourNoProxy } from '../src/http/no-proxy.js'
import { parseRetryAfter } from '../src/http/policy.js'
import { GITHUB_CALL_RETRIES, retryPause } from '../src/http/retry.js'
import { createCredential } from '../src/sign-in/credential.js'
import { Secrets } from '../src/sign-in/secrets.js'
import { startSimulator, type Simulator } from '../simulator/server.js'

let server: Server | undefined
let session: HttpSession | undefined
let simulator: Simulator | undefined

afterEach(async () => {
  session?.dispose()
  await simulator?.close()
  await new Promise<void>(resolve => (server ? server.close(() => resolve()) : resolve()))
  server = session = simulator = undefined
})

/** A loopback server: `/hang` never answers, `/slow` answers after 300 ms, `/echo` echoes. */
async function serve(): Promise<string> {
  server = createServer((request, response) => {
    if (request.url === '/hang') return
    if (request.url === '/slow') {
      setTimeout(() => response.end('{"slow":true}'), 300)
      return
    }
    const token = request.headers.authorization ?? ''
    response.statusMessage = `Echo ${token} ${'x'.repeat(200)}`
    response.setHeader('location', `https://example.com/?t=${encodeURIComponent(token)}`)
    response.end(`{"echo":${JSON.stringify(token)}}`)
  })
  server.keepAliveTimeout = 100
  await new Promise<void>(resolve => server?.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('HttpSession', () => {
  it("stops a hung request alone: another request's answer still arrives", async () => {
    const url = await serve()
    session = new HttpSession(1_000, text => text)
    const [hung, slow] = await Promise.all([
      // Stopped at 100 ms (the deadline, a cancellation): the slow answer comes later.
      session.request('GET', `${url}/hang`, {}, undefined, AbortSignal.timeout(100)).catch(e => e),
      session.request('GET', `${url}/slow`, {})
    ])
    expect(hung).toBeInstanceOf(RequestError)
    expect(slow).toMatchObject({ status: 200, body: '{"slow":true}' })
    // And a request that timed out on its own.
    const short = new HttpSession(100, text => text)
    try {
      const [late, slowToo] = await Promise.all([
        short.request('GET', `${url}/hang`, {}).catch(e => e),
        session.request('GET', `${url}/slow`, {})
      ])
      expect(late).toMatchObject({ message: 'no answer within 0.1s (request-timeout)' })
      expect(slowToo).toMatchObject({ status: 200 })
    } finally {
      short.dispose()
    }
  })

  it('cuts secrets out of the reason phrase and every header before shortening them', async () => {
    const url = await serve()
    const token = 'Bearer tok~en/secret=value-0123456789'
    const secrets = new Secrets(() => undefined)
    secrets.add(token)
    secrets.add(token.replace(/^Bearer /, ''))
    session = new HttpSession(1_000, secrets.redact)
    const answer = await session.request('GET', `${url}/echo`, { authorization: token })
    const seen = JSON.stringify(answer)
    for (let at = 0; at + 12 <= token.length; at++) {
      expect(seen).not.toContain(token.slice(7).slice(at, at + 12))
    }
    expect(answer.statusText).toMatch(/^Echo \*\*\* x+…?$/)
    expect(answer.headers.location).toBe('https://example.com/?t=***')
  })
})

describe('parseRetryAfter', () => {
  it("reads an HTTP-date against the answer's own Date, not the runner's clock", () => {
    const runnerNow = Date.parse('2026-01-01T00:00:00Z')
    const serverDate = 'Thu, 01 Jan 2026 03:00:00 GMT'
    expect(parseRetryAfter('Thu, 01 Jan 2026 03:00:20 GMT', runnerNow, serverDate)).toBe(20_000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 03:00:20 GMT', runnerNow)).toBe(3 * 3_600_000 + 20_000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 03:00:20 GMT', runnerNow, 'garbage')).toBe(
      3 * 3_600_000 + 20_000
    )
    expect(parseRetryAfter('30', runnerNow, serverDate)).toBe(30_000)
  })
})

describe('NO_PROXY', () => {
  it.each([
    ['*.example.com', 'https://api.example.com', true],
    ['*.example.com', 'https://example.com', false],
    ['.example.com', 'https://example.com', true],
    ['.example.com', 'https://a.b.example.com', true],
    ['example.com', 'https://example.com:8443', true],
    ['example.com', 'https://notexample.com', false],
    ['EXAMPLE.com.', 'https://api.example.COM', true],
    ['example.com:8443', 'https://example.com:8443', true],
    ['example.com:8443', 'https://example.com', false],
    ['10.0.0.0/8', 'https://10.2.3.4', true],
    ['10.0.0.0/8', 'https://11.2.3.4', false],
    ['192.168.1.7', 'http://192.168.1.7:8080', true],
    ['fd00::/8', 'http://[fd12::1]', true],
    ['[::1]:8080', 'http://[::1]:8080', true],
    ['2001:db8::1', 'http://[2001:db8:0::1]', true],
    ['*', 'https://anything.test', true],
    ['a.test b.test', 'https://b.test', true],
    ['', 'https://example.com', false]
  ])('%j covers %s: %s', (list, url, expected) => {
    expect(bypasses(list, new URL(url))).toBe(expected)
  })

  it('names a host that NO_PROXY means to bypass in the form http-client reads', () => {
    const env: NodeJS.ProcessEnv = {
      HTTPS_PROXY: 'http://proxy.test:3128',
      NO_PROXY: '*.marketplace.test'
    }
    const saved = { ...process.env }
    Object.assign(process.env, env)
    delete process.env.no_proxy
    try {
      honourNoProxy('https://api.marketplace.test/x', process.env)
      expect(process.env.NO_PROXY).toBe('*.marketplace.test,api.marketplace.test')
      // Once named, or not meant to bypass: left alone.
      honourNoProxy('https://api.marketplace.test/y', process.env)
      honourNoProxy('https://other.test/', process.env)
      expect(process.env.NO_PROXY).toBe('*.marketplace.test,api.marketplace.test')
    } finally {
      for (const name of ['HTTPS_PROXY', 'NO_PROXY']) delete process.env[name]
      Object.assign(process.env, saved)
    }
  })
})

describe('a 401 for a token already replaced', () => {
  it('renews nothing: the next request takes the new token', async () => {
    simulator = await startSimulator({
      timeline: [{ status: 'running' }],
      entra: { tenantId: 't', clientId: 'c', clientSecret: 'a-client-secret' }
    })
    session = new HttpSession(2_000, text => text)
    const credential = createCredential(
      {
        kind: 'client-secret',
        tenantId: 't',
        clientId: 'c',
        clientSecret: 'a-client-secret',
        authorityHost: simulator.url
      },
      {
        scope: 'https://cloudpartner.azure.com/.default',
        session,
        now: Date.now,
        mask: () => undefined,
        getIDToken: async () => '',
        env: {}
      }
    )
    const first = await credential.getToken()
    expect(credential.invalidate(first)).toBe(true)
    const second = await credential.getToken()
    expect(second).not.toBe(first)
    // Three more waits got a 401 for the first token: each asks again with the second.
    for (let i = 0; i < 3; i++) expect(credential.invalidate(first)).toBe(true)
    expect(await credential.getToken()).toBe(second)
    expect(simulator.signIn.tokenRequests).toHaveLength(2)
  })
})

describe('the retry policy of GitHub calls', () => {
  it('pauses as the policy says, longer when asked, and never past the end', () => {
    const policy = { pausesMs: [1_000, 3_000], longestPauseMs: 10_000 }
    expect(retryPause(policy, 0, undefined, 0)).toEqual({ kind: 'pause', ms: 1_000 })
    expect(retryPause(policy, 1, 5_000, 0)).toEqual({ kind: 'pause', ms: 5_000 })
    expect(retryPause(policy, 2, undefined, 0)).toEqual({ kind: 'none' })
    // No end time: no pause over longestPauseMs; an end time: none past it.
    expect(retryPause(policy, 0, 60_000, 0)).toEqual({ kind: 'too-long', ms: 60_000 })
    expect(retryPause(policy, 0, 60_000, 0, 120_000)).toEqual({ kind: 'pause', ms: 60_000 })
    expect(retryPause(policy, 0, undefined, 100_000, 100_500)).toEqual({
      kind: 'too-long',
      ms: 1_000
    })
    expect(GITHUB_CALL_RETRIES.pausesMs.length).toBeGreaterThan(0)
  })
})
