// The hand-off's pieces: its inputs, the state as sent and as read back (untrusted),
// the wait loop's hand-off point, in virtual time.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodeState, encodeState, STATE_CHARS, type HandOffState } from '../src/hand-off/state.js'
import { InputError } from '../src/inputs/input-error.js'
import { WaitClock } from '../src/status/wait-clock.js'
import { readRunner } from '../src/runner/context.js'
import { readCarried } from '../src/hand-off/carried.js'
import { readSettings } from '../src/settings.js'
import { recordChange } from '../src/status/result.js'
import type { Look } from '../src/status/source.js'
import { waitForStatus } from '../src/wait/wait-for-status.js'
import {
  ended,
  okLook,
  snapshotOf,
  START,
  stepOf,
  waitOptions,
  waiting,
  type PlainWait
} from './builders.js'

const HOUR = 3_600_000
const RUNNER = {
  GITHUB_REPOSITORY: 'contoso/offers',
  GITHUB_WORKFLOW_REF: 'contoso/offers/.github/workflows/publish.yml@refs/heads/main',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_JOB: 'wait',
  GITHUB_ACTION: 'wait'
}
const INPUTS = {
  'publisher-id': 'contoso',
  'offer-id': 'contoso-vm',
  token: 'secret-token',
  'github-token': 'ghs_token',
  'hand-off-input': 'marketplace-wait'
}

// A carried-on run starts an hour after the state's hand-off.
const NOW = START + 6 * HOUR

function settingsOf(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const input = (name: string) => ({ ...INPUTS, ...inputs })[name]
  const runner = readRunner({ ...RUNNER, ...env })
  return readSettings(input, runner, readCarried(input, runner, NOW))
}

function errorOf(inputs: Record<string, string>, env: Record<string, string> = {}): string {
  try {
    settingsOf(inputs, env)
  } catch (error) {
    if (error instanceof InputError) return error.message
    throw error
  }
  throw new Error('no error')
}

function eventFile(event: object): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hand-off-')), 'event.json')
  writeFileSync(path, JSON.stringify(event))
  return path
}

function state(fields: Partial<HandOffState> = {}): HandOffState {
  return {
    repository: 'contoso/offers',
    workflow: 'contoso/offers/.github/workflows/publish.yml',
    job: 'wait',
    step: 'wait',
    waitId: '0123456789abcdef',
    api: 'cloud-partner-portal',
    inputs: { 'publisher-id': 'contoso', 'offer-id': 'contoso-vm' },
    startedAt: START,
    deadline: START + 48 * HOUR,
    handedOffAt: START + 5 * HOUR,
    holdMs: 0,
    results: [waiting({ id: 'contoso-vm', polls: 40, endedAt: START + 5 * HOUR })],
    checkRun: { id: 1000, headSha: 'a'.repeat(40) },
    runs: [{ number: 7, url: 'https://github.com/contoso/offers/actions/runs/77' }],
    runCount: 1,
    ...fields
  }
}

describe('the hand-off inputs', () => {
  it('read hand-off-after, the workflow file and the ref of the run', () => {
    expect(settingsOf({ 'hand-off-after': '5h30m', timeout: '10d' }).handOff).toMatchObject({
      afterMs: 5.5 * HOUR,
      inputName: 'marketplace-wait',
      workflowFile: 'publish.yml',
      ref: 'refs/heads/main'
    })
    const pr = eventFile({ pull_request: { head: { repo: { full_name: 'contoso/offers' } } } })
    expect(
      settingsOf(
        { 'hand-off-after': '1h' },
        { GITHUB_EVENT_NAME: 'pull_request', GITHUB_HEAD_REF: 'feature', GITHUB_EVENT_PATH: pr }
      ).handOff?.ref
    ).toBe('refs/heads/feature')
  })

  it.each([
    [{ 'hand-off-after': '10s' }, {}, /'hand-off-after' must be at least 'interval' \(30s\)/],
    [{ 'hand-off-after': '23h' }, {}, /under 23h/],
    [{ 'hand-off-after': 'soon' }, {}, /'hand-off-after' is not a duration/],
    [{ 'hand-off-after': '1h', 'hand-off-input': 'a b' }, {}, /'hand-off-input' must be/],
    [{ 'hand-off-after': '1h', 'github-token': '' }, {}, /'github-token' is empty/],
    [{ timeout: '6d' }, {}, /at most 5d .*hand-off-after lets a wait go on/],
    [{ 'hand-off-after': '1h', timeout: '31d' }, {}, /at most 30d/],
    [{ 'hand-off-after': '1h', timeout: '15d', 'check-name': 'x' }, {}, /at most 14d .*stale/],
    [
      { 'hand-off-after': '1h' },
      { GITHUB_WORKFLOW_REF: 'fabrikam/tools/.github/workflows/w.yml@refs/heads/main' },
      /needs this repository's own workflow/
    ],
    [{ 'hand-off-after': '1h' }, { GITHUB_REF: 'refs/pull/7/merge' }, /needs a branch or tag/],
    [
      { 'hand-off-after': '1h' },
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventFile({
          pull_request: { head: { repo: { full_name: 'fork/offers' } } }
        })
      },
      /cannot hand off from a pull request of a fork/
    ]
  ])('refuse %j with %j before any request', (inputs, env, message) => {
    expect(errorOf(inputs, env)).toMatch(message)
  })

  it('warn over 5h50m on a GitHub-hosted runner only', () => {
    const hosted = { RUNNER_ENVIRONMENT: 'github-hosted' }
    expect(settingsOf({ 'hand-off-after': '6h' }, hosted).handOff?.warning).toMatch(/stops at 6h/)
    expect(settingsOf({ 'hand-off-after': '6h' }).handOff?.warning).toBeUndefined()
    expect(settingsOf({ 'hand-off-after': '5h50m' }, hosted).handOff?.warning).toBeUndefined()
  })
})

