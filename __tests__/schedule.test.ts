import { describe, expect, it } from '@jest/globals'
import { readOfferStatus } from '../src/sources/cloud-partner-portal/read-offer-status.js'
import { readJobStatus } from '../src/sources/product-ingestion/read-job-status.js'
import { backoffLooks } from '../src/wait/backoff.js'
import { estimateWindowMs } from '../src/status/estimate.js'
import { PollSchedule } from '../src/wait/schedule.js'
import type { Snapshot } from '../src/status/snapshot.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

interface StepState {
  id: string
  status: string
  progress?: number | null
  estimate?: string
}

function offer(steps: StepState[], status = 'running') {
  return readOfferStatus({
    status,
    steps: steps.map(step => ({
      id: step.id,
      status: step.status,
      progressPercentage: step.progress ?? null,
      estimatedTimeFrame: step.estimate ?? ''
    }))
  })
}

/** An offer in its last step, with `progress` and the reference's estimate. */
const lastStep = (progress: number | null, status = 'inProgress') =>
  offer([
    { id: 'certify', status: 'complete', estimate: '< 15 min' },
    { id: 'live', status, progress, estimate: '~2-5 days' }
  ])
const job = (jobStatus: string) => readJobStatus({ jobStatus, jobResult: 'pending' }, 'j')

const schedule = () => new PollSchedule(30_000, 5 * MINUTE, () => 0.5)

/** Looks at `minutes`, each showing what `at` says then; the pauses chosen after each. */
function run(s: PollSchedule, minutes: number[], at: (minute: number) => ReturnType<typeof offer>) {
  return minutes.map(minute => {
    s.observe(at(minute), minute * MINUTE)
    return s.next(minute * MINUTE)
  })
}

