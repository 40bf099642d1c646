import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseRetryAfter } from '../src/http/policy.js'
import { OfferStatusSource } from '../src/sources/cloud-partner-portal/source.js'
import type { Look } from '../src/status/source.js'
import type { ApiConnection } from '../src/sources/contract.js'
import { HttpSession } from '../src/http/http-session.js'
import type { Phase, Scenario } from '../simulator/scenario.js'
import { startSimulator, type Simulator } from '../simulator/server.js'

const TOKEN = 'test-token-123'
let client: OfferStatusSource | undefined
let simulator: Simulator | undefined
let session: HttpSession | undefined

afterEach(async () => {
  session?.dispose()
  await simulator?.close()
  simulator = session = undefined
})

/** A client with the static test token, as the action makes one from a `token` input. */
function clientFor(
  baseUrl: string,
  options: {
    requestTimeoutMs?: number
    publisherId?: string
    offerId?: string
  } & Partial<ApiConnection> = {}
): OfferStatusSource {
  session = new HttpSession(options.requestTimeoutMs ?? 2_000, text => text)
  const { publisherId = 'contoso', offerId = 'contoso-vm', ...connection } = options
  return new OfferStatusSource(
    {
      baseUrl,
      apiVersion: '2017-10-31',
      credential: { getToken: async () => TOKEN, invalidate: () => false },
      session,
      redact: text => text.split(TOKEN).join('***'),
      now: Date.now,
      ...connection
    },
    publisherId,
    offerId
  )
}

async function ask(
  timeline: Phase[],
  extra: Partial<Scenario> = {},
  clientOptions: { requestTimeoutMs?: number; publisherId?: string; offerId?: string } = {}
): Promise<Look> {
  simulator = await startSimulator({ token: TOKEN, timeline, ...extra })
  client = clientFor(simulator.url, clientOptions)
  return client.look()
}

