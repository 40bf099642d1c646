import { describe, expect, it } from '@jest/globals'
import type { Look } from '../src/status/source.js'
import { displayStatus } from '../src/status/statuses.js'
import { okLook, snapshotOf, stepOf, waitForNew, type PlainWait } from './builders.js'

const START = Date.UTC(2026, 0, 1)
const MINUTE = 60_000
const HOUR = 60 * MINUTE

const options: PlainWait = {
  noun: 'offer',
  targetStatuses: ['Succeeded'],
  failOnStatuses: ['Failed', 'Canceled'],
  failOnStepStatuses: ['Rejected'],
  timeoutMs: 6 * HOUR,
  intervalMs: 30_000,
  maxIntervalMs: 5 * MINUTE
}

// An offer in the service's words (`running`), read into the one vocabulary.
function offer(status: string, steps: [string, string][] = []): Look {
  return okLook(
    snapshotOf({
      status: displayStatus(status),
      steps: steps.map(([id, s]) => stepOf({ id, status: displayStatus(s) }))
    })
  )
}

/** A clock that only moves when the loop sleeps or a request takes time. */
function virtualWait(answerAt: (elapsedMs: number) => Look, requestMs = 0) {
  let now = START
  const requestTimes: number[] = []
  const sleeps: number[] = []
  const deps = {
    now: () => now,
    random: () => 0.5,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      now += ms
    },
    look: async () => {
      requestTimes.push(now - START)
      const answer = answerAt(now - START)
      now += requestMs
      return answer
    }
  }
  return { deps, requestTimes, sleeps }
}

