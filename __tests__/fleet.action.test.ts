// Several offers or jobs in one step, each API: each ends on its own,
// the step reports the worst, and the waits share one sign-in, one pause and a few
// requests in flight.
import { describe, expect, it, jest } from '@jest/globals'
import type { Phase, Scenario } from '../simulator/scenario.js'
import type { Simulator } from '../simulator/server.js'
import type { ActionRun } from '../scripts/run-action.js'
import { virtualTimeForEachTest, type VirtualTime } from './in-process.js'

const TOKEN = 'fleet-token-7c31'
const FAST = { interval: '1s', 'max-interval': '2s', 'request-timeout': '5s', timeout: '40s' }
const RUNNING: Phase = {
  status: 'running',
  job: { status: 'running' },
  submissions: [{ target: 'preview', status: 'running' }]
}
const SUCCEEDED: Phase = {
  status: 'succeeded',
  steps: { '*': 'complete' },
  job: { status: 'completed', result: 'succeeded' },
  submissions: [
    { target: 'preview', number: '7', status: 'completed', result: 'succeeded' },
    { target: 'live', number: '7', status: 'completed', result: 'succeeded' }
  ]
}
const FAILED: Phase = {
  status: 'failed',
  job: { status: 'completed', result: 'failed', errors: [{ code: 'x', message: 'broken' }] },
  submissions: [{ target: 'preview', status: 'completed', result: 'failed' }]
}
let time!: VirtualTime
virtualTimeForEachTest(fresh => (time = fresh))

jest.setTimeout(60_000)

// The Partner Center ingestion API's products by guid: partner-center.action.test.ts.
type Api = Exclude<NonNullable<Scenario['api']>, 'partner-center'>
/** The input that names several of each API's targets, and the scenario key. */
const INPUT: Record<Api, { input: string; key: 'offers' | 'jobs'; extra: Record<string, string> }> =
  {
    'cloud-partner-portal': {
      input: 'offer-id',
      key: 'offers',
      extra: { 'publisher-id': 'contoso' }
    },
    'product-ingestion': { input: 'job-id', key: 'jobs', extra: {} }
  }

async function fleet(
  api: Api,
  timelines: Record<string, Phase[]>,
  more: Record<string, string> = {},
  extra: Partial<Scenario> = {}
): Promise<{ run: ActionRun; sim: Simulator }> {
  const { input, key, extra: inputs } = INPUT[api]
  const sim = await time.serve({
    api,
    token: TOKEN,
    timeline: [],
    [key]: timelines,
    ...extra
  })
  const run = await time.run({
    inputs: {
      [input]: Object.keys(timelines)
        .concat(more.missing ? [more.missing] : [])
        .join('\n'),
      token: TOKEN,
      'base-url': sim.url,
      ...inputs,
      ...FAST,
      ...Object.fromEntries(Object.entries(more).filter(([name]) => name !== 'missing'))
    }
  })
  return { run, sim }
}

