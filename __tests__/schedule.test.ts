import { describe, expect, it } from '@jest/globals'
import { readOfferStatus as parseOfferStatus } from '../src/sources/cloud-partner-portal/read-offer-status.js'
import { PollSchedule, shortestEstimateMs } from '../src/wait/schedule.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** An offer whose last step is under way. */
function offer(
  progress: number | null,
  options: { status?: string; estimate?: string; last?: string } = {}
) {
  return parseOfferStatus({
    status: options.status ?? 'running',
    steps: [
      { id: 'pre', status: 'complete' },
      {
        id: options.last ?? 'live',
        status: 'inProgress',
        progressPercentage: progress,
        estimatedTimeFrame: options.estimate ?? ''
      }
    ]
  })
}

const schedule = () => new PollSchedule(30_000, 5 * MINUTE, () => 0.5)

describe('PollSchedule', () => {
  it('backs off from interval to max-interval while no progress is known', () => {
    const s = schedule()
    s.observe(offer(null), 0)
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(() => s.next(0))).toEqual([
      30_000, 45_000, 67_500, 101_250, 151_875, 227_813, 300_000, 300_000
    ])
  })

  it('starts again at interval when the offer status changes', () => {
    const s = schedule()
    s.observe(offer(null), 0)
    s.next(0)
    s.next(0)
    s.observe(offer(null, { status: 'waitingForPublisherReview' }), MINUTE)
    expect(s.next(MINUTE)).toBe(30_000)
  })

  it('aims at the expected end of the last step from its recent rate of progress', () => {
    const s = schedule()
    // 2% a minute, seen every 5 minutes: each new value was reached halfway between looks.
    for (const minute of [0, 5, 10, 15, 20]) s.observe(offer(minute * 2), minute * MINUTE)
    const expected = s.expectedStepEnd()
    // 40% reached at 17.5 min; 60% (less half a 10% step) to go at 2% a minute.
    expect(expected?.at).toBeCloseTo(45 * MINUTE, -2)
    expect(expected?.stepMs).toBeCloseTo(5 * MINUTE, -2)
    expect(s.next(20 * MINUTE)).toBe(5 * MINUTE) // far away: max-interval
    expect(s.next(42 * MINUTE)).toBeCloseTo(3 * MINUTE, -2) // near: land on it
    expect(s.next(44.9 * MINUTE)).toBe(30_000) // never below interval
  })

  it('looks every interval just after the expected end, then less often', () => {
    const s = schedule()
    for (const minute of [0, 5, 10, 15, 20]) s.observe(offer(minute * 2), minute * MINUTE)
    // Expected at 45 min, give or take one 10% step (5 min): every interval till 50.
    expect([46, 48, 49.5].map(m => s.next(m * MINUTE))).toEqual([30_000, 30_000, 30_000])
    expect([51, 52, 53].map(m => s.next(m * MINUTE))).toEqual([30_000, 45_000, 67_500])
  })

  it('predicts only the last step, whose end ends publishing', () => {
    const s = schedule()
    const middle = (progress: number) =>
      parseOfferStatus({
        status: 'running',
        steps: [
          { id: 'cert', status: 'inProgress', progressPercentage: progress },
          { id: 'live', status: 'notStarted' }
        ]
      })
    for (const minute of [0, 5, 10]) s.observe(middle(minute * 2), minute * MINUTE)
    expect(s.expectedStepEnd()).toBeUndefined()
  })

  it('ignores progress that does not move', () => {
    const s = schedule()
    s.observe(offer(40), 0)
    s.observe(offer(40), 10 * MINUTE)
    expect(s.expectedStepEnd()).toBeUndefined()
  })

  it('without progress, looks a third more often once the estimate says the end may come', () => {
    const s = schedule()
    s.observe(offer(0, { estimate: '~2-5 days' }), 0)
    for (let i = 0; i < 10; i++) s.next(HOUR)
    expect(s.next(47 * HOUR)).toBe(5 * MINUTE)
    expect(s.next(49 * HOUR)).toBe(200_000)
  })
})

describe('shortestEstimateMs', () => {
  it.each([
    ['< 15 min', 0],
    ['< 1 hour', 0],
    ['~2-3 days', 2 * 24 * HOUR],
    ['~2-5 Hours', 2 * HOUR],
    ['~45 minutes', 45 * MINUTE],
    ['soon', undefined],
    ['', undefined]
  ])('reads %j', (estimate, ms) => {
    expect(shortestEstimateMs(estimate)).toBe(ms)
  })
})
