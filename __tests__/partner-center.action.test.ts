// The Partner Center ingestion API, a whole run of the action against the simulator
// playing an AppSource submission from draft to the store, and every way it fails.
import { describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_APP_GUID, PARTNER_CENTER_ROOT } from '../simulator/partner-center.js'
import type { AppSourceSpec, Phase, Scenario } from '../simulator/scenario.js'
import type { Simulator } from '../simulator/server.js'
import { virtualTimeForEachTest, type VirtualTime } from './in-process.js'

jest.setTimeout(30_000)

const TOKEN = 'pc-token-e2e-0001'
const NEWEST = '1152921505699000002'
let time!: VirtualTime
virtualTimeForEachTest(fresh => (time = fresh))

const at = (appSource: AppSourceSpec, times = 1): Phase => ({ appSource, times })

async function wait(
  timeline: Phase[],
  inputs: Record<string, string> = {},
  scenario: Partial<Scenario> = {}
) {
  const sim = await time.serve({
    api: 'partner-center',
    token: TOKEN,
    timeline,
    ...scenario
  })
  const run = await time.run({
    inputs: {
      api: 'partner-center',
      'offer-id': DEFAULT_APP_GUID,
      token: TOKEN,
      'base-url': `${sim.url}${PARTNER_CENTER_ROOT}`,
      interval: '1s',
      'max-interval': '1s',
      timeout: '20s',
      ...inputs
    }
  })
  return { run, sim }
}

const paths = (sim: Simulator) =>
  sim.requests.map(request => request.url.replace(/^.*\/submissions/, '…'))

