// The check run of a whole run of the action: run() in virtual time against the
// simulated GitHub checks API (GITHUB_API_URL) and Cloud Partner Portal.
import { describe, expect, it } from '@jest/globals'
import type { GitHubSpec, Phase } from '../simulator/scenario.js'
import type { Simulator } from '../simulator/server.js'
import { GITHUB_TOKEN, type ActionOptions } from '../scripts/run-action.js'
import { virtualTimeForEachTest, type VirtualTime } from './in-process.js'

const PUSH_SHA = '0123456789abcdef0123456789abcdef01234567'
const PR_HEAD_SHA = 'feedfacefeedfacefeedfacefeedfacefeedface'
let time!: VirtualTime
virtualTimeForEachTest(fresh => (time = fresh))

async function serve(timeline: Phase[], github: GitHubSpec = {}): Promise<Simulator> {
  return time.serve({ token: 'cpp-token-e2e', timeline, github })
}

function options(
  sim: Simulator,
  inputs: Record<string, string> = {},
  pullRequest = false
): ActionOptions {
  return {
    inputs: {
      'publisher-id': 'contoso',
      'offer-id': 'contoso-vm',
      token: 'cpp-token-e2e',
      'base-url': sim.url,
      interval: '1s',
      'max-interval': '2s',
      'check-name': 'Marketplace publish',
      ...inputs
    },
    env: {
      GITHUB_API_URL: sim.url,
      GITHUB_SHA: PUSH_SHA,
      GITHUB_EVENT_NAME: pullRequest ? 'pull_request' : 'push'
    },
    event: pullRequest ? { pull_request: { number: 7, head: { sha: PR_HEAD_SHA } } } : {}
  }
}

const statuses = (sim: Simulator) => sim.github.checkRuns[0]?.calls.map(call => call.status)

describe('the check run of a run', () => {
  it('on a push: created on GITHUB_SHA in progress, updated, completed as success', async () => {
    const sim = await serve([
      { status: 'running', steps: { displaycertify: 'inProgress' } },
      { status: 'succeeded' }
    ])
    const run = await time.run(options(sim))
    expect(run.exitCode).toBe(0)
    const [check] = sim.github.checkRuns
    expect(check).toMatchObject({ id: 1000, repository: 'contoso/marketplace-offers' })
    expect(check?.fields).toMatchObject({
      name: 'Marketplace publish',
      head_sha: PUSH_SHA,
      status: 'completed',
      conclusion: 'success',
      details_url: 'https://github.com/contoso/marketplace-offers/actions/runs/1'
    })
    expect(statuses(sim)).toEqual(['in_progress', 'in_progress', 'completed'])
    const summary = (check?.fields.output as { summary: string }).summary
    expect(summary).toContain('## ✅ Marketplace offer contoso/contoso-vm: Succeeded')
    expect(summary).toContain(
      '[workflow run](https://github.com/contoso/marketplace-offers/actions/runs/1)'
    )
    expect(run.outputs['check-run-id']).toBe('1000')
    expect(sim.github.authorizations.every(header => header === `token ${GITHUB_TOKEN}`)).toBe(true)
  })

  it("on a pull request: created on the pull request's head commit", async () => {
    const sim = await serve([{ status: 'succeeded' }])
    const run = await time.run(options(sim, {}, true))
    expect(run.exitCode).toBe(0)
    expect(sim.github.checkRuns[0]?.fields).toMatchObject({
      head_sha: PR_HEAD_SHA,
      conclusion: 'success'
    })
  })

  it.each([
    [
      'a rejected step',
      [{ status: 'running', steps: { displaycertify: 'rejected' } }],
      {},
      'failure',
      1
    ],
    ['a final error', [{ fault: 404 }], {}, 'failure', 1],
    ['a timeout', [{ status: 'running' }], { timeout: '0' }, 'timed_out', 1],
    [
      'a timeout that does not fail',
      [{ status: 'running' }],
      { timeout: '0', 'fail-on-timeout': 'false' },
      'neutral',
      0
    ]
  ] as [string, Phase[], Record<string, string>, string, number][])(
    'on %s: completed as %s',
    async (_, timeline, inputs, conclusion, exitCode) => {
      const sim = await serve(timeline)
      const run = await time.run(options(sim, inputs))
      expect(run.exitCode).toBe(exitCode)
      expect(sim.github.checkRuns[0]?.fields).toMatchObject({ status: 'completed', conclusion })
      expect(run.outputs['check-run-id']).toBe('1000')
    }
  )

  it('on cancellation: completed as cancelled before the exit', async () => {
    const sim = await serve([{ status: 'running' }])
    const run = await time.run({
      ...options(sim, { interval: '30s', 'max-interval': '1m' }),
      cancelAfter: 'Offer status: Running'
    })
    expect(run.exitCode).toBe(1)
    expect(sim.github.checkRuns[0]?.fields).toMatchObject({
      status: 'completed',
      conclusion: 'cancelled'
    })
    expect(run.outputs).toMatchObject({ outcome: 'error', 'check-run-id': '1000' })
  })

  it('with a token that cannot write checks: one warning, and a wait that succeeded still succeeds', async () => {
    const sim = await serve([{ status: 'succeeded' }], { failWith: 403 })
    const run = await time.run(options(sim))
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ outcome: 'success', 'check-run-id': '' })
    const warnings = run.stdout.split('\n').filter(line => line.startsWith('::warning'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('permissions: checks: write')
    expect(sim.github.authorizations).toHaveLength(1)
  })

  it('retries GitHub trouble like the status API', async () => {
    const sim = await serve([{ status: 'succeeded' }], { flakyCalls: 1 })
    const run = await time.run(options(sim))
    expect(run.exitCode).toBe(0)
    expect(sim.github.checkRuns[0]?.fields).toMatchObject({ conclusion: 'success' })
    expect(run.stdout).not.toContain('::warning')
  })

  it('makes no GitHub call without check-name', async () => {
    const sim = await serve([{ status: 'succeeded' }])
    const run = await time.run(options(sim, { 'check-name': '' }))
    expect(run.exitCode).toBe(0)
    expect(sim.github.authorizations).toEqual([])
    expect(run.outputs['check-run-id']).toBe('')
  })
})
