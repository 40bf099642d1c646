import { currentStep, type Snapshot } from '../status/snapshot.js'
import { backoffLooks, pauseBefore } from './backoff.js'
import { estimateWindowMs, type Span } from '../status/estimate.js'
import { ProgressForecast, type Forecast } from './forecast.js'

// Without progress, while the last step is inside the span its estimate gives, its end
// may come at any look: look twice as often.
const DUE_PACE = 1 / 2
// Inside the span where a forecast puts the end, look about this many times.
const LOOKS_PER_FORECAST = 16
// Looks shorter than max-interval are spent only while the wait has made at most this
// many times the looks of a plain backoff from interval to max-interval by then.
const SPARE_LOOKS = 1.2
// A forecast is held against the step's end only when fitted through this many values.
const JUDGED_BASIS = 4
// States a wait remembers, to tell news from a state that comes back.
const STATES_REMEMBERED = 100

type Phase = 'unknown' | 'far' | 'finishing' | 'last step'

/** One step while it is the current one: what its progress and estimate foretell. */
interface StepWatch {
  id: string
  /** The look before the one that first saw it current, and that one. */
  lookBefore: number
  since: number
  lastSeen: number
  estimate?: Span
  forecast: ProgressForecast
  /** The forecast as it stood at the last look that saw the step under way. */
  expected?: Forecast
  missed?: boolean
  overdue: number
}

/**
 * When to look next. The pause is `max-interval` unless the end may be near; pauses
 * shorter than that are spent within a budget (SPARE_LOOKS):
 * - nothing known yet, or a status without steps to read: back off from `interval`,
 *   starting again when a state never seen in this wait appears (a state that comes
 *   back, as a flapping one does, is no news);
 * - a step before the last one under way: the end is a step away;
 * - the last step under way with progress: look about LOOKS_PER_FORECAST times across
 *   the span where its progress puts its end, once a step before ended where its own
 *   progress said and none ended elsewhere; a forecast that missed is not tried again
 *   for that step;
 * - the last step under way without progress: look twice as often inside the span its
 *   estimate gives, while no step before broke its own estimate;
 * - every step complete but the offer status not final: back off from `interval`.
 */
export class PollSchedule {
  private phase: Phase = 'unknown'
  private startedAt: number | undefined
  private lookedAt: number | undefined
  private looks = 0
  private attempt = 0
  private finishing = 0
  private readonly seen = new Set<string>()
  private watch: StepWatch | undefined
  private progressMissed = false
  private progressHit = false
  private estimatesKeptTheirWord = true

  constructor(
    private readonly intervalMs: number,
    private readonly maxIntervalMs: number,
    private readonly random: () => number
  ) {}

  /** Learns from a status read at `at`. */
  observe(snapshot: Snapshot, at: number): void {
    const step = currentStep(snapshot)
    const last = snapshot.steps.at(-1)
    this.follow(step?.id, step?.progress ?? null, step?.estimatedTimeFrame ?? '', at)
    const state = [snapshot.status, step?.id, step?.status].join('\n').toLowerCase()
    // Bounded: a service that names a new state at every look is news no more.
    const news = !this.seen.has(state) && this.seen.size < STATES_REMEMBERED
    if (news) this.seen.add(state)
    if (last && !step) this.phase = 'finishing'
    else if (step && step !== last && this.watch?.estimate) this.phase = 'far'
    else if (step && step === last && (step.progress !== null || this.watch?.estimate))
      this.phase = 'last step'
    else {
      this.phase = 'unknown'
      if (news) this.attempt = 0
    }
    this.lookedAt = at
  }

  /** The pause before the next look, from `now`, just after a look. */
  next(now: number): number {
    this.startedAt ??= now
    this.looks++
    const pause = this.wanted(now)
    return pause < this.maxIntervalMs ? this.affordable(now, pause) : pause
  }