describe('a carried-on run', () => {
  const dispatched = (value: string, env: Record<string, string> = {}) => ({
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: eventFile({ inputs: { 'marketplace-wait': value } }),
    ...env
  })

  it('takes the API, the targets and the deadline from the state', () => {
    const settings = settingsOf(
      { 'publisher-id': '', 'offer-id': '', api: '', timeout: '5m' },
      dispatched(encodeState(state()))
    )
    expect(settings.api.name).toBe('cloud-partner-portal')
    expect(settings.targets.map(target => target.label)).toEqual(['offer contoso/contoso-vm'])
    expect(settings.timeoutMs).toBe(48 * HOUR)
    expect(settings.carried?.results[0]?.polls).toBe(40)
  })

  it("ignores another job's or step's state", () => {
    const settings = settingsOf({}, dispatched(encodeState(state()), { GITHUB_ACTION: 'other' }))
    expect(settings.carried).toBeUndefined()
  })

  it('refuses inputs that name another wait', () => {
    expect(errorOf({ 'publisher-id': 'fabrikam' }, dispatched(encodeState(state())))).toMatch(
      /^Input 'publisher-id' is "fabrikam", but the wait this run carries on is for "contoso"/
    )
    expect(errorOf({ api: 'product-ingestion' }, dispatched(encodeState(state())))).toMatch(
      /^Input 'api' is "product-ingestion"/
    )
  })
})