describe('waitForStatus', () => {
  it('follows a six-hour publish in virtual time and sees the end within one max-interval', async () => {
    const doneAt = 5 * HOUR + 37 * MINUTE
    const { deps, requestTimes } = virtualWait(t =>
      t < doneAt
        ? offer('running', [['cert', 'inProgress']])
        : offer('succeeded', [['cert', 'complete']])
    )
    const result = await waitForNew({ ...options, timeoutMs: 6 * HOUR }, deps)
    expect(result.outcome).toBe('success')
    expect(result.reason).toBe('the offer reached Succeeded')
    const seenAt = requestTimes.at(-1) as number
    expect(seenAt - doneAt).toBeGreaterThanOrEqual(0)
    expect(seenAt - doneAt).toBeLessThanOrEqual(options.maxIntervalMs)
    // Backed off to max-interval: about one request per 5 minutes, not one per 30 s.
    expect(result.polls).toBeLessThan(doneAt / options.maxIntervalMs + 10)
    expect(result.endedAt - result.startedAt).toBe(seenAt)
  })

  it('times out after a last look exactly at the deadline, never sleeping past it', async () => {
    const { deps, requestTimes } = virtualWait(() => offer('running'), 1_000)
    const result = await waitForNew(options, deps)
    expect(result.outcome).toBe('timeout')
    expect(result.reason).toBe('the offer was still Running after 6h')
    expect(requestTimes.at(-1)).toBe(6 * HOUR)
    expect(requestTimes.every(t => t <= 6 * HOUR)).toBe(true)
    expect(result.snapshot?.status).toBe('Running')
  })

  it('looks once with timeout 0', async () => {
    const { deps, sleeps } = virtualWait(() => offer('running'))
    const result = await waitForNew({ ...options, timeoutMs: 0 }, deps)
    expect(result).toMatchObject({ outcome: 'timeout', polls: 1 })
    expect(sleeps).toEqual([])
  })

  it('ends with success at once with timeout 0 when the offer is already there', async () => {
    const { deps } = virtualWait(() => offer('succeeded'))
    expect(await waitForNew({ ...options, timeoutMs: 0 }, deps)).toMatchObject({
      outcome: 'success',
      polls: 1
    })
  })

  it('fails at once on a fail-on-status', async () => {
    const { deps } = virtualWait(t => (t < 10 * MINUTE ? offer('running') : offer('failed')))
    const result = await waitForNew(options, deps)
    expect(result.outcome).toBe('failure')
    expect(result.reason).toBe('the offer status is Failed')
    expect(result.endedAt - START).toBeLessThan(10 * MINUTE + options.maxIntervalMs)
  })

  it('fails at once when a step reaches a fail-on-step-status, even while the offer runs', async () => {
    const { deps } = virtualWait(() =>
      okLook(
        snapshotOf({
          status: 'Running',
          steps: [stepOf({ id: 'cert', name: 'Certification', status: 'Rejected' })]
        })
      )
    )
    const result = await waitForNew(options, deps)
    expect(result).toMatchObject({
      outcome: 'failure',
      polls: 1,
      reason: 'step "Certification" is Rejected'
    })
  })

  it('fails on a final status that is not a target instead of waiting for nothing', async () => {
    const { deps } = virtualWait(() => offer('succeeded'))
    const result = await waitForNew(
      { ...options, targetStatuses: ['WaitingForPublisherReview'] },
      deps
    )
    expect(result.outcome).toBe('failure')
    expect(result.reason).toMatch(/ended as Succeeded, which is not a target status/)
    expect(result.polls).toBe(1)
  })

  it('ends with error at once on a final answer', async () => {
    const { deps } = virtualWait(() => ({ kind: 'final', problem: 'answered 404 Not Found' }))
    expect(await waitForNew(options, deps)).toMatchObject({
      outcome: 'error',
      reason: 'answered 404 Not Found',
      polls: 1
    })
  })

  it('retries transient trouble, backing off, until the status comes', async () => {
    const { deps, sleeps } = virtualWait(t =>
      t < 20 * MINUTE ? { kind: 'transient', problem: 'answered 503' } : offer('succeeded')
    )
    const result = await waitForNew(options, deps)
    expect(result.outcome).toBe('success')
    expect(sleeps.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000])
  })

  it('honours Retry-After when it asks for more than the backoff', async () => {
    let calls = 0
    const { deps, sleeps } = virtualWait(() =>
      calls++ === 0
        ? { kind: 'transient', problem: '429', retryAfterMs: 120_000 }
        : offer('succeeded')
    )
    await waitForNew(options, deps)
    expect(sleeps).toEqual([120_000])
  })

  it('ends as timeout at once when Retry-After reaches past the deadline', async () => {
    const { deps, sleeps } = virtualWait(() => ({
      kind: 'transient',
      problem: 'answered 429',
      retryAfterMs: 2 * HOUR
    }))
    const result = await waitForNew({ ...options, timeoutMs: HOUR }, deps)
    expect(result.outcome).toBe('timeout')
    expect(result.reason).toMatch(/asked to wait 2h \(Retry-After\), past the deadline/)
    expect(sleeps).toEqual([])
  })

  it('says what went wrong when no status was ever read', async () => {
    const { deps } = virtualWait(() => ({ kind: 'transient', problem: 'connection refused' }))
    const result = await waitForNew({ ...options, timeoutMs: 10 * MINUTE }, deps)
    expect(result.reason).toBe('no status was read within 10m: connection refused')
    expect(result.snapshot).toBeUndefined()
  })

  it('looks again at the first interval after the offer status changes', async () => {
    const { deps, sleeps } = virtualWait(t => {
      if (t < 10 * MINUTE) return offer('notStarted', [['cert', 'notStarted']])
      if (t < 30 * MINUTE) return offer('running', [['cert', 'inProgress']])
      return offer('succeeded', [['cert', 'complete']])
    })
    await waitForNew(options, deps)
    const afterChange = sleeps.findIndex(
      (_, i) => sleeps.slice(0, i + 1).reduce((a, b) => a + b, 0) >= 10 * MINUTE
    )
    expect(sleeps[afterChange + 1]).toBe(30_000)
  })

  it('stops at once when cancelled during a pause', async () => {
    const controller = new AbortController()
    const { deps } = virtualWait(() => offer('running'))
    deps.sleep = async () => controller.abort()
    const result = await waitForNew({ ...options, signal: controller.signal }, deps)
    expect(result).toMatchObject({ outcome: 'cancelled', polls: 1 })
    expect(result.snapshot?.status).toBe('Running')
  })

  it('ends cancelled, not timed out, when cancelled as a look is heard past the deadline', async () => {
    const controller = new AbortController()
    const { deps } = virtualWait(() => offer('running'), 7 * HOUR)
    const result = await waitForNew(
      { ...options, signal: controller.signal },
      { ...deps, onLook: () => controller.abort() }
    )
    expect(result).toMatchObject({ outcome: 'cancelled', polls: 1 })
  })

  it('ends as the look decides when cancelled as a look that ends the wait is heard', async () => {
    const controller = new AbortController()
    const { deps } = virtualWait(() => offer('succeeded'), 7 * HOUR)
    const result = await waitForNew(
      { ...options, signal: controller.signal },
      { ...deps, onLook: () => controller.abort() }
    )
    expect(result).toMatchObject({ outcome: 'success', polls: 1 })
  })
})
