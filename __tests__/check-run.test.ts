import { afterEach, describe, expect, it } from '@jest/globals'
import { Checks } from '../src/github/checks.js'
import { GitHub } from '../src/github/client.js'
import { CheckRun } from '../src/report/check-run.js'
import { checkTitle } from '../src/report/check-run-title.js'
import type { Look } from '../src/status/source.js'
import { recordChange, recordLook, type EndedResult } from '../src/status/result.js'
import { ended, okLook, snapshotOf, stepOf, stepWith, waiting } from './builders.js'
import type { GitHubSpec } from '../simulator/scenario.js'
import { startSimulator, type Simulator } from '../simulator/server.js'

const START = Date.UTC(2026, 0, 1)
const HEAD_SHA = 'a'.repeat(40)
const RUN_URL = 'https://github.com/contoso/offers/actions/runs/7'
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

async function checkRun(
  github: GitHubSpec = {},
  leftMs = 3_600_000,
  redact = (text: string) => text
) {
  simulator = await startSimulator({ timeline: [{ status: 'running' }], github })
  let now = START
  const result = waiting({ reason: 'waiting for Succeeded' })
  const warnings: string[] = []
  const sleeps: number[] = []
  const clock = {
    now: () => now,
    sleep: async (ms: number) => void sleeps.push(ms)
  }
  const checks = new Checks(
    new GitHub({ token: 'ghs_test', apiUrl: simulator.url, requestTimeoutMs: 10_000, ...clock }),
    'contoso/offers'
  )
  const step = stepWith({ checkName: 'Marketplace publish', runUrl: RUN_URL })
  // The time left to the step: an hour, as if the deadline were that far, unless told.
  const endBy = () => now + leftMs
  const start = () =>
    new CheckRun({
      checks,
      step,
      results: [result],
      headSha: HEAD_SHA,
      externalId: 'marketplace-wait:0123456789abcdef:1:7.1',
      now: clock.now,
      redact,
      warn: message => warnings.push(message),
      endBy
    })
  const at = (ms: number): number => (now = START + ms)
  // What the wait does with each look: records it in the result, then shows it.
  const see = (run: CheckRun, look: Look, when: number): void => {
    recordLook(result, look, when)
    run.seen(look, when)
  }
  const finish = (run: CheckRun, fields: Partial<EndedResult>): Promise<void> => {
    Object.assign(result, fields)
    return run.complete(endBy(), false)
  }
  const changes = { push: (change: { at: number; text: string }) => recordChange(result, change) }
  return { start, see, finish, changes, warnings, sleeps, at, github: simulator.github }
}