describe('the Partner Center ingestion API', () => {
  it('follows a submission from draft to preview ready, sending the seller id on every request', async () => {
    const { run, sim } = await wait(
      [
        at({ state: 'InProgress', substate: 'InDraft', pending: 'Running' }),
        at({ state: 'InProgress', substate: 'Submitted' }),
        at({ state: 'Published', substate: 'ReadyToPublish' })
      ],
      { 'target-status': 'WaitingForPublisherReview', 'seller-id': '6543210' },
      { sellerId: '6543210' }
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      status: 'WaitingForPublisherReview',
      'product-id': DEFAULT_APP_GUID,
      'submission-id': NEWEST,
      'current-step': 'live/publisher signoff'
    })
    expect(run.stdout).toContain('Product status: Running')
    expect(run.stdout).toContain('Step Publisher Signoff (Live): WaitingForPublisherReview')
    expect(sim.requests.every(request => request.headers['x-ms-publisherid'] === '6543210')).toBe(
      true
    )
    // Validations and reports once, when it turned ReadyToPublish.
    expect(paths(sim).filter(path => /validations|reports/.test(path))).toEqual([
      `…/${NEWEST}/validations`,
      `…/${NEWEST}/reports`
    ])
  })

  it('waits on through promote to the store, the newest submission by releaseNumber', async () => {
    const { run, sim } = await wait(
      [
        at({ state: 'Published', substate: 'ReadyToPublish' }),
        at({ state: 'InProgress', substate: 'Publishing' }),
        at({ state: 'Published', substate: 'InStore' })
      ],
      {},
      { pageSize: 1 }
    )
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      status: 'Succeeded',
      'submission-id': NEWEST
    })
    expect(run.stdout).toMatch(
      /Product status: WaitingForPublisherReview[\s\S]*Product status: Running[\s\S]*Product status: Succeeded/
    )
    // The list came in pages, linked as the service links them (relative, from the version).
    expect(sim.requests.some(request => /skipToken=1$/.test(request.url))).toBe(true)
  })

  it('takes a promote, as the job after the preview sends it', async () => {
    const sim = await time.serve({
      api: 'partner-center',
      token: TOKEN,
      timeline: [at({ state: 'Published', substate: 'ReadyToPublish' })]
    })
    const answer = await fetch(
      `${sim.url}${PARTNER_CENTER_ROOT}/products/${DEFAULT_APP_GUID}/submissions/${NEWEST}/promote`,
      { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } }
    )
    expect(answer.status).toBe(200)
    expect(await answer.json()).toMatchObject({ targetEnvironment: 'Live', state: 'InProgress' })
  })

  it('fails on a failed validation, with its message in the reason and the summary', async () => {
    const { run } = await wait([
      at({ state: 'InProgress', substate: 'Submitted' }),
      at({
        state: 'InProgress',
        substate: 'Failed',
        validations: [
          {
            errorCode: 'Resell-20007',
            severity: 'Error',
            message: 'ResellerConfiguration module is missing..',
            resource: 'Resell'
          },
          { errorCode: 'Info-1', severity: 'Informational', message: 'not shown', resource: 'x' }
        ]
      })
    ])
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'failure', status: 'Failed' })
    expect(run.stdout).toMatch(
      /::error::failure: .*Validation Resell-20007: ResellerConfiguration module is missing\.\. \(Resell\)/
    )
    expect(run.summary).toContain('Validation Resell-20007')
    expect(run.summary).not.toContain('not shown')
  })

  it('fails in certification, showing the report and its link', async () => {
    const report = 'https://ingestionpackages.blob.core.windows.net/reports/cert-28.pdf'
    const { run } = await wait([
      at({ state: 'InProgress', substate: 'Publishing' }),
      at({
        state: 'InProgress',
        substate: 'FailedInCertification',
        reports: [{ status: 'Failed', reportTimeInUtc: '2026-11-30T10:00:00Z', fileUri: report }]
      })
    ])
    expect(run.outputs).toMatchObject({ outcome: 'failure', status: 'Failed' })
    expect(run.outputs['current-step']).toBe('live/certification')
    expect(run.summary).toContain('Certification report Failed (2026-11-30T10:00:00Z)')
    expect(run.summary).toContain('cert-28.pdf')
  })

  it('reads a cancelled submission as Canceled, and no submission as NeverPublished', async () => {
    const cancelled = await wait([at({ state: 'Cancelled', substate: 'Cancelled' })])
    expect(cancelled.run.outputs).toMatchObject({ outcome: 'failure', status: 'Canceled' })
    const never = await wait([{ status: 'x' }], { timeout: '0', 'fail-on-timeout': 'false' })
    expect(never.run.outputs).toMatchObject({
      outcome: 'timeout',
      status: 'NeverPublished',
      'submission-id': ''
    })
  })

  it('honours Retry-After on a 429 and retries a 503', async () => {
    const { run, sim } = await wait([
      at({ state: 'InProgress', substate: 'Submitted' }),
      { fault: 429, retryAfter: 2 },
      { fault: 503 },
      at({ state: 'Published', substate: 'InStore' })
    ])
    expect(run.outputs.outcome).toBe('success')
    const throttled = sim.requests.findIndex(request => request.status === 429)
    expect(
      (sim.requests[throttled + 1]?.at ?? 0) - (sim.requests[throttled]?.at ?? 0)
    ).toBeGreaterThanOrEqual(2_000)
    expect(run.stdout).toContain('Will retry: the Partner Center ingestion API answered 503')
  })

  it('names seller-id when the service asks for x-ms-publisherId', async () => {
    const { run } = await wait(
      [at({ state: 'InProgress', substate: 'Submitted' })],
      {},
      { sellerId: '42' }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('error')
    expect(run.stdout).toMatch(/answered 400 .*x-ms-publisherId.*set 'seller-id'/)
  })

  it('waits for several products in one step, each on its own', async () => {
    const apps = ['11111111-2222-4333-8444-555555555555', '66666666-7777-4888-8999-aaaaaaaaaaaa']
    const { run } = await wait(
      [],
      { 'offer-id': apps.join('\n'), timeout: '5s' },
      {
        offers: {
          [apps[0] as string]: [at({ state: 'Published', substate: 'InStore' })],
          [apps[1] as string]: [at({ state: 'InProgress', substate: 'FailedInCertification' })]
        }
      }
    )
    const offers = JSON.parse(run.outputs.offers ?? '[]') as { id: string; outcome: string }[]
    expect(offers.map(({ id, outcome }) => [id, outcome])).toEqual([
      [apps[0], 'success'],
      [apps[1], 'failure']
    ])
    expect(run.outputs.outcome).toBe('failure')
  })

  it.each([
    [
      { 'publisher-id': 'contoso' },
      /Input 'publisher-id' is for the Cloud Partner Portal API only .*; the Partner Center ingestion API does not take it/
    ],
    [{ 'job-id': 'x' }, /Input 'job-id' is for the Product Ingestion API only/],
    [{ 'offer-id': 'my-app' }, /Input 'offer-id' has "my-app", which is not a product id/],
    [{ 'seller-id': '0' }, /Input 'seller-id' must be a positive whole number/],
    [
      { api: 'product-ingestion', 'seller-id': '42', 'offer-id': 'contoso-vm' },
      /Input 'seller-id' is for the Partner Center ingestion API only/
    ]
  ])('refuses %j before any request', async (inputs, message) => {
    const { run, sim } = await wait([at({ state: 'InProgress', substate: 'Submitted' })], inputs)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(message)
    expect(sim.requests).toHaveLength(0)
  })
})