  /** Keeps watching the current step, and judges the one that just ended. */
  private follow(id: string | undefined, progress: number | null, estimate: string, at: number) {
    const watch = this.watch
    if (watch && watch.id !== id) {
      // The step ended between the last look that saw it and this one.
      const end = { from: watch.lastSeen, to: at }
      // Judged only on a line through a few values, and missed only by more than a
      // look's spacing: a coarse view of a short step is no evidence.
      const expected = watch.expected
      const slack = this.maxIntervalMs
      if (expected && expected.basis >= JUDGED_BASIS) {
        if (!overlaps(widened(expected, slack), end)) this.progressMissed = true
        else this.progressHit = true
      }
      const started = this.startedAt !== undefined && watch.lookBefore >= this.startedAt
      if (started && watch.estimate) {
        const longest = end.to - watch.lookBefore
        const shortest = end.from - watch.since
        if (longest + 2 * slack < watch.estimate.from || shortest - 2 * slack > watch.estimate.to)
          this.estimatesKeptTheirWord = false
      }
      this.watch = undefined
    }
    if (id === undefined) return
    this.watch ??= {
      id,
      lookBefore: this.lookedAt ?? -Infinity,
      since: at,
      lastSeen: at,
      estimate: estimateWindowMs(estimate),
      overdue: 0,
      forecast: new ProgressForecast(2 * this.intervalMs)
    }
    this.watch.lastSeen = at
    this.watch.forecast.observe(progress, at)
    const expected = this.watch.forecast.expectedEnd()
    // A forecast whose span has passed missed; it is not tried again for this step.
    if (this.watch.expected && this.watch.expected.to < at) this.watch.missed = true
    if (!this.watch.missed) this.watch.expected = expected
  }

  private wanted(now: number): number {
    switch (this.phase) {
      case 'unknown':
        return this.backoff(this.attempt++)
      case 'far':
        return this.maxIntervalMs
      case 'finishing':
        return this.backoff(this.finishing++)
      case 'last step':
        return this.lastStepPause(now)
    }
  }

  private lastStepPause(now: number): number {
    const watch = this.watch as StepWatch
    const expected = watch.expected
    if (expected && !watch.missed && this.progressTrusted()) {
      if (now < expected.from) return this.clamp(expected.from - now)
      if (now < expected.to) return this.clamp((expected.to - expected.from) / LOOKS_PER_FORECAST)
    }
    // Just past a span that missed, the end is most likely a little late: back off.
    const width = expected ? expected.to - expected.from : 0
    if (expected && this.progressTrusted() && now < expected.to + 2 * width)
      return this.backoff(watch.overdue++)
    const inStep = now - watch.since
    const estimate = watch.estimate
    const due =
      !expected &&
      estimate &&
      this.estimatesKeptTheirWord &&
      estimate.from > 0 &&
      inStep >= estimate.from &&
      inStep <= estimate.to
    return due ? this.clamp(this.maxIntervalMs * DUE_PACE) : this.maxIntervalMs
  }

  /** Progress is followed once a step ended where its progress said, never after one
   *  ended elsewhere: a service whose progress stalls or jumps costs no looks. */
  private progressTrusted(): boolean {
    return this.progressHit && !this.progressMissed
  }

  private clamp(ms: number): number {
    return Math.round(Math.min(this.maxIntervalMs, Math.max(this.intervalMs, ms)))
  }

  /** The pause, lengthened if needed so that the looks stay within the budget. */
  private affordable(now: number, pause: number): number {
    const fits = (ms: number) =>
      this.looks + 1 <=
      SPARE_LOOKS *
        backoffLooks(now + ms - (this.startedAt as number), this.intervalMs, this.maxIntervalMs)
    if (fits(pause)) return pause
    let low = pause
    let high = this.maxIntervalMs
    while (high - low > 1_000) {
      const middle = (low + high) / 2
      if (fits(middle)) high = middle
      else low = middle
    }
    return Math.round(high)
  }

  private backoff(attempt: number): number {
    return pauseBefore(attempt, this.intervalMs, this.maxIntervalMs, this.random)
  }
}

function widened(span: Span, by: number): Span {
  return { from: span.from - by, to: span.to + by }
}

function overlaps(a: Span, b: Span): boolean {
  return a.from <= b.to && b.from <= a.to
}
