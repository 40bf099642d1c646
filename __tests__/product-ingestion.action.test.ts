// The Product Ingestion API, a whole run of the action as the runner starts it, against the
// simulator playing configure jobs, the product lookup and submissions.
import { describe, expect, it } from '@jest/globals'
import { DEFAULT_PRODUCT_GUID } from '../simulator/product-ingestion.js'
import type { Phase, Scenario, SubmissionSpec } from '../simulator/scenario.js'
import type { Simulator } from '../simulator/server.js'
import { actionOutputNames, type ActionRun } from '../scripts/run-action.js'
import { virtualTimeForEachTest, type VirtualTime } from './in-process.js'

const TOKEN = 'e2e-graph-token-81d2'
const JOB = '0f3c2a1b-9d8e-4f7a-8b6c-5d4e3f2a1b0c'
const PRODUCT = `product/${DEFAULT_PRODUCT_GUID}`
const FAST = { interval: '1s', 'max-interval': '2s', 'request-timeout': '5s' }
let time!: VirtualTime
virtualTimeForEachTest(fresh => (time = fresh))

async function serve(timeline: Phase[], extra: Partial<Scenario> = {}): Promise<Simulator> {
  return time.serve({
    api: 'product-ingestion',
    token: TOKEN,
    jobId: JOB,
    externalId: 'contoso-saas',
    timeline,
    ...extra
  })
}

function inputs(sim: Simulator, more: Record<string, string> = {}): Record<string, string> {
  return { 'job-id': JOB, token: TOKEN, 'base-url': sim.url, ...FAST, ...more }
}

/** Inputs that sign in with an app secret at the simulator's Entra ID. */
function appInputs(
  sim: Simulator,
  entra: { tenantId: string; clientId: string; clientSecret: string }
) {
  return {
    'job-id': JOB,
    'base-url': sim.url,
    'authority-host': sim.url,
    'tenant-id': entra.tenantId,
    'client-id': entra.clientId,
    'client-secret': entra.clientSecret,
    ...FAST
  }
}

function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter(line => line.startsWith('::error::'))
}

function statusRequests(sim: Simulator): string[] {
  return sim.requests.map(request => new URL(request.url, sim.url).pathname)
}

const live = (number: string, created: string): SubmissionSpec => ({
  target: 'live',
  number,
  status: 'completed',
  result: 'succeeded',
  created
})