describe('the Cloud Partner Portal source against the simulator', () => {
  it('sends one GET with the reference headers and percent-encoded ids', async () => {
    const answer = await ask(
      [{ status: 'running' }],
      {},
      { publisherId: 'con toso', offerId: 'vm#1?x' }
    )
    expect(answer.kind).toBe('ok')
    expect(simulator?.requests).toHaveLength(1)
    const [request] = simulator?.requests ?? []
    expect(request?.method).toBe('GET')
    expect(request?.url).toBe(
      '/api/publishers/con%20toso/offers/vm%231%3Fx/status?api-version=2017-10-31'
    )
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(request?.headers['content-type']).toBe('application/json')
  })

  it('reads an offer status', async () => {
    const answer = await ask([
      { status: 'running', steps: { displaycertify: { status: 'inProgress', progress: 40 } } }
    ])
    if (answer.kind !== 'ok') throw new Error(answer.problem)
    expect(answer.snapshot.status).toBe('Running')
    expect(answer.snapshot.steps[1]).toMatchObject({
      name: 'Certification',
      status: 'InProgress',
      progress: 40
    })
  })

  it('classifies 429 as transient with Retry-After in seconds', async () => {
    const answer = await ask([{ fault: 429, retryAfter: 7 }])
    expect(answer).toMatchObject({
      kind: 'transient',
      problem:
        'the Cloud Partner Portal answered 429 Too Many Requests: TooManyRequests: Too many requests. Retry later.',
      retryAfterMs: 7_000
    })
  })

  it('reads Retry-After as an HTTP-date', async () => {
    const answer = await ask([{ fault: 503, retryAfterDate: 30 }])
    expect(answer.kind).toBe('transient')
    const wait = answer.kind === 'transient' ? (answer.retryAfterMs ?? 0) : 0
    expect(wait).toBeGreaterThan(27_000)
    expect(wait).toBeLessThanOrEqual(30_000)
  })

  it.each([500, 502, 503, 504])('classifies %d as transient', async code => {
    const answer = await ask([{ fault: code }])
    expect(answer.kind).toBe('transient')
    expect(answer.kind !== 'ok' && answer.problem).toMatch(new RegExp(`answered ${code}`))
  })

  it('quotes what an HTML error page says, not its markup', async () => {
    const answer = await ask([{ fault: 'html' }])
    expect(answer.kind).toBe('transient')
    expect(answer.kind !== 'ok' && answer.problem).toMatch(
      /answered 502 Bad Gateway: "502 Bad Gateway 502 Bad Gateway The server is temporarily unable to service your request\."/
    )
  })

  it.each([
    [400, /answered 400 Bad Request: BadRequest: The request is malformed\./],
    [403, /answered 403 Forbidden: the token lacks rights to this publisher: Forbidden: /],
    [404, /answered 404 Not Found: NotFound: The offer does not exist\./],
    [409, /answered 409 Conflict: Conflict: /]
  ])('classifies %d as final with the server own code and message', async (code, problem) => {
    const answer = await ask([{ fault: code }])
    expect(answer.kind).toBe('final')
    expect(answer.kind !== 'ok' && answer.problem).toMatch(problem)
  })

  it('says a 401 means an expired or wrong token', async () => {
    const answer = await ask([{ status: 'running' }], { token: 'another-token' })
    expect(answer.kind).toBe('final')
    expect(answer.kind !== 'ok' && answer.problem).toMatch(
      /answered 401 Unauthorized: the token is expired/
    )
  })

  it('reports an unknown offer with the server message', async () => {
    const answer = await ask([{ status: 'running' }], { offerId: 'other-vm' })
    expect(answer.kind !== 'ok' && answer.problem).toMatch(
      /404 Not Found: NotFound: Offer 'contoso-vm' of publisher 'contoso' was not found/
    )
  })

  it('quotes the start of a body that is not JSON', async () => {
    const answer = await ask([{ fault: 'malformed' }])
    expect(answer.kind).toBe('final')
    expect(answer.kind !== 'ok' && answer.problem).toMatch(
      /answered 200 OK with a body that is not JSON \(.*JSON.*\): "\{ "status": "running", "messages": \[\],/
    )
  })

  it('refuses an empty body and JSON that is not an object', async () => {
    expect(await ask([{ fault: 'empty' }])).toMatchObject({
      kind: 'final',
      problem: expect.stringMatching(/empty body/)
    })
    await simulator?.close()
    expect(await ask([{ respond: { json: [1, 2] } }])).toMatchObject({
      kind: 'final',
      problem: expect.stringMatching(/JSON that is not an offer status object: "\[1,2\]"/)
    })
  })

  it('treats a reset connection as transient', async () => {
    const answer = await ask([{ fault: 'reset' }])
    expect(answer).toMatchObject({
      kind: 'transient',
      problem: expect.stringMatching(/connection problem: .*ECONNRESET/)
    })
  })

  it('treats a body that stops halfway as transient', async () => {
    const answer = await ask([{ fault: 'truncated' }])
    expect(answer).toMatchObject({
      kind: 'transient',
      problem: expect.stringMatching(/connection problem/)
    })
  })

  it('gives up on a hanging request after request-timeout and works again after', async () => {
    const started = Date.now()
    const answer = await ask(
      [{ fault: 'hang' }, { status: 'succeeded' }],
      {},
      { requestTimeoutMs: 300 }
    )
    expect(answer).toEqual({
      kind: 'transient',
      problem: 'no answer within 0.3s (request-timeout)'
    })
    expect(Date.now() - started).toBeLessThan(2_000)
    const next = await client?.look()
    expect(next?.kind === 'ok' && next.snapshot.status).toBe('Succeeded')
  })

  it('treats a refused connection as transient', async () => {
    const closed = await startSimulator({ timeline: [{ status: 'running' }] })
    await closed.close()
    client = clientFor(closed.url)
    expect(await client.look()).toMatchObject({
      kind: 'transient',
      problem: expect.stringMatching(/ECONNREFUSED/)
    })
  })

  it('does not follow a redirect, so the token goes nowhere else', async () => {
    const answer = await ask([
      { respond: { status: 302, headers: { location: 'https://elsewhere.example/status' } } }
    ])
    expect(answer).toMatchObject({
      kind: 'final',
      problem: expect.stringMatching(/a redirect to "https:\/\/elsewhere\.example\/status"/)
    })
    expect(simulator?.requests).toHaveLength(1)
  })

  it('never repeats the token, even when the server echoes it', async () => {
    const answer = await ask([{ respond: { status: 400, body: `bad token ${TOKEN}` } }])
    expect(answer.kind !== 'ok' && answer.problem).toMatch(/bad token \*\*\*/)
    expect(JSON.stringify(answer)).not.toContain(TOKEN)
  })

  it('stops a request when the signal aborts', async () => {
    const controller = new AbortController()
    simulator = await startSimulator({ timeline: [{ fault: 'hang' }] })
    client = clientFor(simulator.url, { requestTimeoutMs: 30_000 })
    setTimeout(() => controller.abort(), 100)
    expect(await client.look(controller.signal)).toEqual({
      kind: 'transient',
      problem: 'request cancelled'
    })
  })
})

describe('the reference page example, recorded', () => {
  const fixture = (name: string): string =>
    readFileSync(join(import.meta.dirname, 'fixtures', 'cloud-partner-portal', name), 'utf8')

  it('as printed (a quote missing before liveLinks): a clear error quoting the body', async () => {
    const answer = await ask([{ respond: { body: fixture('offer-status-reference.txt') } }])
    expect(answer).toEqual({
      kind: 'final',
      problem: expect.stringMatching(
        /^the Cloud Partner Portal answered 200 OK with a body that is not JSON \(.+\): "\{ "status": "succeeded",/
      )
    })
  })

  it('corrected: every step read, in the reference spelling', async () => {
    const answer = await ask([{ respond: { body: fixture('offer-status-corrected.json') } }])
    if (answer.kind !== 'ok') throw new Error(`not ok: ${JSON.stringify(answer)}`)
    expect(answer.snapshot.status).toBe('Succeeded')
    expect(answer.snapshot.steps.map(step => [step.id, step.status, step.progress])).toEqual([
      ['displaydummycertify', 'Complete', 100],
      ['displaycertify', 'NotStarted', 0],
      ['displayprovision', 'NotStarted', 0],
      ['displaypackage', 'NotStarted', 0],
      ['publisher-signoff', 'Complete', 0],
      ['live', 'Complete', 0]
    ])
    expect(answer.snapshot.steps[0]?.messages).toEqual([
      { html: 'Step completed.', level: 'information', timestamp: '2018-03-16T17:50:45.7215661Z' }
    ])
  })

  it('with a byte-order mark before it: read all the same', async () => {
    const body = `\uFEFF${fixture('offer-status-corrected.json')}`
    expect((await ask([{ respond: { body } }])).kind).toBe('ok')
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined]
  ])('reads %j', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms)
  })
})
