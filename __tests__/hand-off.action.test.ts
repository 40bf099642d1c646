// A wait handed from run to run: the action run twice in virtual time the way the
// runner would, the second time as the run the first one dispatched.
import { describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_APP_GUID, PARTNER_CENTER_ROOT } from '../simulator/partner-center.js'
import type { GitHubSpec, Phase } from '../simulator/scenario.js'
import { GITHUB_TOKEN } from '../scripts/run-action.js'
import { firstRun, nextRun, serve as serveOn, stateOf, TOKEN } from './hand-off-runs.js'
import { virtualTimeForEachTest, type VirtualTime } from './in-process.js'

// A request GitHub holds lasts a real request timeout.
jest.setTimeout(30_000)

let time!: VirtualTime
virtualTimeForEachTest(fresh => (time = fresh))
const serve = (timeline: Phase[], github: GitHubSpec = {}) => serveOn(time, timeline, github)

describe('a wait handed from run to run', () => {
  it('hands off, and the dispatched run carries the same wait on to its end', async () => {
    // Run 1 makes three polls in its 1.5s (at 0, 1s and the hand-off).
    const sim = await serve([{ status: 'running', times: 3 }, { status: 'succeeded' }])
    const run1 = await time.run(firstRun(sim))
    expect(run1.exitCode).toBe(0)
    expect(run1.outputs).toMatchObject({
      outcome: 'handed-off',
      status: 'Running',
      'next-run-url': 'https://github.com/contoso/marketplace-offers/actions/runs/2000'
    })
    expect(run1.summary).toContain(
      'The wait goes on in [the next run](https://github.com/contoso/marketplace-offers/actions/runs/2000)'
    )
    const [dispatch] = sim.github.dispatches
    expect(dispatch).toMatchObject({
      repository: 'contoso/marketplace-offers',
      workflow: 'publish.yml',
      body: { ref: 'refs/heads/main', return_run_details: true }
    })
    const state = stateOf(sim)
    expect(state).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(state.length).toBeLessThanOrEqual(16 * 1024)
    const decoded = Buffer.from(state, 'base64url').toString('utf8')
    for (const secret of [TOKEN, GITHUB_TOKEN]) expect(decoded).not.toContain(secret)
    const [check] = sim.github.checkRuns
    // The wait's own id, handed on by run 1 of it; made with run 1 (attempt 1) holding it.
    expect(check?.fields).toMatchObject({
      status: 'in_progress',
      external_id: expect.stringMatching(/^marketplace-wait:[0-9a-f]{16}:1:next$/)
    })
    expect(check?.calls[0]?.external_id).toMatch(/^marketplace-wait:[0-9a-f]{16}:1:1\.1$/)

    const run2 = await time.run(nextRun(sim, state))
    expect(run2.exitCode).toBe(0)
    expect(run2.outputs).toMatchObject({
      outcome: 'success',
      status: 'Succeeded',
      'next-run-url': ''
    })
    expect(Number(run2.outputs.polls)).toBeGreaterThan(Number(run1.outputs.polls))
    expect(Number(run2.outputs['elapsed-seconds'])).toBeGreaterThanOrEqual(2)
    expect(run2.stdout).toContain('Carrying on the wait handed on by run 1')
    // One check run for the whole wait, completed by the run that saw the end.
    expect(sim.github.checkRuns).toHaveLength(1)
    expect(sim.github.checkRuns[0]?.fields).toMatchObject({
      status: 'completed',
      conclusion: 'success'
    })
    expect(run2.summary).toContain('| Time (UTC) | Run | Change |')
    expect(run2.summary).toMatch(/\| #1 \| Offer status: Running \|/)
    expect(run2.summary).toMatch(/\| #2 \| Offer status: Succeeded \|/)
    expect(run2.summary).toContain(
      'runs of this wait: [#1](https://github.com/contoso/marketplace-offers/actions/runs/1) · [#2](https://github.com/contoso/marketplace-offers/actions/runs/2000)'
    )

    // A re-run of the carried-on run, once the wait has ended, cannot start it again.
    const requestsBefore = sim.requests.length
    const rerun = await time.run(nextRun(sim, state))
    expect(rerun.exitCode).toBe(1)
    expect(rerun.outputs.outcome).toBe('error')
    expect(rerun.stdout).toMatch(/has ended already \(check run 1000 is completed\)/)
    expect(
      sim.requests.slice(requestsBefore).filter(r => !r.url.startsWith('/repos/'))
    ).toHaveLength(0)
    expect(sim.github.dispatches).toHaveLength(1)
  })

  it('carries a Partner Center ingestion API wait on the same way', async () => {
    const sim = await time.serve({
      api: 'partner-center',
      token: TOKEN,
      timeline: [
        { appSource: { state: 'InProgress', substate: 'Submitted' }, times: 3 },
        { appSource: { state: 'Published', substate: 'ReadyToPublish' } }
      ]
    })
    const inputs = {
      api: 'partner-center',
      'publisher-id': '',
      'offer-id': DEFAULT_APP_GUID,
      'base-url': `${sim.url}${PARTNER_CENTER_ROOT}`,
      'target-status': 'WaitingForPublisherReview'
    }
    const run1 = await time.run(firstRun(sim, inputs))
    expect(run1.outputs.outcome).toBe('handed-off')
    const run2 = await time.run(nextRun(sim, stateOf(sim), { ...inputs, api: '', 'offer-id': '' }))
    expect(run2.outputs).toMatchObject({
      outcome: 'success',
      status: 'WaitingForPublisherReview',
      'product-id': DEFAULT_APP_GUID
    })
    expect(sim.github.checkRuns).toHaveLength(1)
  })

  it('refuses a re-run of an earlier run once the wait went on in a later one', async () => {
    const sim = await serve([{ status: 'running' }])
    await time.run(firstRun(sim))
    const run2 = await time.run(nextRun(sim, stateOf(sim)))
    expect(run2.outputs.outcome).toBe('handed-off')
    expect(sim.github.checkRuns[0]?.fields.external_id).toMatch(/:2:next$/)
    const rerun = await time.run(nextRun(sim, stateOf(sim, 0)))
    expect(rerun.exitCode).toBe(1)
    expect(rerun.outputs.outcome).toBe('error')
    expect(rerun.stdout).toContain('a re-run of an earlier run cannot fork it')
    expect(sim.github.dispatches).toHaveLength(2)
  })

  it.each([
    [403, /give the job `permissions: actions: write`/],
    [404, /the workflow file must be on the default branch/],
    [422, /must declare the workflow_dispatch input `marketplace-wait`/]
  ] as const)(
    'ends as error when GitHub refuses the dispatch with %i, naming the fix',
    async (status, fix) => {
      const sim = await serve([{ status: 'running' }], { dispatch: status })
      const run = await time.run(firstRun(sim, { 'check-name': '' }))
      expect(run.exitCode).toBe(1)
      expect(run.outputs).toMatchObject({ outcome: 'error', status: 'Running', 'next-run-url': '' })
      expect(run.stdout).toMatch(fix)
      // The summary escapes backticks and underscores.
      expect(run.summary).toContain(fix.source.split(/[`_]/)[0])
    }
  )

  it('never sends a dispatch twice after a 5xx', async () => {
    const sim = await serve([{ status: 'running' }], { dispatch: 500 })
    const run = await time.run(firstRun(sim, { 'check-name': '' }))
    expect(run.outputs.outcome).toBe('error')
    expect(run.stdout).toContain('it may have started a run, so it is not sent again')
    expect(sim.github.dispatches).toHaveLength(1)
  })

  it('writes every output and the summary when cancelled during the dispatch', async () => {
    const sim = await serve([{ status: 'running' }], { dispatch: 'hang' })
    const run = await time.run({
      ...firstRun(sim, { 'check-name': '' }),
      cancelWhen: () => sim.github.dispatches.length > 0
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'error', status: 'Running', 'next-run-url': '' })
    expect(run.summary).toContain('it may have started a run, so it is not sent again')
    expect(sim.github.dispatches).toHaveLength(1)
  })

  it('asks a server without run details once more without them', async () => {
    const sim = await serve([{ status: 'running' }], { dispatch: 'ghes' })
    const run = await time.run(firstRun(sim, { 'check-name': '' }))
    expect(run.outputs).toMatchObject({
      outcome: 'handed-off',
      'next-run-url': 'https://github.com/contoso/marketplace-offers/actions/workflows/publish.yml'
    })
    expect(sim.github.dispatches.map(d => d.body.return_run_details)).toEqual([true, undefined])
  })

  it.each([
    ['garbage', 'not base64url', '!!!'],
    ['not JSON', 'not JSON', Buffer.from('{').toString('base64url')],
    ['oversized', 'longer than', 'A'.repeat(17 * 1024)],
    [
      "another repository's",
      'names another repository',
      Buffer.from(JSON.stringify({ v: 2, r: 'fabrikam/offers' })).toString('base64url')
    ]
  ])('refuses a %s state naming the input, before any request', async (_, problem, state) => {
    const sim = await serve([{ status: 'running' }])
    const run = await time.run(nextRun(sim, state))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('error')
    expect(run.stdout).toMatch(new RegExp(`::error::Input 'hand-off-input' .*${problem}`))
    expect(sim.requests).toHaveLength(0)
  })

  it("ignores another step's state, and refuses inputs that disagree with the wait", async () => {
    const sim = await serve([{ status: 'running', for: '3s' }, { status: 'succeeded' }])
    await time.run(firstRun(sim, { 'check-name': '' }))
    const state = stateOf(sim)
    const other = await time.run(
      nextRun(
        sim,
        state,
        { 'publisher-id': 'contoso', 'offer-id': 'contoso-vm', 'hand-off-after': '' },
        { GITHUB_ACTION: 'other' }
      )
    )
    expect(other.stdout).not.toContain('Carrying on')
    const disagrees = await time.run(nextRun(sim, state, { 'offer-id': 'fabrikam-vm' }))
    expect(disagrees.exitCode).toBe(1)
    expect(disagrees.stdout).toMatch(
      /::error::Input 'offer-id' is "fabrikam-vm", but the wait this run carries on is for "contoso-vm"/
    )
  })
})