describe('the Product Ingestion API', () => {
  it('waits for a configure job to succeed', async () => {
    const sim = await serve([
      { job: { status: 'notStarted' } },
      { job: { status: 'running' } },
      { job: { status: 'completed', result: 'succeeded' } }
    ])
    const run = await time.run({ inputs: inputs(sim) })
    expect(run.exitCode).toBe(0)
    expect(Object.keys(run.outputs).sort()).toEqual(await actionOutputNames())
    expect(run.outputs).toMatchObject({ outcome: 'success', status: 'Succeeded', polls: '3' })
    expect(JSON.parse(run.outputs.offers ?? '')).toEqual([
      {
        id: JOB,
        outcome: 'success',
        status: 'Succeeded',
        currentStep: '',
        productId: '',
        submissionId: '',
        polls: 3,
        reason: 'the job reached Succeeded',
        requests: []
      }
    ])
    expect(run.stdout).toContain(
      `Waiting for configure job ${JOB} to reach Succeeded (timeout 30m) on the Product Ingestion API`
    )
    expect(run.stdout).toContain('Job status: Running')
    expect(run.summary).toContain(`## ✅ Marketplace configure job ${JOB}: Succeeded`)
    for (const request of sim.requests) {
      expect(request.url).toBe(`/configure/${JOB}/status?$version=2022-07-01`)
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)
    }
  })

  it('fails with the job errors and their nested details in the log, summary and reason', async () => {
    const sim = await serve([
      { job: { status: 'running' } },
      {
        job: {
          status: 'completed',
          result: 'failed',
          errors: [
            { code: 'Conflict', message: 'The start date should be defined' },
            {
              code: 'businessValidationError',
              message: 'The plan is not valid',
              details: [{ code: 'invalidResource', message: 'Plan "gold" has no price' }]
            }
          ]
        }
      }
    ])
    const run = await time.run({ inputs: inputs(sim) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'failure', status: 'Failed' })
    const [failure] = errorLines(run).filter(line => line.startsWith('::error::failure'))
    expect(failure).toContain(
      'the job status is Failed: Conflict: The start date should be defined'
    )
    expect(failure).toContain(
      'businessValidationError: The plan is not valid › invalidResource: Plan "gold" has no price'
    )
    expect(run.stdout).toMatch(/::error title=Publishing%3A Job::Conflict: The start date/)
    expect(run.summary).toContain('### Messages')
    expect(run.summary).toContain('Plan "gold" has no price')
  })

  it('names a certification failure as one, with the submission it is about', async () => {
    const sim = await serve([
      {
        job: {
          status: 'completed',
          result: 'failed',
          errors: [
            {
              resourceId: `submission/${DEFAULT_PRODUCT_GUID}/1152921515689848683`,
              code: 'internalServerError',
              details: [
                {
                  code: 'invalidState',
                  message: 'Certification',
                  details: [{ code: 'invalidState', message: 'Issues found during Certification.' }]
                }
              ]
            }
          ]
        }
      }
    ])
    const run = await time.run({ inputs: inputs(sim) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({
      outcome: 'failure',
      'product-id': PRODUCT,
      'submission-id': `submission/${DEFAULT_PRODUCT_GUID}/1152921515689848683`
    })
    expect(errorLines(run).join('\n')).toContain(
      'Certification failed: internalServerError › invalidState: Certification › invalidState: Issues found during Certification.'
    )
  })

  it('times out on a job still running at the deadline', async () => {
    const sim = await serve([{ job: { status: 'running' } }])
    const run = await time.run({ inputs: inputs(sim, { timeout: '3s' }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('timeout')
    expect(errorLines(run)[0]).toMatch(/^::error::timeout: the job was still Running after 3s/)
  })

  it('ends at once, without retrying, for a job the service does not know', async () => {
    const sim = await serve([{ job: { status: 'running' } }])
    const run = await time.run({ inputs: inputs(sim, { 'job-id': 'not-a-known-job' }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'error', polls: '1' })
    expect(errorLines(run)[0]).toContain(
      'the Product Ingestion API answered 404 Not Found: the service knows no configure job "not-a-known-job"'
    )
    expect(sim.requests).toHaveLength(1)
  })

  it('resolves an offer id to its product once, then reads its submissions', async () => {
    const sim = await serve([
      {
        submissions: [
          live('1152921515689847470', '2026-10-25T07:13:06Z'),
          {
            target: 'preview',
            number: '1152921515689848683',
            status: 'running',
            created: '2026-11-20T08:00:00Z'
          }
        ]
      },
      {
        submissions: [
          live('1152921515689847470', '2026-10-25T07:13:06Z'),
          {
            target: 'preview',
            number: '1152921515689848683',
            status: 'completed',
            result: 'succeeded',
            created: '2026-11-20T08:00:00Z'
          }
        ]
      }
    ])
    const run = await time.run({
      inputs: inputs(sim, {
        'job-id': '',
        'offer-id': 'contoso-saas',
        'target-status': 'WaitingForPublisherReview'
      })
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      status: 'WaitingForPublisherReview',
      'product-id': PRODUCT,
      'submission-id': `submission/${DEFAULT_PRODUCT_GUID}/1152921515689848683`,
      // Waiting for go-live: this version's live step has not started.
      'current-step': 'live'
    })
    expect(JSON.parse(run.outputs.steps ?? '')).toEqual([
      expect.objectContaining({ id: 'preview', status: 'Complete' }),
      expect.objectContaining({ id: 'live', status: 'NotStarted' })
    ])
    expect(statusRequests(sim)).toEqual([
      '/product',
      `/submission/${DEFAULT_PRODUCT_GUID}`,
      `/submission/${DEFAULT_PRODUCT_GUID}`
    ])
    expect(sim.requests[0]?.url).toBe('/product?externalId=contoso-saas&$version=2022-07-01')
  })

  it('takes a product id as given, and sees a preview go live', async () => {
    const sim = await serve([
      {
        submissions: [
          live('1152921515689847470', '2026-10-25T07:13:06Z'),
          {
            target: 'preview',
            number: '1152921515689848683',
            status: 'completed',
            result: 'succeeded',
            created: '2026-11-04T20:07:22Z'
          },
          {
            target: 'live',
            number: '1152921515689848683',
            status: 'running',
            created: '2026-11-21T09:00:00Z'
          }
        ]
      },
      {
        submissions: [
          {
            target: 'preview',
            number: '1152921515689848683',
            status: 'completed',
            result: 'succeeded',
            created: '2026-11-04T20:07:22Z'
          },
          live('1152921515689848683', '2026-11-21T09:00:00Z')
        ]
      }
    ])
    const run = await time.run({ inputs: inputs(sim, { 'job-id': '', 'offer-id': PRODUCT }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      status: 'Succeeded',
      'submission-id': `submission/${DEFAULT_PRODUCT_GUID}/1152921515689848683`
    })
    expect(run.stdout).toContain('Offer status: Running')
    expect(statusRequests(sim).every(path => path === `/submission/${DEFAULT_PRODUCT_GUID}`)).toBe(
      true
    )
  })

  it('ends at once for an offer id that names no product', async () => {
    const sim = await serve([{ submissions: [] }])
    const run = await time.run({ inputs: inputs(sim, { 'job-id': '', 'offer-id': 'nope' }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'error', polls: '1' })
    expect(errorLines(run)[0]).toContain('no product has the external id "nope"')
    expect(sim.requests).toHaveLength(1)
  })

  it('says to set api: partner-center when a bare GUID names no product it can see', async () => {
    const appGuid = '5d2c8a1e-3b7f-4c9d-8e6a-1f0b2c3d4e5f'
    const sim = await serve([{ submissions: [] }], { productGuid: DEFAULT_PRODUCT_GUID })
    const bare = await time.run({ inputs: inputs(sim, { 'job-id': '', 'offer-id': appGuid }) })
    expect(bare.outputs).toMatchObject({ outcome: 'error', polls: '1' })
    expect(errorLines(bare)[0]).toContain(
      `no product "product/${appGuid}" is visible to this app; if it is an AppSource app (a Business Central app), set \`api: partner-center\``
    )
    const named = await time.run({
      inputs: inputs(sim, { 'job-id': '', 'offer-id': `product/${appGuid}` })
    })
    expect(named.outputs.outcome).toBe('error')
    expect(errorLines(named)[0]).toContain(`no product "product/${appGuid}" is visible to this app`)
    expect(errorLines(named)[0]).not.toContain('partner-center')
  })

  it('reports a product that was never published as NeverPublished', async () => {
    const sim = await serve([{ submissions: [] }])
    const run = await time.run({
      inputs: inputs(sim, { 'job-id': '', 'offer-id': 'contoso-saas', timeout: '0' })
    })
    expect(run.outputs).toMatchObject({ outcome: 'timeout', status: 'NeverPublished' })
  })

  it('signs in for Microsoft Graph and renews the token once after a 401', async () => {
    const entra = {
      tenantId: 'contoso.onmicrosoft.com',
      clientId: '11111111-2222-3333-4444-555555555555',
      clientSecret: 'app-secret-for-graph-3c9d'
    }
    const sim = await serve(
      [
        { job: { status: 'running' } },
        { fault: 401 },
        { job: { status: 'completed', result: 'succeeded' } }
      ],
      { token: undefined, entra }
    )
    const run = await time.run({ inputs: appInputs(sim, entra) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(sim.signIn.tokenRequests.map(request => request.form.scope)).toEqual([
      'https://graph.microsoft.com/.default',
      'https://graph.microsoft.com/.default'
    ])
  })

  it('is refused by an Entra ID that expects the Cloud Partner Portal scope', async () => {
    const entra = {
      tenantId: 'contoso.onmicrosoft.com',
      clientId: '11111111-2222-3333-4444-555555555555',
      clientSecret: 'app-secret-for-cpp-7e1a'
    }
    const simulator = await time.serve({
      token: undefined,
      entra,
      timeline: [{ status: 'running' }]
    })
    const run = await time.run({ inputs: appInputs(simulator, entra) })
    expect(run.outputs.outcome).toBe('error')
    expect(errorLines(run)[0]).toContain(
      "AADSTS70011: The provided scope 'https://graph.microsoft.com/.default' is not valid."
    )
  })

  it.each([
    [{ 'offer-id': 'contoso-saas' }, /Inputs 'offer-id' and 'job-id' were both given/],
    [{ 'publisher-id': 'contoso' }, /Input 'job-id' is for the Product Ingestion API/],
    [
      { 'publisher-id': 'contoso', api: 'product-ingestion' },
      /Input 'publisher-id' is for the Cloud Partner Portal/
    ],
    [{ 'job-id': '' }, /Inputs 'offer-id' and 'job-id' are both empty/],
    [{ 'job-id': '..' }, /Input 'job-id' must be a plain id/],
    [
      { api: 'microsoft-store' },
      /Input 'api' must be auto, product-ingestion, cloud-partner-portal or partner-center/
    ]
  ])('refuses %j before any request, in one line', async (more, problem) => {
    const sim = await serve([{ job: { status: 'running' } }])
    const run = await time.run({ inputs: inputs(sim, more) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('error')
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(problem)
    expect(sim.requests).toHaveLength(0)
  })
})
