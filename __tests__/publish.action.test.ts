// `publish: preview | live`: whole runs of the action in virtual time against the
// simulator taking the requests, on each API. One request sent, its path and body, the
// wait following what it started, and nothing sent twice.
import { describe, expect, it } from '@jest/globals'
import { DEFAULT_APP_GUID, PARTNER_CENTER_ROOT } from '../simulator/partner-center.js'
import { DEFAULT_PRODUCT_GUID } from '../simulator/product-ingestion.js'
import type { Phase, PublishingSpec, Scenario, SubmissionSpec } from '../simulator/scenario.js'
import type { Simulator } from '../simulator/server.js'
import { DISPATCHED_RUN_ENV, type ActionRun } from '../scripts/run-action.js'
import { virtualTimeForEachTest, type VirtualTime } from './in-process.js'

const TOKEN = 'publish-token-2b7e'
const PRODUCT = `product/${DEFAULT_PRODUCT_GUID}`
const submission = (n: string) => `submission/${DEFAULT_PRODUCT_GUID}/${n}`
let time!: VirtualTime
virtualTimeForEachTest(fresh => (time = fresh))

// The publishing requests: POSTs to the API, not GitHub's.
const posts = (sim: Simulator) =>
  sim.requests.filter(request => request.method === 'POST' && !request.url.startsWith('/repos/'))
const errorLines = (run: ActionRun) =>
  run.stdout.split('\n').filter(line => line.startsWith('::error::'))
const requestsOf = (run: ActionRun) =>
  (JSON.parse(run.outputs.offers ?? '[]') as { requests: unknown[] }[])[0]?.requests

// Product Ingestion API: submissions by number, as the service numbers them.
const sub = (
  target: 'preview' | 'live',
  number: string,
  status: string,
  result?: string
): SubmissionSpec => ({
  target,
  number,
  status,
  ...(result && { result }),
  created: `2026-11-${number.padStart(2, '0')}T08:00:00Z`
})
const LIVE_1 = sub('live', '1', 'completed', 'succeeded')
const PREVIEW_2_READY = sub('preview', '2', 'completed', 'succeeded')

async function ingestion(
  timeline: Phase[],
  publishing: PublishingSpec,
  more: Record<string, string> = {},
  scenario: Partial<Scenario> = {}
) {
  const sim = await time.serve({
    api: 'product-ingestion',
    token: TOKEN,
    externalId: 'contoso-saas',
    timeline,
    publishing,
    ...scenario
  })
  const run = await time.run({
    inputs: {
      'offer-id': 'contoso-saas',
      token: TOKEN,
      'base-url': sim.url,
      interval: '1m',
      timeout: '2h',
      ...more
    }
  })
  return { sim, run }
}