describe('CheckRun', () => {
  it('creates, updates at most once a minute when the status changes, and completes', async () => {
    const { start, see, finish, changes, at, github } = await checkRun()
    const run = start()
    changes.push({ at: at(0), text: 'Step Certification: InProgress 10%' })
    see(run, running(10), at(0)) // first status: sent at once
    await run.created(START + 300_000) // GitHub has what was sent
    changes.push({ at: at(20_000), text: 'Step Certification: InProgress 20%' })
    see(run, running(20), at(20_000)) // changed, but within the minute
    see(run, running(20), at(45_000))
    see(run, running(20), at(61_000)) // the minute has passed: the change goes out
    await run.created(START + 300_000)
    see(run, running(20), at(130_000)) // nothing new: nothing sent
    await finish(run, {
      outcome: 'success',
      reason: 'the offer reached Succeeded',
      snapshot: snapshotOf({ status: 'Succeeded' }),
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
      head_sha: HEAD_SHA,
      details_url: RUN_URL,
      external_id: 'marketplace-wait:0123456789abcdef:1:7.1',
      started_at: new Date(START).toISOString(),
      status: 'completed',
      conclusion: 'success',
      completed_at: new Date(START + 150_000).toISOString()
    })
    const summary = (record?.fields.output as { summary: string }).summary
    expect(summary).toContain('| 2026-01-01 00:00:20 | Step Certification: InProgress 20% |')
    expect(summary).toContain(`[workflow run](${RUN_URL})`)
    expect(github.authorizations.every(header => header === 'token ghs_test')).toBe(true)
  })

  it('retries GitHub trouble that may pass', async () => {
    const { start, finish, warnings, github } = await checkRun({ flakyCalls: 2 })
    const run = start()
    await finish(run, {
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
    const { start, finish, sleeps, github } = await checkRun({
      throttledCalls: 1,
      retryAfter: 7
    })
    const run = start()
    await finish(run, {
      outcome: 'success',
      reason: 'done',
      polls: 1,
      startedAt: START,
      endedAt: START
    })
    expect(sleeps).toEqual([7_000])
    expect(github.checkRuns).toHaveLength(1)
  })

  it('gives up a call rather than wait a Retry-After past the time left', async () => {
    const { start, finish, sleeps, warnings, github } = await checkRun(
      { throttledCalls: 1, retryAfter: 600 },
      60_000
    )
    const run = start()
    await finish(run, {
      outcome: 'success',
      reason: 'done',
      polls: 1,
      startedAt: START,
      endedAt: START
    })
    expect(sleeps).toEqual([])
    expect(github.checkRuns).toHaveLength(0)
    expect(warnings).toEqual([
      expect.stringMatching(
        /not created \(GitHub answered 429: API rate limit exceeded; it asked to wait 10m, longer than the time left\)/
      )
    ])
  })

  it('warns once, naming checks: write, and stops calling GitHub on a 403', async () => {
    const { start, see, finish, warnings, github, at } = await checkRun({ failWith: 403 })
    const run = start()
    see(run, running(10), at(0))
    await finish(run, {
      outcome: 'success',
      reason: 'x',
      polls: 1,
      startedAt: START,
      endedAt: START
    })
    expect(run.id).toBeUndefined()
    expect(warnings).toEqual([
      'Check run "Marketplace publish" not created (GitHub answered 403: Resource not accessible by integration - https://docs.github.com/rest/checks/runs): ' +
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
      { outcome: 'timeout' as const, snapshot: snapshotOf({ status: 'Running' }) },
      'Timed out: Running after 1m 30s'
    ],
    [{ outcome: 'cancelled' as const }, 'Cancelled while no status yet'],
    [{ outcome: 'error' as const }, 'Error: step "Certification" is Rejected']
  ])('titles %j', (state, title) => {
    expect(checkTitle(ended({ ...base, ...state }))).toBe(title)
  })
})

describe('CheckRun while GitHub is slow', () => {
  it('keeps one update waiting at most: the newest says all there is', async () => {
    const { start, see, finish, changes, at, github } = await checkRun()
    const run = start()
    // The create call is still on its way while the status changes three times.
    for (const [minute, progress] of [
      [0, 10],
      [1, 20],
      [2, 30]
    ] as const) {
      changes.push({ at: at(minute * 60_000), text: `Step Certification: InProgress ${progress}%` })
      see(run, running(progress), at(minute * 60_000))
    }
    await finish(run, { outcome: 'success', reason: 'done', polls: 3, endedAt: at(200_000) })
    expect(
      github.checkRuns[0]?.calls.map(call => (call.output as { title: string }).title)
    ).toEqual(['no status yet', 'Running · Certification: InProgress 30%', 'Running after 3m 20s'])
  })
})

describe('CheckRun and secrets', () => {
  it('cuts every secret out of what it sends, as the log and the summary do', async () => {
    const secret = 'ghs_secretThatAServerEchoed0123'
    const { start, finish, github } = await checkRun({}, 3_600_000, text =>
      text.split(secret).join('***')
    )
    const run = start()
    await finish(run, { outcome: 'error', reason: `unexpected error: token ${secret} refused` })
    const sent = JSON.stringify(github.checkRuns.map(record => record.calls))
    expect(sent).not.toContain(secret)
    expect(sent).toContain('unexpected error: token *** refused')
  })
})