describe('several offers or jobs in one step', () => {
  it.each(['cloud-partner-portal', 'product-ingestion'] as const)(
    '%s: each ends on its own; outputs carry each one, the step the worst',
    async api => {
      const { run } = await fleet(
        api,
        {
          first: [RUNNING, SUCCEEDED],
          second: [RUNNING, FAILED],
          third: [RUNNING]
        },
        { timeout: '4s', missing: 'fourth' }
      )
      expect(run.exitCode).toBe(1)
      expect(run.outputs).toMatchObject({
        outcome: 'error',
        status: '',
        steps: '[]',
        'current-step': ''
      })
      const offers = JSON.parse(run.outputs.offers ?? '[]') as {
        id: string
        outcome: string
        polls: number
      }[]
      expect(offers.map(({ id, outcome }) => [id, outcome])).toEqual([
        ['first', 'success'],
        ['second', 'failure'],
        ['third', 'timeout'],
        ['fourth', 'error']
      ])
      expect(Number(run.outputs.polls)).toBe(offers.reduce((sum, offer) => sum + offer.polls, 0))
      // One line per change per offer, each naming its offer.
      expect(run.stdout).toMatch(
        /^(offer contoso\/first|configure job first): \w+ status: Running$/m
      )
      expect(run.stdout).toMatch(/^::error::error: 3 of 4 did not end well: /m)
      expect(run.summary).toMatch(/^## ⚠️ Marketplace: 4 /)
      expect(run.summary).toContain('| ✅ |')
      for (const id of ['first', 'second', 'third', 'fourth'])
        expect(run.summary).toMatch(new RegExp(`### .+${id}`))
    }
  )

  it('shares a Retry-After: every wait pauses, not only the one that was told', async () => {
    const { run, sim } = await fleet('product-ingestion', {
      a: [RUNNING, { fault: 429, retryAfter: 3 }, SUCCEEDED],
      b: [RUNNING, RUNNING, RUNNING, SUCCEEDED],
      c: [RUNNING, RUNNING, RUNNING, SUCCEEDED]
    })
    expect(run.outputs.outcome).toBe('success')
    const throttled = sim.requests.find(request => request.status === 429)
    expect(throttled).toBeDefined()
    const during = sim.requests.filter(
      // From just after the 429's own exchange until its Retry-After is nearly over.
      request =>
        request.at > (throttled?.at ?? 0) + 100 && request.at < (throttled?.at ?? 0) + 2_900
    )
    expect(during).toEqual([])
  })

  it('signs in once for all of them', async () => {
    const entra = {
      tenantId: 'contoso.onmicrosoft.com',
      clientId: '11111111-2222-3333-4444-555555555555',
      clientSecret: 'fleet-secret-44'
    }
    const timelines = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e'].map(id => [id, [RUNNING, SUCCEEDED]])
    )
    const simulator = await time.serve({
      api: 'product-ingestion',
      entra,
      timeline: [],
      jobs: timelines
    })
    const run = await time.run({
      inputs: {
        'job-id': Object.keys(timelines).join(','),
        'base-url': simulator.url,
        'authority-host': simulator.url,
        'tenant-id': entra.tenantId,
        'client-id': entra.clientId,
        'client-secret': entra.clientSecret,
        ...FAST
      }
    })
    expect(run.outputs.outcome).toBe('success')
    expect(simulator.signIn.tokenRequests).toHaveLength(1)
  })

  it('waits for 50 offers in one step, within every limit', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `offer-${String(i).padStart(2, '0')}`)
    const messages = Array.from({ length: 40 }, (_, i) => ({
      level: 'warning',
      text: `note ${i} ${'x'.repeat(400)}`
    }))
    const timeline: Phase[] = [
      { status: 'running', steps: { displaycertify: { status: 'inProgress', messages } } },
      { status: 'succeeded', steps: { '*': 'complete' } }
    ]
    const { run, sim } = await fleet(
      'cloud-partner-portal',
      Object.fromEntries(ids.map(id => [id, timeline])),
      {
        interval: '2s'
      }
    )
    expect(run.exitCode).toBe(0)
    const offers = JSON.parse(run.outputs.offers ?? '[]') as { id: string; outcome: string }[]
    expect(offers.map(offer => offer.id)).toEqual(ids)
    expect(offers.every(offer => offer.outcome === 'success')).toBe(true)
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1_000_000)
    expect(Buffer.byteLength(JSON.stringify(run.outputs))).toBeLessThan(512 * 1024)
    // The step annotates 20 messages in all, and says how many more there were.
    expect(run.stdout.split('\n').filter(line => line.startsWith('::warning'))).toHaveLength(20)
    expect(run.stdout).toMatch(
      /: \d+\+? more warnings and errors of the service were not annotated/
    )
    // Their first looks are spread over the first interval, not fired at once.
    const firsts = ids.map(
      id => sim.requests.find(request => request.url.includes(`/offers/${id}/`))?.at ?? 0
    )
    expect(Math.max(...firsts) - Math.min(...firsts)).toBeGreaterThan(1_000)
  })

  it('with timeout 0, looks once at each', async () => {
    const { run, sim } = await fleet(
      'cloud-partner-portal',
      { a: [RUNNING], b: [SUCCEEDED], c: [RUNNING] },
      {
        timeout: '0',
        'fail-on-timeout': 'false'
      }
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ outcome: 'timeout', polls: '3' })
    expect(sim.requests).toHaveLength(3)
  })

  it("on SIGTERM writes every one's last status", async () => {
    const timelines = { a: [RUNNING], b: [RUNNING], c: [RUNNING] }
    const simulator = await time.serve({ token: TOKEN, timeline: [], offers: timelines })
    const run = await time.run({
      cancelAfter: 'offer contoso/c: Offer status: Running',
      inputs: {
        'publisher-id': 'contoso',
        'offer-id': 'a,b,c',
        token: TOKEN,
        'base-url': simulator.url,
        ...FAST,
        interval: '3s',
        'max-interval': '2m'
      }
    })
    expect(run.exitCode).toBe(1)
    const offers = JSON.parse(run.outputs.offers ?? '[]') as {
      id: string
      status: string
      outcome: string
    }[]
    expect(offers.map(({ id, status, outcome }) => [id, status, outcome])).toEqual([
      ['a', 'Running', 'error'],
      ['b', 'Running', 'error'],
      ['c', 'Running', 'error']
    ])
    expect(run.summary).toMatch(/^## 🚫 Marketplace: 3 /)
  })

  it('shows them all in one check run, completed with the worst outcome', async () => {
    const simulator = await time.serve({
      token: TOKEN,
      timeline: [],
      offers: { a: [RUNNING, SUCCEEDED], b: [RUNNING, FAILED] },
      github: {}
    })
    const run = await time.run({
      inputs: {
        'publisher-id': 'contoso',
        'offer-id': 'a,b',
        token: TOKEN,
        'base-url': simulator.url,
        'check-name': 'Marketplace publish',
        ...FAST
      },
      env: { GITHUB_API_URL: simulator.url }
    })
    expect(run.exitCode).toBe(1)
    const runs = simulator.github.checkRuns
    // The log says why, should GitHub's side have failed.
    expect({ checkRuns: runs.length, log: run.stdout }).toMatchObject({ checkRuns: 1 })
    const fields = runs[0]?.fields as {
      conclusion: string
      output: { title: string; summary: string }
    }
    expect(fields.conclusion).toBe('failure')
    expect(fields.output.title).toBe('2 of 2 ended: 1 success, 1 failure')
    expect(fields.output.summary).toMatch(/^## ❌ Marketplace: 2 /)
    expect(run.outputs['check-run-id']).toBe(String(runs[0]?.id))
  })
})