describe('publish: preview, Product Ingestion API', () => {
  it('sends the draft to preview once, follows its job, then the preview it made', async () => {
    const { sim, run } = await ingestion(
      [{ submissions: [LIVE_1, sub('preview', '1', 'completed', 'succeeded')] }],
      {
        preview: [
          { job: { status: 'running' }, submissions: [LIVE_1], times: 2 },
          {
            job: { status: 'completed', result: 'succeeded' },
            submissions: [LIVE_1, sub('preview', '2', 'running')],
            times: 2
          },
          {
            job: { status: 'completed', result: 'succeeded' },
            submissions: [LIVE_1, PREVIEW_2_READY]
          }
        ]
      },
      { publish: 'preview' }
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      status: 'WaitingForPublisherReview',
      'product-id': PRODUCT,
      'submission-id': submission('2')
    })
    const [post, ...more] = posts(sim)
    expect(more).toEqual([])
    expect(post?.url).toBe('/configure?$version=2022-07-01')
    expect(JSON.parse(post?.body ?? '')).toEqual({
      $schema: 'https://schema.mp.microsoft.com/schema/configure/2022-03-01-preview2',
      resources: [
        {
          $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2',
          product: PRODUCT,
          target: { targetType: 'preview' }
        }
      ]
    })
    expect(post?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    const jobId = '9b1e4c2a-5d3f-4a7b-8c6d-000000000001'
    expect(requestsOf(run)).toEqual([
      { kind: 'preview', at: expect.any(String), run: 1, ref: jobId }
    ])
    // The job, then the submissions: never the preview that was ready before.
    const paths = sim.requests.map(request => new URL(request.url, sim.url).pathname)
    expect(paths).toContain(`/configure/${jobId}/status`)
    expect(run.stdout).toContain(`Preview: sending the preview request (publish).`)
    expect(run.stdout).toContain(
      `Preview: the Product Ingestion API answered 202 Accepted: configure job ${jobId}; the wait follows it.`
    )
    expect(run.summary).toMatch(
      /Preview requested by run #1 at \d{4}-\d\d-\d\d \d\d:\d\d UTC: configure job 9b1e4c2a/
    )
  })

  it('never ends on the preview that was ready before it was sent', async () => {
    const { run } = await ingestion(
      [{ submissions: [LIVE_1, sub('preview', '1', 'completed', 'succeeded')] }],
      {
        preview: [
          {
            job: { status: 'completed', result: 'succeeded' },
            submissions: [LIVE_1, sub('preview', '1', 'completed', 'succeeded')],
            times: 3
          },
          {
            job: { status: 'completed', result: 'succeeded' },
            submissions: [LIVE_1, sub('preview', '1', 'completed', 'succeeded'), PREVIEW_2_READY]
          }
        ]
      },
      { publish: 'preview' }
    )
    expect(run.outputs).toMatchObject({ outcome: 'success', 'submission-id': submission('2') })
    // The old preview is ready all along: only the new one ends the wait.
    expect(run.outputs.polls).not.toBe('1')
  })

  it('sends nothing while a publish is under way, and follows that one', async () => {
    const { sim, run } = await ingestion(
      [
        { submissions: [LIVE_1, sub('preview', '2', 'running')], times: 2 },
        { submissions: [LIVE_1, PREVIEW_2_READY] }
      ],
      { preview: [{ submissions: [] }] },
      { publish: 'preview' }
    )
    expect(run.outputs).toMatchObject({ outcome: 'success', 'submission-id': submission('2') })
    expect(posts(sim)).toEqual([])
    expect(requestsOf(run)).toEqual([])
    expect(run.stdout).toContain('Preview: not sent, a publish is under way already')
  })

  it("fails with the job's errors when the configure job fails", async () => {
    const { run } = await ingestion(
      [{ submissions: [LIVE_1] }],
      {
        preview: [
          {
            job: {
              status: 'completed',
              result: 'failed',
              errors: [
                {
                  code: 'internalServerError',
                  message: 'An In Progress submission 3 already exists.'
                }
              ]
            }
          }
        ]
      },
      { publish: 'preview' }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failure')
    expect(errorLines(run)[0]).toContain('An In Progress submission 3 already exists.')
  })
})

describe('publish: live, Product Ingestion API', () => {
  it('waits for the preview, pushes exactly that preview live, and waits for it to be live', async () => {
    const { sim, run } = await ingestion(
      [
        { submissions: [LIVE_1, sub('preview', '2', 'running')], times: 2 },
        { submissions: [LIVE_1, PREVIEW_2_READY] }
      ],
      {
        live: [
          { job: { status: 'running' }, submissions: [LIVE_1, PREVIEW_2_READY], times: 2 },
          {
            job: { status: 'completed', result: 'succeeded' },
            submissions: [PREVIEW_2_READY, sub('live', '2', 'running')],
            times: 2
          },
          {
            job: { status: 'completed', result: 'succeeded' },
            submissions: [
              PREVIEW_2_READY,
              { ...sub('live', '2', 'completed', 'succeeded'), created: '2026-11-30T08:00:00Z' }
            ]
          }
        ]
      },
      { publish: 'live' }
    )
    expect(run.outputs).toMatchObject({ outcome: 'success', status: 'Succeeded' })
    expect(posts(sim)).toHaveLength(1)
    expect(JSON.parse(posts(sim)[0]?.body ?? '').resources[0]).toEqual({
      $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2',
      id: submission('2'),
      product: PRODUCT,
      target: { targetType: 'live' }
    })
    expect(requestsOf(run)).toEqual([
      { kind: 'live', at: expect.any(String), run: 1, ref: '9b1e4c2a-5d3f-4a7b-8c6d-000000000001' }
    ])
    expect(run.summary).toContain('Go-live requested by run #1')
  })

  it('sends nothing for an offer already live with nothing waiting, and succeeds', async () => {
    const { sim, run } = await ingestion(
      [{ submissions: [sub('preview', '1', 'completed', 'succeeded'), LIVE_1] }],
      { live: [{ submissions: [] }] },
      { publish: 'live' }
    )
    expect(run.outputs).toMatchObject({ outcome: 'success', status: 'Succeeded', polls: '1' })
    expect(posts(sim)).toEqual([])
  })
})

describe('without publish', () => {
  it('says once that a ready preview waits for go-live, in the log and the summary', async () => {
    const { run } = await ingestion(
      [{ submissions: [LIVE_1, PREVIEW_2_READY] }],
      {},
      {
        timeout: '10m',
        'fail-on-timeout': 'false'
      }
    )
    expect(run.outputs.outcome).toBe('timeout')
    const told = run.stdout
      .split('\n')
      .filter(line => line.startsWith('::warning') && line.includes('waits for go-live'))
    expect(told).toHaveLength(1)
    expect(told[0]).toMatch(/^::warning title=Publishing%3A go-live awaited::The preview is ready/)
    expect(run.summary).toContain('Preview ready: waiting for go-live')
    // Right under the heading, with the product's page in Partner Center.
    expect(run.summary.split('\n')[2]).toMatch(
      /^> 👉 \*\*Next:\*\* The preview is ready and waits for go-live: .* \[Open the offer in Partner Center\]\(https:\/\/partner\.microsoft\.com\/dashboard\/commercial-marketplace\/offers\/[0-9a-f-]{36}\/overview\)\.$/
    )
  })
})

// Cloud Partner Portal: the offer's status, and the operation a request starts.
async function portal(
  timeline: Phase[],
  publishing: PublishingSpec,
  more: Record<string, string> = {},
  scenario: Partial<Scenario> = {}
) {
  const sim = await time.serve({
    token: TOKEN,
    publisherId: 'contoso',
    offerId: 'contoso-vm',
    timeline,
    publishing,
    ...scenario
  })
  const run = await time.run({
    inputs: {
      'publisher-id': 'contoso',
      'offer-id': 'contoso-vm',
      token: TOKEN,
      'base-url': sim.url,
      timeout: '2h',
      ...more
    }
  })
  return { sim, run }
}

const LIVE: Phase = { status: 'succeeded', steps: { '*': 'complete' } }
const SIGNOFF: Phase = {
  status: 'running',
  steps: {
    displaydummycertify: 'complete',
    displaycertify: 'complete',
    displayprovision: 'complete',
    displaypackage: 'complete',
    'publisher-signoff': 'waitingForPublisherReview',
    live: 'notStarted'
  }
}
const OPERATION = (id: string) =>
  `/api/publishers/contoso/offers/contoso-vm/operations/${id}?api-version=2017-10-31`

describe('publish, Cloud Partner Portal', () => {
  it('preview: POST …/publish once, then the operation in Location until the preview is ready', async () => {
    const { sim, run } = await portal(
      [LIVE],
      {
        preview: [
          {
            status: 'running',
            steps: { '*': 'notStarted', displaydummycertify: 'inProgress' },
            times: 3
          },
          SIGNOFF
        ]
      },
      { publish: 'preview' }
    )
    expect(run.outputs).toMatchObject({ outcome: 'success', status: 'WaitingForPublisherReview' })
    const [post, ...more] = posts(sim)
    expect(more).toEqual([])
    expect(post?.url).toBe(
      '/api/publishers/contoso/offers/contoso-vm/publish?api-version=2017-10-31'
    )
    expect(post?.body).toBe('')
    const [request] = requestsOf(run) as { ref: string }[]
    expect(request?.ref).toMatch(
      /^\/api\/publishers\/contoso\/offers\/contoso-vm\/operations\/56615b67-0001-/
    )
    // Followed: the operation, never the offer status again.
    const after = sim.requests.slice(sim.requests.indexOf(post as never) + 1)
    expect(after.length).toBeGreaterThan(0)
    expect(
      after.every(r => r.url === OPERATION(request?.ref.split('/').at(-1)?.split('?')[0] ?? ''))
    ).toBe(true)
  })

  it('live: waits for the preview, POST …/golive once, then its operation until it completes', async () => {
    const { sim, run } = await portal(
      [
        { ...SIGNOFF, status: 'running', steps: { displaycertify: 'inProgress' }, times: 2 },
        SIGNOFF
      ],
      {
        live: [
          {
            status: 'running',
            steps: { 'publisher-signoff': 'complete', live: 'inProgress' },
            times: 2
          },
          LIVE
        ]
      },
      { publish: 'live' }
    )
    expect(run.outputs).toMatchObject({ outcome: 'success', status: 'Succeeded' })
    expect(posts(sim).map(r => r.url)).toEqual([
      '/api/publishers/contoso/offers/contoso-vm/golive?api-version=2017-10-31'
    ])
    expect(run.stdout).toContain(
      'Go-live: the Cloud Partner Portal answered 202 Accepted: operation 56615b67-0002-'
    )
  })

  it('ends error with the service words and what to check when the request is refused', async () => {
    const { sim, run } = await portal(
      [LIVE],
      { refusals: [{ fault: 409 }] },
      { publish: 'preview' }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('error')
    expect(errorLines(run)[0]).toMatch(
      /the preview request was refused: the Cloud Partner Portal answered 409 Conflict: only one operation of an offer can run at a time, and one is under way: .*Conflict: The offer is being changed by another operation\./
    )
    expect(posts(sim)).toHaveLength(1)
    expect(requestsOf(run)).toEqual([])
  })

  it('sends again after a 429, once it is taken, after the Retry-After', async () => {
    const { sim, run } = await portal(
      [LIVE],
      { refusals: [{ fault: 429, retryAfter: 90 }], preview: [SIGNOFF] },
      { publish: 'preview' }
    )
    expect(run.outputs.outcome).toBe('success')
    const [first, second, ...more] = posts(sim)
    expect(more).toEqual([])
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(90_000)
    expect(run.stdout).toContain(
      'Will retry: preview request not taken: the Cloud Partner Portal answered 429'
    )
  })

  it('never sends again after a lost answer; follows it once the status shows it went through', async () => {
    const { sim, run } = await portal(
      [LIVE],
      {
        lostAnswer: 503,
        preview: [
          { ...SIGNOFF, status: 'running', steps: { displaycertify: 'inProgress' }, times: 2 },
          SIGNOFF
        ]
      },
      { publish: 'preview', 'request-timeout': '10s' }
    )
    expect(run.outputs.outcome).toBe('success')
    expect(posts(sim)).toHaveLength(1)
    expect(requestsOf(run)).toEqual([{ kind: 'preview', at: expect.any(String), run: 1, ref: '' }])
    expect(run.stdout).toMatch(
      /::warning title=Publishing%3A preview answer lost::Preview: the answer to the request was lost \(the Cloud Partner Portal answered 503/
    )
    expect(run.stdout).toContain(
      'Preview: the request whose answer was lost went through after all.'
    )
  })

  it('after a lost answer that never shows, ends error saying so, and sends nothing more', async () => {
    const { sim, run } = await portal(
      [LIVE],
      { lostAnswer: 'hang' },
      { publish: 'preview', 'request-timeout': '1s' }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('error')
    expect(errorLines(run)[0]).toMatch(
      /the answer to the preview request sent at .* was lost, and in the 1[5-9]m( \d+s)? since, the status did not show that it went through: it may not have\. Check the offer in Partner Center/
    )
    expect(posts(sim)).toHaveLength(1)
  })

  it('a re-run of the workflow sends nothing over a publish under way', async () => {
    const { sim, run } = await portal(
      [SIGNOFF, { status: 'running', steps: { live: 'inProgress' } }],
      {},
      { publish: 'preview' }
    )
    expect(run.outputs.outcome).toBe('success')
    const again = await portal(
      [{ status: 'running', steps: { displaycertify: 'inProgress' }, times: 2 }, SIGNOFF],
      {},
      { publish: 'preview' }
    )
    expect(posts(again.sim)).toEqual([])
    expect(again.run.outputs.outcome).toBe('success')
    expect(posts(sim)).toHaveLength(1)
  })
})

describe('publish: live, Partner Center ingestion API', () => {
  const NEWEST = '1152921505699000002'
  it('promotes the ready submission once and follows it into the store', async () => {
    const sim = await time.serve({
      api: 'partner-center',
      token: TOKEN,
      sellerId: '1234567',
      timeline: [
        { appSource: { state: 'InProgress', substate: 'Submitted' }, times: 2 },
        { appSource: { state: 'Published', substate: 'ReadyToPublish' } }
      ],
      publishing: {
        live: [
          // The promoted submission still reads ready a while: nothing is sent again.
          { appSource: { state: 'Published', substate: 'ReadyToPublish' }, times: 4 },
          { appSource: { state: 'InProgress', substate: 'Publishing' }, times: 4 },
          { appSource: { state: 'Published', substate: 'InStore' } }
        ]
      }
    })
    const run = await time.run({
      inputs: {
        api: 'partner-center',
        'offer-id': DEFAULT_APP_GUID,
        'seller-id': '1234567',
        token: TOKEN,
        'base-url': `${sim.url}${PARTNER_CENTER_ROOT}`,
        publish: 'live',
        timeout: '2h'
      }
    })
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      status: 'Succeeded',
      'submission-id': NEWEST
    })
    const [post, ...more] = posts(sim)
    expect(more).toEqual([])
    expect(post?.url).toBe(
      `${PARTNER_CENTER_ROOT}/products/${DEFAULT_APP_GUID}/submissions/${NEWEST}/promote`
    )
    expect(post?.body).toBe('{}')
    expect(post?.headers['x-ms-publisherid']).toBe('1234567')
    expect(requestsOf(run)).toEqual([{ kind: 'live', at: expect.any(String), run: 1, ref: NEWEST }])
    expect(run.stdout).not.toContain('waits for go-live')
  })
})

describe('publish, across runs and offers', () => {
  it('carries the request in the hand-off: the next run follows it and sends nothing', async () => {
    const sim = await time.serve({
      token: TOKEN,
      timeline: [LIVE],
      publishing: {
        preview: [{ status: 'running', steps: { displaycertify: 'inProgress' }, times: 2 }, SIGNOFF]
      }
    })
    const inputs = {
      'publisher-id': 'contoso',
      'offer-id': 'contoso-vm',
      token: TOKEN,
      'base-url': sim.url,
      publish: 'preview',
      interval: '1m',
      timeout: '2h',
      'hand-off-after': '2m'
    }
    const env = { GITHUB_API_URL: sim.url }
    const run1 = await time.run({ inputs, env })
    expect(run1.outputs.outcome).toBe('handed-off')
    expect(posts(sim)).toHaveLength(1)
    const state = sim.github.dispatches[0]?.body.inputs?.['marketplace-wait'] ?? ''
    const run2 = await time.run({
      inputs: { ...inputs, 'publisher-id': '', 'offer-id': '' },
      env: {
        ...env,
        ...DISPATCHED_RUN_ENV
      },
      event: { inputs: { 'marketplace-wait': state } }
    })
    expect(run2.outputs).toMatchObject({ outcome: 'success', status: 'WaitingForPublisherReview' })
    expect(posts(sim)).toHaveLength(1)
    // The request, sent by run 1, is in run 2's outputs; run 2 looked at its operation.
    expect(requestsOf(run2)).toEqual([
      {
        kind: 'preview',
        at: expect.any(String),
        run: 1,
        ref: expect.stringContaining('/operations/')
      }
    ])
    const run2Requests = sim.requests.filter(r => r.at >= (sim.requests.at(-1)?.at ?? 0) - 60_000)
    expect(run2Requests.some(r => r.url.includes('/operations/'))).toBe(true)
    expect(sim.requests.filter(r => r.url.endsWith('/status?api-version=2017-10-31'))).toHaveLength(
      1
    )
  })

  it('several offers: each request its own, one refused does not stop the others', async () => {
    const sim = await time.serve({
      token: TOKEN,
      timeline: [],
      offers: { a: [LIVE], b: [LIVE], c: [LIVE] },
      publishingOf: {
        a: { preview: [SIGNOFF] },
        b: { refusals: [{ fault: 403 }] },
        c: {
          preview: [
            { status: 'running', steps: { displaycertify: 'inProgress' }, times: 2 },
            SIGNOFF
          ]
        }
      }
    })
    const run = await time.run({
      inputs: {
        'publisher-id': 'contoso',
        'offer-id': 'a, b, c',
        token: TOKEN,
        'base-url': sim.url,
        publish: 'preview',
        timeout: '2h'
      }
    })
    const offers = JSON.parse(run.outputs.offers ?? '[]') as {
      id: string
      outcome: string
      requests: unknown[]
    }[]
    expect(offers.map(o => [o.id, o.outcome, o.requests.length])).toEqual([
      ['a', 'success', 1],
      ['b', 'error', 0],
      ['c', 'success', 1]
    ])
    expect(run.outputs.outcome).toBe('error')
    expect(posts(sim)).toHaveLength(3)
    expect(run.stdout).toMatch(
      /offer contoso\/b .*the preview request was refused: the Cloud Partner Portal answered 403 Forbidden: the app lacks rights to this publisher: it must be an owner or a contributor/
    )
  })

  it.each([
    [{ publish: 'draft' }, 'Input \'publish\' must be preview, live or empty: "draft"'],
    [
      {
        publish: 'live',
        'offer-id': '',
        'publisher-id': '',
        'job-id': 'c32dd7e8-8fd7-4f6b-a9c2-3c7a8f9e0b51',
        api: 'product-ingestion'
      },
      "Input 'publish' is live, but a configure job is not an offer: give the offer's 'offer-id' to publish it"
    ],
    [
      {
        publish: 'preview',
        api: 'partner-center',
        'publisher-id': '',
        'offer-id': DEFAULT_APP_GUID
      },
      "Input 'publish' is preview, which the Partner Center ingestion API does not send: its submissions are made with their package"
    ]
  ])('refuses %j with one line naming publish, before any request', async (bad, message) => {
    const sim = await time.serve({ token: TOKEN, timeline: [LIVE] })
    const run = await time.run({
      inputs: {
        'publisher-id': 'contoso',
        'offer-id': 'contoso-vm',
        token: TOKEN,
        'base-url': sim.url,
        ...bad
      }
    })
    expect(run.exitCode).toBe(1)
    expect(sim.requests).toHaveLength(0)
    expect(errorLines(run)).toHaveLength(1)
    expect(errorLines(run)[0]).toContain(`::error::${message}`)
  })
})
