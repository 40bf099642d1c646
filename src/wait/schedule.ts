import { currentStep, type Snapshot } from '../status/snapshot.js'
import { sameStatus } from '../status/statuses.js'
import { pauseBefore } from './backoff.js'

interface ProgressSample {
  at: number
  progress: number
}

// The rate of progress is read over the last this many percentage points: recent
// enough to follow a step that speeds up or slows down, long enough to be steady.
const RATE_WINDOW = 30
// Without progress, once the last step is past the shortest time its estimate allows,
// its end may come at any look: look this much more often.
const DUE_PACE = 2 / 3

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 }
// `~2-3 days` and its kind are short; anything past this is not an estimate.
const ESTIMATE_CHARS = 40

/** The shortest time an estimate such as `~2-3 days` or `< 1 hour` allows, in ms. */
export function shortestEstimateMs(estimate: string): number | undefined {
  // Server text: cut before any pattern sees it, so no input can make the match slow.
  const text = estimate.trim().slice(0, ESTIMATE_CHARS)
  const match =
    /^([<~]?)\s*(\d{1,6}(?:\.\d{1,3})?)(?:\s*-\s*\d{1,6}(?:\.\d{1,3})?)?\s*(m|h|d)/i.exec(text)
  if (!match) return undefined
  const [, bound, amount, unit] = match
  return bound === '<' ? 0 : Number(amount) * (UNIT_MS[(unit as string).toLowerCase()] as number)
}

/**
 * When to look next. While nothing is known it backs off from `interval` to
 * `max-interval`, starting again at `interval` when the offer status changes. Once the
 * last step (the one whose end ends publishing) reports progress, it aims the next look
 * at the moment that step should end at its recent rate of progress, then looks often
 * until it has: the end is seen within about a minute, while the middle of a
 * long step costs one look per `max-interval`.
 */
export class PollSchedule {
  private attempt = 0
  private overdue = 0
  private offerStatus: string | undefined
  private step:
    | {
        id: string
        samples: ProgressSample[]
        lookedAt: number
        startedAt: number
        dueAfterMs?: number
      }
    | undefined

  constructor(
    private readonly intervalMs: number,
    private readonly maxIntervalMs: number,
    private readonly random: () => number
  ) {}

  /** Learns from a status read at `at`. */
  observe(snapshot: Snapshot, at: number): void {
    if (snapshot.status !== this.offerStatus) {
      this.offerStatus = snapshot.status
      this.attempt = 0
    }
    const step = currentStep(snapshot)
    const last = snapshot.steps.at(-1)
    if (!step || step !== last || !sameStatus(step.status, 'InProgress')) {
      this.step = undefined
      return
    }
    if (this.step?.id !== step.id) {
      const dueAfterMs = shortestEstimateMs(step.estimatedTimeFrame)
      this.step = { id: step.id, samples: [], lookedAt: at, startedAt: at, dueAfterMs }
      this.overdue = 0
    }
    if (step.progress === null) return
    const previous = this.step.samples.at(-1)
    // A new value was reached some time since the look before: halfway is the best guess.
    if (!previous) this.step.samples.push({ at, progress: step.progress })
    else if (step.progress > previous.progress) {
      this.step.samples.push({ at: (this.step.lookedAt + at) / 2, progress: step.progress })
      this.overdue = 0
    }
    this.step.lookedAt = at
  }

  /** The pause before the next look, from `now`. */
  next(now: number): number {
    const expected = this.expectedStepEnd()
    if (expected === undefined) {
      const pause = this.backoff(this.attempt++)
      const due =
        this.step?.dueAfterMs !== undefined && now - this.step.startedAt >= this.step.dueAfterMs
      return due
        ? Math.max(this.intervalMs, Math.round(Math.min(pause, this.maxIntervalMs * DUE_PACE)))
        : pause
    }
    const left = expected.at - now
    if (left > 0) return Math.min(this.maxIntervalMs, Math.max(this.intervalMs, Math.round(left)))
    // Past the expected end: look every interval for as long as one step of progress
    // takes (how far off the guess may be), then less often if the step runs long.
    if (-left < expected.stepMs) return this.intervalMs
    return this.backoff(this.overdue++)
  }

  /**
   * When the last step should end at its recent rate of progress. Progress comes in
   * steps (say 5%): the step is likely half such a step further than it says.
   */
  expectedStepEnd(): { at: number; stepMs: number } | undefined {
    const samples = this.step?.samples ?? []
    const last = samples.at(-1)
    if (!last || last.progress >= 100) return undefined
    const first = samples.find(sample => sample.progress >= last.progress - RATE_WINDOW) ?? last
    if (last.at <= first.at) return undefined
    const perMs = (last.progress - first.progress) / (last.at - first.at)
    const increments = samples
      .slice(1)
      .map((sample, i) => sample.progress - (samples[i] as ProgressSample).progress)
    const stepSize = Math.min(...increments)
    return {
      at: last.at + Math.max(0, 100 - last.progress - stepSize / 2) / perMs,
      stepMs: stepSize / perMs
    }
  }

  private backoff(attempt: number): number {
    return pauseBefore(attempt, this.intervalMs, this.maxIntervalMs, this.random)
  }
}
