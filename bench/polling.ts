// Polling on seeded publish timelines in virtual time: the action's own schedule
// (waitForStatus with its defaults) beside fixed 30-second and 5-minute loops.
import type { Look as StatusAnswer } from '../src/status/source.js'
import { readOfferStatus as parseOfferStatus } from '../src/sources/cloud-partner-portal/read-offer-status.js'
import { waitForStatus } from '../src/wait/wait-for-status.js'
import { seeded } from '../scripts/seeded-random.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const REQUEST_MS = 300

/** The reference's steps and estimates; days are read as hours, so publishes last hours. */
const STEP_ESTIMATES: [string, string, number, number][] = [
  ['displaydummycertify', '< 15 min', 3 * MINUTE, 15 * MINUTE],
  ['displaycertify', '~2-3 hours', 2 * HOUR, 3 * HOUR], // ~2-3 days
  ['displayprovision', '< 1 hour', 10 * MINUTE, 1 * HOUR], // < 1 day
  ['displaypackage', '< 1 hour', 10 * MINUTE, 1 * HOUR],
  ['publisher-signoff', '< 1 hour', 5 * MINUTE, 1 * HOUR],
  ['live', '~2-5 hours', 2 * HOUR, 5 * HOUR] // ~2-5 days
]

export interface Timeline {
  seed: number
  steps: { id: string; estimate: string; start: number; end: number; curve: number }[]
  doneAt: number
  /** `none`: the service reports 0 until a step is complete. */
  progress: 'coarse' | 'none'
  faults: boolean
}

export interface ScheduleFigures {
  schedule: string
  requestsPerHour: number
  lagP50Minutes: number
  lagP95Minutes: number
}

function makeTimeline(seed: number): Timeline {
  const random = seeded(seed)
  let at = random() * 2 * MINUTE
  const steps = STEP_ESTIMATES.map(([id, estimate, shortest, longest]) => {
    const start = at
    at += shortest + random() * (longest - shortest)
    // Progress is rarely even: some steps front-load it, some back-load it.
    return { id, estimate, start, end: at, curve: 0.7 + random() * 0.7 }
  })
  return {
    seed,
    steps,
    doneAt: at,
    progress: random() < 0.25 ? 'none' : 'coarse',
    faults: random() < 0.3
  }
}

/** What the service answers at `t`, faults included. */
function service(timeline: Timeline, random: () => number): (t: number) => StatusAnswer {
  // A throttled service refuses every request until the time its Retry-After named.
  let throttledUntil = 0
  return t => {
    if (t < throttledUntil)
      return { kind: 'transient', problem: '429', retryAfterMs: throttledUntil - t }
    if (timeline.faults) {
      const roll = random()
      if (roll < 0.03) {
        throttledUntil = t + (30 + random() * 90) * 1000
        return { kind: 'transient', problem: '429', retryAfterMs: throttledUntil - t }
      }
      if (roll < 0.13) return { kind: 'transient', problem: '503' }
    }
    const steps = timeline.steps.map(step => {
      const fixed = { id: step.id, estimatedTimeFrame: step.estimate }
      if (t >= step.end) return { ...fixed, status: 'complete', progressPercentage: 100 }
      if (t < step.start) return { ...fixed, status: 'notStarted', progressPercentage: 0 }
      const share = ((t - step.start) / (step.end - step.start)) ** step.curve
      // The service moves progress in 5% steps.
      const progress = timeline.progress === 'none' ? 0 : Math.floor(share * 20) * 5
      return { ...fixed, status: 'inProgress', progressPercentage: progress }
    })
    return {
      kind: 'ok',
      snapshot: parseOfferStatus({ status: t >= timeline.doneAt ? 'succeeded' : 'running', steps })
    }
  }
}

/** Requests made and the time the end was seen, for the action's own schedule. */
async function actionSchedule(timeline: Timeline): Promise<{ requests: number; seenAt: number }> {
  const random = seeded(timeline.seed * 7 + 1)
  const answerAt = service(timeline, random)
  let now = 0
  const result = await waitForStatus(
    {
      subject: 'the offer',
      targetStatuses: ['Succeeded'],
      failOnStatuses: ['Failed', 'Canceled'],
      failOnStepStatuses: ['Rejected'],
      timeoutMs: 5 * 24 * HOUR,
      intervalMs: 30_000,
      maxIntervalMs: 5 * MINUTE
    },
    {
      now: () => now,
      random,
      sleep: async ms => void (now += ms),
      look: async () => {
        const answer = answerAt(now)
        now += REQUEST_MS
        return answer
      }
    }
  )
  if (result.outcome !== 'success') throw new Error(`seed ${timeline.seed}: ${result.reason}`)
  return { requests: result.polls, seenAt: result.endedAt - REQUEST_MS }
}

/** The same for a loop that looks every `everyMs`, whatever it hears. */
function fixedSchedule(timeline: Timeline, everyMs: number): { requests: number; seenAt: number } {
  const answerAt = service(timeline, seeded(timeline.seed * 7 + 1))
  let requests = 0
  for (let now = 0; ; now += REQUEST_MS + everyMs) {
    requests++
    const answer = answerAt(now)
    if (answer.kind === 'ok' && answer.snapshot.status === 'Succeeded')
      return { requests, seenAt: now }
  }
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] as number
}

export async function measurePolling(timelines: number): Promise<ScheduleFigures[]> {
  const runs: Record<string, { requests: number; hours: number; lags: number[] }> = {}
  for (let seed = 1; seed <= timelines; seed++) {
    const timeline = makeTimeline(seed)
    const results: [string, { requests: number; seenAt: number }][] = [
      ['action (30s to 5m, progress-aware)', await actionSchedule(timeline)],
      ['fixed 30s loop', fixedSchedule(timeline, 30_000)],
      ['fixed 5m loop', fixedSchedule(timeline, 5 * MINUTE)]
    ]
    for (const [name, { requests, seenAt }] of results) {
      const run = (runs[name] ??= { requests: 0, hours: 0, lags: [] })
      run.requests += requests
      run.hours += seenAt / HOUR
      run.lags.push(seenAt - timeline.doneAt)
    }
  }
  return Object.entries(runs).map(([schedule, run]) => ({
    schedule,
    requestsPerHour: run.requests / run.hours,
    lagP50Minutes: percentile(run.lags, 0.5) / MINUTE,
    lagP95Minutes: percentile(run.lags, 0.95) / MINUTE
  }))
}
