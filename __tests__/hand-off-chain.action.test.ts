// A wait handed from run to run as GitHub really runs it: the action run twice in
// virtual time, the second time as the dispatched run, with forged and replayed states,
// a Retry-After across the hand-off, a clock an hour off, and a GitHub that holds its
// answers.
import { describe, expect, it, jest } from '@jest/globals'
import type { GitHubSpec, Phase } from '../simulator/scenario.js'
import { firstRun, nextRun, serve as serveOn, stateOf } from './hand-off-runs.js'
import { virtualTimeForEachTest, type VirtualTime } from './in-process.js'

// A request GitHub holds lasts a real request timeout.
jest.setTimeout(15_000)

let time!: VirtualTime
virtualTimeForEachTest(fresh => (time = fresh))
const serve = (timeline: Phase[], github: GitHubSpec = {}) => serveOn(time, timeline, github)

describe('a wait handed from run to run, as GitHub really runs it', () => {
  /** The state with some of its fields changed. */
  const edited = (state: string, change: (fields: Record<string, unknown>) => void): string => {
    const fields = JSON.parse(Buffer.from(state, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >
    change(fields)
    return Buffer.from(JSON.stringify(fields)).toString('base64url')
  }

  it.each([
    [
      'forged to start after its own wait',
      (fields: Record<string, unknown>) => {
        const [result] = fields.x as Record<string, unknown>[]
        if (result) result.s = (fields.s as number) + 1_000
      },
      /x\[0\]\.s: not the start of the wait/
    ],
    [
      'forged to name an API the action does not know',
      (fields: Record<string, unknown>) => {
        fields.a = 'microsoft-store'
      },
      /names no API this action knows/
    ]
  ])('refuses a state %s, naming hand-off-input', async (_, change, problem) => {
    const sim = await serve([{ status: 'running' }])
    await time.run(firstRun(sim))
    const requests = sim.requests.length
    const run = await time.run(nextRun(sim, edited(stateOf(sim), change)))
    expect(run.outputs.outcome).toBe('error')
    expect(run.stdout).toMatch(/::error::Input 'hand-off-input' holds no hand-off state/)
    expect(run.stdout).toMatch(problem)
    expect(sim.requests.length).toBe(requests)
  })

  it('replayed by two runs at once, goes on in one chain; the other names the run that holds it', async () => {
    const sim = await serve([{ status: 'running' }])
    await time.run(firstRun(sim))
    const state = stateOf(sim)
    const runs = await Promise.all([
      time.run(nextRun(sim, state)),
      time.run(nextRun(sim, state, {}, { GITHUB_RUN_ID: '2001', GITHUB_RUN_NUMBER: '3' }))
    ])
    expect(runs.map(run => run.outputs.outcome).sort()).toEqual(['error', 'handed-off'])
    expect(sim.github.dispatches).toHaveLength(2)
    const lost = runs.find(run => run.outputs.outcome === 'error')
    expect(lost?.stdout).toMatch(
      /https:\/\/github\.com\/contoso\/marketplace-offers\/actions\/runs\/200[01]/
    )
  })

  it('honours a Retry-After that reaches past the hand-off in the next run', async () => {
    const sim = await serve([
      { status: 'running' },
      { fault: 429, retryAfter: 4 },
      { status: 'succeeded' }
    ])
    const run1 = await time.run(firstRun(sim, { 'check-name': '' }))
    expect(run1.outputs.outcome).toBe('handed-off')
    const throttledAt = sim.requests.find(request => request.status === 429)?.at ?? 0
    const run2 = await time.run(
      nextRun(sim, stateOf(sim), { 'check-name': '', 'hand-off-after': '1m' })
    )
    expect(run2.outputs.outcome).toBe('success')
    const next = sim.requests.filter(request => request.url.includes('/status')).at(-1)
    expect((next?.at ?? 0) - throttledAt).toBeGreaterThanOrEqual(4_000)
  })

  it("reads the deadline on the services' clock when the next run's is an hour behind", async () => {
    const sim = await serve([{ status: 'running' }])
    const inputs = { 'check-name': '', timeout: '6s' }
    const elapsed = time.stopwatch()
    await time.run(firstRun(sim, inputs))
    const run2 = await time.run({
      ...nextRun(sim, stateOf(sim), { ...inputs, 'hand-off-after': '1m' }),
      clockOffsetMs: -3_600_000
    })
    expect(run2.outputs.outcome).toBe('timeout')
    expect(elapsed()).toBeLessThan(6_000 + 1_000 + 3_000)
    const reported = Number(run2.outputs['elapsed-seconds'])
    expect(reported).toBeGreaterThanOrEqual(5)
    expect(reported).toBeLessThanOrEqual(8)
  })

  it('ends within a request timeout and a few seconds once decided, whatever GitHub does', async () => {
    const sim = await serve([{ status: 'running', times: 3 }, { status: 'succeeded' }], {
      hangCompletion: true
    })
    await time.run(firstRun(sim, { 'request-timeout': '1s' }))
    const elapsed = time.stopwatch()
    const run2 = await time.run(nextRun(sim, stateOf(sim), { 'request-timeout': '1s' }))
    expect(run2.outputs.outcome).toBe('success')
    expect(elapsed()).toBeLessThan(1_000 + 2_500 + 2_000)
    expect(run2.stdout).toContain('::warning::Check run "Marketplace publish" not completed')
  })

  it('gives a dispatch that never answers one request timeout, and never sends it again', async () => {
    const sim = await serve([{ status: 'running' }], { dispatch: 'hang' })
    const elapsed = time.stopwatch()
    const run = await time.run(firstRun(sim, { 'check-name': '', 'request-timeout': '1s' }))
    expect(run.outputs.outcome).toBe('error')
    expect(run.stdout).toContain('it may have started a run, so it is not sent again')
    // The hand-off comes 1.5s in: then one request timeout, and starting and reporting.
    expect(elapsed()).toBeLessThan(1_500 + 1_000 + 3_000)
    expect(sim.github.dispatches).toHaveLength(1)
  })
})
