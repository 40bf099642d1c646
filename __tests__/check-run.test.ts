import { afterEach, describe, expect, it } from '@jest/globals'
import { CheckRun } from '../src/report/check-run.js'
import { checkTitle } from '../src/report/check-run-title.js'
import type { Look } from '../src/status/source.js'
import { connectChecks, type CheckTarget } from '../src/report/github-checks.js'
import { readOfferStatus } from '../src/sources/cloud-partner-portal/read-offer-status.js'
import { recordChange, recordLook, type EndedResult } from '../src/status/result.js'
import { ended, okLook, snapshotOf, stepOf, waiting } from './builders.js'
import type { GitHubSpec } from '../simulator/scenario.js'
import { startSimulator, type Simulator } from '../simulator/server.js'

const START = Date.UTC(2026, 0, 1)
const TARGET: CheckTarget = {
  apiUrl: '',
  owner: 'contoso',
  repo: 'offers',
  headSha: 'a'.repeat(40),
  runUrl: 'https://github.com/contoso/offers/actions/runs/7'
}
let simulator: Simulator | undefined

afterEach(async () => {
  await simulator?.close()
  simulator = undefined
})

function running(progress: number): Look {
  return okLook(
    snapshotOf({
      status: 'Running',
      steps: [stepOf({ id: 'cert', name: 'Certification', status: 'InProgress', progress })]
    })
  )
}

async function checkRun(github: GitHubSpec = {}) {
  simulator = await startSimulator({ timeline: [{ status: 'running' }], github })
  let now = START
  const result = waiting({ reason: 'waiting for Succeeded' })
  const warnings: string[] = []
  const sleeps: number[] = []
  const run = new CheckRun({
    name: 'Marketplace publish',

    targetStatuses: ['Succeeded'],
    failOnTimeout: true,
    api: await connectChecks('ghs_test', { ...TARGET, apiUrl: simulator.url }),
    target: TARGET,
    results: [result],
    now: () => now,
    sleep: async ms => void sleeps.push(ms),
    warn: message => warnings.push(message)
  })
  const at = (ms: number): number => (now = START + ms)
  // What the wait does with each look: records it in the result, then shows it.
  const see = (look: Look, when: number): void => {
    recordLook(result, look, when)
    run.seen(look, when)
  }
  const finish = (fields: Partial<EndedResult>): Promise<void> => {
    Object.assign(result, fields)
    return run.complete()
  }
  const changes = { push: (change: { at: number; text: string }) => recordChange(result, change) }
  return { run, see, finish, changes, warnings, sleeps, at, github: simulator.github }
}

describe('CheckRun', () => {
  it('creates, updates at most once a minute when the status changes, and completes', async () => {
    const { run, see, finish, changes, at, github } = await checkRun()
    run.start()
    changes.push({ at: at(0), text: 'Step Certification: InProgress 10%' })
    see(running(10), at(0)) // first status: sent at once
    changes.push({ at: at(20_000), text: 'Step Certification: InProgress 20%' })
    see(running(20), at(20_000)) // changed, but within the minute
    see(running(20), at(45_000))
    see(running(20), at(61_000)) // the minute has passed: the change goes out
    see(running(20), at(130_000)) // nothing new: nothing sent
    await finish({
      outcome: 'success',
      reason: 'the offer reached Succeeded',
      snapshot: readOfferStatus({ status: 'succeeded' }),
      polls: 6,
      startedAt: START,
      endedAt: at(150_000)
    })

    const [record] = github.checkRuns
    expect(run.id).toBe(record?.id)
    expect(
      record?.calls.map(call => [call.status, (call.output as { title: string }).title])
    ).toEqual([
      ['in_progress', 'no status yet'],
      ['in_progress', 'Running · Certification: InProgress 10%'],
      ['in_progress', 'Running · Certification: InProgress 20%'],
      ['completed', 'Succeeded after 2m 30s']
    ])
    expect(record?.fields).toMatchObject({
      name: 'Marketplace publish',
      head_sha: TARGET.headSha,
      details_url: TARGET.runUrl,
      started_at: new Date(START).toISOString(),
      status: 'completed',
      conclusion: 'success',
      completed_at: new Date(START + 150_000).toISOString()
    })
    const summary = (record?.fields.output as { summary: string }).summary
    expect(summary).toContain('| 2026-01-01 00:00:20 | Step Certification: InProgress 20% |')
    expect(summary).toContain(`[workflow run](${TARGET.runUrl})`)
    expect(github.authorizations.every(header => header === 'token ghs_test')).toBe(true)
  })

  it('retries GitHub trouble that may pass', async () => {
    const { run, finish, warnings, github } = await checkRun({ flakyCalls: 2 })
    run.start()
    await finish({
      outcome: 'timeout',
      reason: 'x',
      polls: 1,
      startedAt: START,
      endedAt: START
    })
    expect(github.checkRuns[0]?.fields).toMatchObject({
      status: 'completed',
      conclusion: 'timed_out'
    })
    expect(warnings).toEqual([])
  })

  it("waits as long as GitHub's Retry-After asks, when that is short", async () => {
    const { run, finish, sleeps, github } = await checkRun({
      throttledCalls: 1,
      retryAfter: 7
    })
    run.start()
    await finish({
      outcome: 'success',
      reason: 'done',
      polls: 1,
      startedAt: START,
      endedAt: START
    })
    expect(sleeps).toEqual([7_000])
    expect(github.checkRuns).toHaveLength(1)
  })

  it('gives up a call rather than wait a long Retry-After', async () => {
    const { run, finish, sleeps, warnings, github } = await checkRun({
      throttledCalls: 1,
      retryAfter: 600
    })
    run.start()
    await finish({
      outcome: 'success',
      reason: 'done',
      polls: 1,
      startedAt: START,
      endedAt: START
    })
    expect(sleeps).toEqual([])
    expect(github.checkRuns).toHaveLength(0)
    expect(warnings).toEqual([expect.stringMatching(/not created \(429 API rate limit exceeded/)])
  })

  it('warns once, naming checks: write, and stops calling GitHub on a 403', async () => {
    const { run, see, finish, warnings, github, at } = await checkRun({ failWith: 403 })
    run.start()
    see(running(10), at(0))
    await finish({
      outcome: 'success',
      reason: 'x',
      polls: 1,
      startedAt: START,
      endedAt: START
    })
    expect(run.id).toBeUndefined()
    expect(warnings).toEqual([
      'Check run "Marketplace publish" not created (403 Resource not accessible by integration - https://docs.github.com/rest/checks/runs): ' +
        'the token cannot write checks. Give the job `permissions: checks: write` (a pull request from a fork only gets a read-only token). The wait goes on without it.'
    ])
    expect(github.authorizations).toHaveLength(1)
  })
})

describe('checkTitle', () => {
  const base = {
    reason: 'step "Certification" is Rejected',
    polls: 3,
    startedAt: START,
    endedAt: START + 90_000
  }
  it.each([
    [{ outcome: 'failure' as const }, 'Publishing failed: step "Certification" is Rejected'],
    [
      { outcome: 'timeout' as const, snapshot: readOfferStatus({ status: 'running' }) },
      'Timed out: Running after 1m 30s'
    ],
    [{ outcome: 'cancelled' as const }, 'Cancelled while no status yet'],
    [{ outcome: 'error' as const }, 'Error: step "Certification" is Rejected']
  ])('titles %j', (state, title) => {
    expect(checkTitle(ended({ ...base, ...state }))).toBe(title)
  })
})