describe('the hand-off state', () => {
  it('fits 50 offers with long histories and reasons in 16 KiB, and reads back', () => {
    const results = Array.from({ length: 50 }, (_, i) => {
      const fields = { id: `offer-${i}`, reason: 'x'.repeat(3_000) }
      const result = i % 2 ? ended({ ...fields, outcome: 'failure' }) : waiting(fields)
      for (let n = 0; n < 300; n++)
        recordChange(result, { at: START + n, text: `change ${n}`, run: 3 })
      result.snapshot = snapshotOf({
        status: 'Running',
        steps: Array.from({ length: 40 }, (_, s) =>
          stepOf({ id: `step-${s}`, name: 'n'.repeat(200) })
        )
      })
      return result
    })
    const runs = Array.from({ length: 400 }, (_, n) => ({
      number: n + 1,
      url: `https://github.com/contoso/offers/actions/runs/${1_000_000 + n}`
    }))
    const value = encodeState(state({ results, runs, runCount: 400 }))
    expect(value.length).toBeLessThanOrEqual(STATE_CHARS)
    const back = decodeState(value, readRunner(RUNNER))
    expect(back.results.map(result => result.id)).toEqual(results.map(result => result.id))
    expect(back.runs[0]?.number).toBe(1)
    expect(back.runs.at(-1)?.number).toBe(400)
    expect(back.runCount).toBe(400)
  })

  it('refuses anything else with a one-line InputError naming hand-off-input, however huge or odd', () => {
    const good = JSON.parse(Buffer.from(encodeState(state()), 'base64url').toString()) as Record<
      string,
      unknown
    >
    const encoded = (value: unknown) =>
      Buffer.from(JSON.stringify(value) ?? 'null').toString('base64url')
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ minLength: 16_000, maxLength: 40_000 }),
          fc.anything().map(encoded),
          fc
            .dictionary(fc.constantFrom(...Object.keys(good)), fc.anything())
            .map(fields => encoded({ ...good, ...fields })),
          fc.string({ maxLength: 300 }).map(text => encoded({ ...good, j: text, r: text }))
        ),
        value => {
          try {
            const back = decodeState(value, readRunner(RUNNER))
            expect(back.repository.toLowerCase()).toBe('contoso/offers')
          } catch (error) {
            expect(error).toBeInstanceOf(InputError)
            expect((error as Error).message).toMatch(/^Input 'hand-off-input' /)
            expect((error as Error).message).not.toMatch(/\n/)
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  it("refuses another repository's state, and a field with a newline", () => {
    expect(() =>
      decodeState(encodeState(state({ repository: 'fabrikam/offers' })), readRunner(RUNNER))
    ).toThrow(/names another repository/)
    expect(() =>
      decodeState(encodeState(state({ job: 'wait\n::set-output' })), readRunner(RUNNER))
    ).toThrow(/j: not one line/)
    const elsewhere = state({
      runs: [{ number: 1, url: 'https://evil.example/contoso/offers/actions/runs/1' }]
    })
    expect(() => decodeState(encodeState(elsewhere), readRunner(RUNNER))).toThrow(
      /u\[0\]\[1\]: not a run of this repository/
    )
  })
})

describe('waitForStatus with a hand-off', () => {
  const running = okLook(snapshotOf({ status: 'Running' }))
  function wait(look: () => Look, options: Partial<PlainWait> = {}) {
    let now = START
    const lookedAt: number[] = []
    const result = waiting({ startedAt: START })
    return {
      lookedAt,
      done: waitForStatus(
        waitOptions(
          {
            timeoutMs: 48 * HOUR,
            handOffAt: START + 5.5 * HOUR,
            intervalMs: 60_000,
            maxIntervalMs: 300_000,
            ...options
          },
          result
        ),
        {
          now: () => now,
          random: () => 0.5,
          sleep: async ms => void (now += ms),
          look: async () => {
            lookedAt.push(now - START)
            return look()
          }
        }
      )
    }
  }

  it('hands off at the hand-off point with a last look there, not before', async () => {
    const { done, lookedAt } = wait(() => running)
    const result = await done
    expect(result).toMatchObject({ outcome: 'handed-off', endedAt: START + 5.5 * HOUR })
    expect(result.reason).toBe('the offer was still Running when this run handed the wait on')
    expect(lookedAt.at(-1)).toBe(5.5 * HOUR)
  })

  it('leaves a Retry-After past the hand-off to the next run', async () => {
    const { done, lookedAt } = wait(() => ({
      kind: 'transient',
      problem: '429',
      retryAfterMs: 6 * HOUR
    }))
    expect(await done).toMatchObject({ outcome: 'handed-off' })
    expect(lookedAt).toEqual([0])
  })

  it('ends timeout, never handed off, when the deadline comes first', async () => {
    const { done } = wait(() => running, { timeoutMs: 2 * HOUR })
    expect(await done).toMatchObject({ outcome: 'timeout', endedAt: START + 2 * HOUR })
  })

  it('does not hand off before it has polled', async () => {
    let looks = 0
    const { done } = wait(
      () => (++looks < 5 ? { kind: 'transient', problem: 'paused', notSent: true } : running),
      { handOffAt: START }
    )
    expect(await done).toMatchObject({ outcome: 'handed-off', polls: 1 })
  })
})

describe("the wait's clock", () => {
  it("learns once, from the first answer, how far the services' clock is ahead", () => {
    let now = START
    const heard: number[] = []
    const clock = new WaitClock(
      () => now,
      offset => heard.push(offset)
    )
    clock.hear('not a date')
    clock.hear(new Date(START + HOUR).toUTCString())
    clock.hear(new Date(START - HOUR).toUTCString())
    expect(heard).toEqual([HOUR])
    now += 5_000
    expect(clock.toServices(now)).toBe(START + 5_000 + HOUR)
  })

  it('counts a clock within a minute of the services as right', () => {
    const heard: number[] = []
    const clock = new WaitClock(
      () => START,
      offset => heard.push(offset)
    )
    clock.hear(new Date(START + 59_000).toUTCString())
    clock.hear(new Date(START + HOUR).toUTCString())
    expect(heard).toEqual([])
    expect(clock.toServices(START)).toBe(START)
  })
})