describe('PollSchedule', () => {
  /** Looks as the schedule asks, each showing `at(minute)`; the pauses it chose. */
  function follow(s: PollSchedule, until: number, at: (minute: number) => Snapshot) {
    const pauses: number[] = []
    for (let now = 0; now < until * MINUTE; now += pauses.at(-1) as number) {
      s.observe(at(now / MINUTE), now)
      pauses.push(s.next(now))
    }
    return pauses
  }

  it('backs off from interval, doubling, to max-interval while a status tells nothing more', () => {
    expect(follow(schedule(), 15, () => job('running'))).toEqual([
      30_000, 60_000, 120_000, 240_000, 300_000, 300_000
    ])
  })

  it('starts again at interval for a state new to the wait, not for one that comes back', () => {
    // Queued for 10 minutes, then running; from minute 30 it flaps back and forth.
    const flapping = (m: number) =>
      job(m < 10 || (m >= 30 && Math.floor(m / 5) % 2 === 0) ? 'notStarted' : 'running')
    const pauses = follow(schedule(), 80, flapping)
    expect(pauses.slice(0, 6)).toEqual([30_000, 60_000, 120_000, 240_000, 300_000, 30_000])
    expect(pauses.slice(10).every(pause => pause === 300_000)).toBe(true)
  })

  it('looks every max-interval while a step before the last is under way', () => {
    const s = schedule()
    const middle = offer([
      { id: 'certify', status: 'inProgress', progress: 50, estimate: '~2-3 days' },
      { id: 'live', status: 'notStarted', estimate: '~2-5 days' }
    ])
    expect(run(s, [0, 5, 10], () => middle)).toEqual([300_000, 300_000, 300_000])
  })

  /**
   * An offer whose first step moves 2% a minute and ends at minute 50, as its progress
   * foretold; then the last step, whose progress `last(minutes into it)` gives.
   */
  const provenThen =
    (last: (m: number) => number) =>
    (m: number): Snapshot =>
      offer([
        {
          id: 'certify',
          status: m < 50 ? 'inProgress' : 'complete',
          progress: Math.min(95, Math.floor(m / 5) * 10),
          estimate: '~1-2 hours'
        },
        {
          id: 'live',
          status: m < 50 ? 'notStarted' : 'inProgress',
          progress: m < 50 ? 0 : last(m - 50),
          estimate: '~1-2 hours'
        }
      ])

  it('aims the looks at the span where the last step’s progress puts its end', () => {
    // 1% a minute, reported in 5% steps from 2.5 minutes in: 100% at minute 97.5 of the
    // step, minute 147.5 of the wait.
    const pauses = follow(
      schedule(),
      147.5,
      provenThen(m => Math.min(95, Math.floor((m + 2.5) / 5) * 5))
    )
    const seenAt = pauses.reduce((sum, pause) => sum + pause, 0)
    // The middle costs one look per max-interval; the end is seen within a minute.
    expect(pauses.slice(0, 20).every(pause => pause === 300_000)).toBe(true)
    expect(seenAt).toBeLessThan(148.5 * MINUTE)
    expect(pauses.length).toBeLessThan(150 / 5 + 12)
  })

  it('without a step whose progress proved right, spends no looks on progress', () => {
    // The same last step, but the wait starts in it: nothing has proved its progress.
    const pauses = follow(schedule(), 97.5, m =>
      lastStep(Math.min(95, Math.floor((m + 2.5) / 5) * 5))
    )
    expect(pauses.every(pause => pause === 300_000)).toBe(true)
  })

  it('does not try a forecast again for a step that stalled past it', () => {
    // The last step rushes to 95% in 19 minutes, then stays there for hours.
    const pauses = follow(
      schedule(),
      300,
      provenThen(m => Math.min(95, Math.floor(m / 1) * 5))
    )
    // A few looks soon after the missed end, then max-interval for good.
    expect(pauses.some(pause => pause < 300_000)).toBe(true)
    expect(pauses.slice(-20)).toEqual(Array(20).fill(300_000))
    expect(pauses.length).toBeLessThan(300 / 5 + 12)
  })

  it('trusts progress only while the steps before kept to what theirs foretold', () => {
    // The first step moves 2% a minute to 95%; then it ends at minute 50 as its
    // progress foretold, or stalls there until minute 120. The last step then moves
    // 1% a minute.
    const offerWhere =
      (firstEnds: number) =>
      (m: number): Snapshot => {
        const first = m < firstEnds
        return offer([
          {
            id: 'certify',
            status: first ? 'inProgress' : 'complete',
            progress: Math.min(95, Math.floor(m / 5) * 10),
            estimate: '~1-2 hours'
          },
          {
            id: 'live',
            status: first ? 'notStarted' : 'inProgress',
            progress: first ? 0 : Math.min(95, Math.floor((m - firstEnds) / 5) * 5),
            estimate: '~1-2 hours'
          }
        ])
      }
    const shortPauses = (pauses: number[]) => pauses.filter(pause => pause < 300_000).length
    const kept = follow(schedule(), 152, offerWhere(50))
    const stalled = follow(schedule(), 222, offerWhere(120))
    expect(shortPauses(kept)).toBeGreaterThan(2)
    expect(shortPauses(stalled)).toBe(0)
  })

  it('without progress, looks twice as often inside the span its estimate gives', () => {
    const s = schedule()
    s.observe(lastStep(0), 0)
    expect(s.next(0)).toBe(300_000)
    s.observe(lastStep(0), 49 * HOUR)
    expect(s.next(49 * HOUR)).toBe(150_000)
    s.observe(lastStep(0), 6 * DAY)
    expect(s.next(6 * DAY)).toBe(300_000)
  })

  it('looks often once every step is complete but the offer status is not yet final', () => {
    const s = schedule()
    const done = offer([{ id: 'live', status: 'complete', estimate: '~2-5 days' }])
    expect(run(s, [0, 0.5, 1.5], () => done)).toEqual([30_000, 60_000, 120_000])
  })

  it('never spends more than a fifth above the looks of a plain backoff', () => {
    const s = schedule()
    // A status that always looks like the end is one interval away.
    let now = 0
    let looks = 0
    for (let m = 0; m < 600; m++) {
      s.observe(lastStep(0), now)
      looks++
      now += s.next(now)
      expect(looks).toBeLessThanOrEqual(1.2 * backoffLooks(now, 30_000, 5 * MINUTE) + 1)
    }
  })
})

describe('backoffLooks', () => {
  it('counts the looks of a doubling backoff', () => {
    expect(backoffLooks(0, 30_000, 300_000)).toBe(1)
    expect(backoffLooks(30_000, 30_000, 300_000)).toBe(2)
    expect(backoffLooks(7.5 * MINUTE, 30_000, 300_000)).toBe(5)
    expect(backoffLooks(12.5 * MINUTE, 30_000, 300_000)).toBe(6)
    expect(backoffLooks(HOUR + 7.5 * MINUTE, 30_000, 300_000)).toBe(17)
  })
})

describe('estimateWindowMs', () => {
  it.each([
    ['< 15 min', { from: 0, to: 15 * MINUTE }],
    ['< 1 hour', { from: 0, to: HOUR }],
    ['~2-3 days', { from: 2 * DAY, to: 3 * DAY }],
    ['~2-5 Hours', { from: 2 * HOUR, to: 5 * HOUR }],
    ['~45 minutes', { from: 45 * MINUTE, to: 45 * MINUTE }],
    ['soon', undefined],
    ['', undefined]
  ])('reads %j', (estimate, span) => {
    expect(estimateWindowMs(estimate)).toEqual(span)
  })
})
