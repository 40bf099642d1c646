// Polling on seeded publish timelines in virtual time: the action's own schedule
// (waitForStatus with its defaults) beside fixed loops and a plain capped backoff.
import { waitingResult } from '../src/status/result.js'
import type { Look } from '../src/status/source.js'
import { waitForStatus } from '../src/wait/wait-for-status.js'
import { seeded } from '../scripts/seeded-random.js'
import { HOUR, MINUTE, type Model, type Timeline } from './timelines.js'

const REQUEST_MS = 300
const MAX_INTERVAL_MS = 5 * MINUTE
const TIMEOUT_MS = 60 * 24 * HOUR

export interface ScheduleFigures {
  schedule: string
  requestsPerHour: number
  lagP50Minutes: number
  lagP95Minutes: number
  /** Requests in one timeline over the capped backoff's in the same one: the worst. */
  worstRequestRatio: number
  /** The share of timelines where it made more requests and saw the end later. */
  worseOnBothShare: number
  /** The shortest pause between two requests, in seconds. */
  shortestGapSeconds: number
}

export interface ModelFigures {
  model: string
  api: string
  timelines: number
  /** Median and longest time to the visible end, in hours. */
  medianHours: number
  longestHours: number
  schedules: ScheduleFigures[]
}

interface Run {
  requests: number
  seenAt: number
  shortestGap: number
}

type Schedule = (timeline: Timeline, model: Model) => Promise<Run>

function isEnd(answer: Look, model: Model): boolean {
  return answer.kind === 'ok' && answer.snapshot.status === model.target
}

/** A client that decides each pause from the number of looks so far and the answer. */
async function loop(
  timeline: Timeline,
  model: Model,
  pause: (looks: number, answer: Look) => number
): Promise<Run> {
  const answerAt = timeline.service()
  let shortestGap = Infinity
  let last = -Infinity
  for (let now = 0, looks = 1; ; looks++) {
    shortestGap = Math.min(shortestGap, now - last)
    last = now
    const answer = answerAt(now)
    if (isEnd(answer, model)) return { requests: looks, seenAt: now, shortestGap }
    const retryAfter = answer.kind === 'transient' ? (answer.retryAfterMs ?? 0) : 0
    now += REQUEST_MS + Math.max(pause(looks, answer), retryAfter)
  }
}

const fixed =
  (everyMs: number): Schedule =>
  (timeline, model) =>
    loop(timeline, model, () => everyMs)

/** Doubling from the API's interval up to 5 minutes, never starting again. */
const cappedBackoff: Schedule = (timeline, model) =>
  loop(timeline, model, looks =>
    Math.min(MAX_INTERVAL_MS, model.intervalMs * 2 ** Math.min(looks - 1, 20))
  )

const action: Schedule = async (timeline, model) => {
  const answerAt = timeline.service()
  const random = seeded(timeline.seed * 13 + 5)
  let now = 0
  let shortestGap = Infinity
  let last = -Infinity
  const result = await waitForStatus(
    {
      noun: 'offer',
      result: waitingResult({ id: 'offer', label: 'offer' }, 'waiting', 0),
      rules: {
        targetStatuses: [model.target],
        failOnStatuses: ['Failed', 'Canceled'],
        failOnStepStatuses: ['Rejected']
      },
      deadline: () => TIMEOUT_MS,
      intervalMs: model.intervalMs,
      maxIntervalMs: MAX_INTERVAL_MS
    },
    {
      now: () => now,
      random,
      sleep: async ms => void (now += ms),
      look: async () => {
        shortestGap = Math.min(shortestGap, now - last)
        last = now
        const answer = answerAt(now)
        now += REQUEST_MS
        return answer
      }
    }
  )
  if (result.outcome !== 'success') throw new Error(`seed ${timeline.seed}: ${result.reason}`)
  return { requests: result.polls, seenAt: result.endedAt - REQUEST_MS, shortestGap }
}

const SCHEDULES: [string, Schedule][] = [
  ['this action', action],
  ['capped backoff (interval doubling to 5m)', cappedBackoff],
  ['fixed 30s loop', fixed(30_000)],
  ['fixed 4m loop', fixed(4 * MINUTE)],
  ['fixed 5m loop', fixed(5 * MINUTE)]
]

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] as number
}

export async function measurePolling(model: Model, timelines: number): Promise<ModelFigures> {
  const made = Array.from({ length: timelines }, (_, i) => model.make(i + 1))
  const runs = new Map<string, Run[]>()
  for (const [name, schedule] of SCHEDULES) {
    const list: Run[] = []
    for (const timeline of made) list.push(await schedule(timeline, model))
    runs.set(name, list)
  }
  const capped = runs.get(SCHEDULES[1]?.[0] as string) as Run[]
  const lagOf = (run: Run, i: number) => run.seenAt - (made[i] as Timeline).visibleAt
  const hours = made.map(timeline => timeline.visibleAt / HOUR)
  return {
    model: model.name,
    api: model.api,
    timelines,
    medianHours: percentile(hours, 0.5),
    longestHours: Math.max(...hours),
    schedules: [...runs].map(([schedule, list]) => {
      const lags = list.map(lagOf)
      const base = (i: number) => capped[i] as Run
      return {
        schedule,
        requestsPerHour:
          list.reduce((sum, run) => sum + run.requests, 0) /
          list.reduce((sum, run) => sum + run.seenAt / HOUR, 0),
        lagP50Minutes: percentile(lags, 0.5) / MINUTE,
        lagP95Minutes: percentile(lags, 0.95) / MINUTE,
        worstRequestRatio: Math.max(...list.map((run, i) => run.requests / base(i).requests)),
        worseOnBothShare:
          list.filter(
            (run, i) => run.requests > base(i).requests && lagOf(run, i) > lagOf(base(i), i)
          ).length / list.length,
        shortestGapSeconds: Math.min(...list.map(run => run.shortestGap)) / 1000
      }
    })
  }
}
