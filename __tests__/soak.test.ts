// A soak in virtual time: a thousand seeded six-hour waits against a service that
// throttles, fails, drops and hangs at random. The loop must never pass its deadline,
// never spin, and always end with a documented outcome.
import { describe, expect, it } from '@jest/globals'
import type { Look as StatusAnswer } from '../src/status/source.js'
import { readOfferStatus as parseOfferStatus } from '../src/sources/cloud-partner-portal/read-offer-status.js'
import { waitForStatus, type WaitOptions } from '../src/wait/wait-for-status.js'
import { seeded } from '../scripts/seeded-random.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const WAITS = 1_000
const LONGEST_REQUEST_MS = 30_000

const options: WaitOptions = {
  subject: 'the offer',
  targetStatuses: ['Succeeded'],
  failOnStatuses: ['Failed', 'Canceled'],
  failOnStepStatuses: ['Rejected'],
  timeoutMs: 6 * HOUR,
  intervalMs: 30_000,
  maxIntervalMs: 5 * MINUTE
}

interface Trace {
  requestTimes: number[]
  sleepEnds: number[]
  doneAt: number
  endsAs: 'Succeeded' | 'Failed'
}

async function soak(seed: number) {
  const random = seeded(seed)
  let now = 0
  const trace: Trace = {
    requestTimes: [],
    sleepEnds: [],
    // Publishing ends somewhere in eight hours: a quarter of the waits outlast the deadline.
    doneAt: random() * 8 * HOUR,
    endsAs: random() < 0.1 ? 'Failed' : 'Succeeded'
  }
  const answer = (): StatusAnswer => {
    const roll = random()
    if (roll < 0.08)
      return { kind: 'transient', problem: '429', retryAfterMs: Math.floor(random() * 10 * MINUTE) }
    if (roll < 0.16) return { kind: 'transient', problem: '503' }
    if (roll < 0.2) return { kind: 'transient', problem: 'connection reset' }
    if (roll < 0.2005) return { kind: 'final', problem: '404' }
    const status = now >= trace.doneAt ? trace.endsAs : 'Running'
    return {
      kind: 'ok',
      snapshot: parseOfferStatus({ status, steps: [{ id: 'cert', status: 'inProgress' }] })
    }
  }
  const result = await waitForStatus(options, {
    now: () => now,
    random,
    sleep: async ms => {
      expect(ms).toBeGreaterThanOrEqual(0)
      now += ms
      trace.sleepEnds.push(now)
    },
    look: async () => {
      trace.requestTimes.push(now)
      const reply = answer()
      // Requests take from a few milliseconds to a hang cut off by request-timeout.
      now += random() < 0.02 ? LONGEST_REQUEST_MS : Math.floor(random() * 2_000)
      return reply
    }
  })
  return { result, trace }
}

describe('soak in virtual time', () => {
  it(`${WAITS} seeded six-hour waits with random faults end well`, async () => {
    const outcomes: Record<string, number> = {}
    let mostPerHour = 0
    for (let seed = 1; seed <= WAITS; seed++) {
      const { result, trace } = await soak(seed)
      const deadline = result.startedAt + options.timeoutMs
      outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1

      // Never past the deadline: no pause ends after it, no request starts after it, and
      // the wait ends within one request of it.
      expect(trace.sleepEnds.every(t => t <= deadline)).toBe(true)
      expect(trace.requestTimes.every(t => t <= deadline)).toBe(true)
      expect(result.endedAt).toBeLessThanOrEqual(deadline + LONGEST_REQUEST_MS)

      // Never spins: no two requests closer than `interval`, but for the last look at
      // the deadline.
      const gaps = trace.requestTimes
        .slice(1)
        .map((t, i) => [t - (trace.requestTimes[i] as number), t] as const)
      expect(gaps.every(([gap, at]) => gap >= options.intervalMs || at === deadline)).toBe(true)
      const hours = Math.max(1, (result.endedAt - result.startedAt) / HOUR)
      mostPerHour = Math.max(mostPerHour, result.polls / hours)

      // A documented outcome that agrees with what the service said.
      expect(['success', 'failure', 'timeout', 'error']).toContain(result.outcome)
      if (result.outcome === 'success' || result.outcome === 'failure') {
        expect(trace.requestTimes.at(-1) as number).toBeGreaterThanOrEqual(trace.doneAt)
        expect(result.snapshot?.status).toBe(result.outcome === 'success' ? 'Succeeded' : 'Failed')
      }
      if (result.outcome === 'timeout' && !/Retry-After/.test(result.reason)) {
        expect(result.endedAt).toBeGreaterThanOrEqual(deadline)
      }
      expect(result.polls).toBe(trace.requestTimes.length)
    }
    expect(mostPerHour).toBeLessThanOrEqual(HOUR / options.intervalMs + 1)
    // Every outcome was met: the soak explores them all.
    expect(Object.keys(outcomes).sort()).toEqual(['error', 'failure', 'success', 'timeout'])
  })
})
