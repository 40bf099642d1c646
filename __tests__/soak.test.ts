// Soaks in virtual time. A thousand seeded six-hour waits against a service that
// throttles, fails, drops and hangs at random: the loop must never pass its deadline,
// never spin, and always end with a documented outcome. And one five-day wait whose
// every look changes: what the action keeps must not grow.
import { describe, expect, it } from '@jest/globals'
import v8 from 'node:v8'
import vm from 'node:vm'
import { annotationBudget, ProgressLog } from '../src/report/progress-log.js'
import type { Look } from '../src/status/source.js'
import { okLook, snapshotOf, stepOf, waitForNew, waiting, type PlainWait } from './builders.js'
import { seeded } from '../scripts/seeded-random.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const WAITS = 1_000
const LONGEST_REQUEST_MS = 30_000

const options: PlainWait = {
  noun: 'offer',
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
  const answer = (): Look => {
    const roll = random()
    if (roll < 0.08)
      return { kind: 'transient', problem: '429', retryAfterMs: Math.floor(random() * 10 * MINUTE) }
    if (roll < 0.16) return { kind: 'transient', problem: '503' }
    if (roll < 0.2) return { kind: 'transient', problem: 'connection reset' }
    if (roll < 0.2005) return { kind: 'final', problem: '404' }
    const status = now >= trace.doneAt ? trace.endsAs : 'Running'
    return okLook(snapshotOf({ status, steps: [stepOf({ id: 'cert', status: 'InProgress' })] }))
  }
  const result = await waitForNew(options, {
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

describe('a five-day wait with a change at every look', () => {
  it('keeps memory flat: history, annotations and remembered messages stay bounded', async () => {
    // A collectable heap, so that what is measured is what is kept.
    v8.setFlagsFromString('--expose-gc')
    const gc = vm.runInNewContext('gc') as () => void
    const DAY = 24 * HOUR
    let now = 0
    let look = 0
    const kept = waiting()
    const log = new ProgressLog(
      {
        info: () => undefined,
        warning: () => undefined,
        error: () => undefined,
        setFailed: () => undefined
      },
      kept,
      { subject: 'Offer', annotations: annotationBudget() }
    )
    const heapAt: number[] = []
    const result = await waitForNew(
      { ...options, timeoutMs: 5 * DAY, intervalMs: 10_000, maxIntervalMs: 10_000 },
      {
        now: () => now,
        random: () => 0.5,
        sleep: async ms => void (now += ms),
        look: async () => {
          look++
          if (look % 8_640 === 0) {
            gc()
            heapAt.push(process.memoryUsage().heapUsed)
          }
          return okLook(
            snapshotOf({
              status: `running ${look}`,
              steps: [
                stepOf({
                  id: 'cert',
                  status: 'InProgress',
                  progress: look % 100,
                  messages: [{ html: `warning ${look}`, level: 'warning', timestamp: '' }]
                })
              ]
            })
          )
        },
        onLook: log.observe
      }
    )
    expect(result.outcome).toBe('timeout')
    expect(look).toBeGreaterThan(40_000)
    expect(kept.changeCount).toBeGreaterThan(80_000)
    expect(kept.changes.length).toBeLessThanOrEqual(111)
    const [firstDay = 0, ...later] = heapAt
    expect(heapAt.length).toBeGreaterThanOrEqual(4)
    for (const heap of later) expect(heap - firstDay).toBeLessThan(8 * 1024 * 1024)
  })
})
