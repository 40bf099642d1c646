import type { Span } from '../status/estimate.js'

interface ProgressSample {
  /** The middle of the time between the look before and the one that saw it. */
  at: number
  /** Half that time: how far off `at` may be. */
  spread: number
  progress: number
}

// The rate of progress is read over the last this many percentage points: recent
// enough to follow a step that speeds up or slows down, long enough to be steady.
const RATE_WINDOW = 30

export interface Forecast extends Span {
  at: number
  basis: number
}

/**
 * When a step should end, from its progress: a line fitted through the moments each
 * value was first seen, read at 100%, with a margin as wide as the fit is loose. Only
 * a rise is news: a value that stalls or steps back (a flapping service) keeps what
 * was learned.
 */
export class ProgressForecast {
  private samples: ProgressSample[] = []
  private lookedAt: number | undefined

  constructor(private readonly minimumMarginMs: number) {}

  observe(progress: number | null, at: number): void {
    const previous = this.samples.at(-1)
    if (progress !== null && progress < 100 && (!previous || progress > previous.progress)) {
      const from = previous ? (this.lookedAt ?? at) : at
      this.samples.push({ at: (from + at) / 2, spread: (at - from) / 2, progress })
    }
    this.lookedAt = at
  }

  /**
   * When the step should reach 100%, the span it may fall in, and how many values the
   * line was fitted through; undefined until it moved.
   */
  expectedEnd(): Forecast | undefined {
    const last = this.samples.at(-1)
    if (!last) return undefined
    // From the last sample at least RATE_WINDOW points back, if there is one.
    let from = this.samples.length - 1
    while (
      from > 0 &&
      (this.samples[from] as ProgressSample).progress > last.progress - RATE_WINDOW
    )
      from--
    const recent = this.samples.slice(from)
    if (recent.length < 2) return undefined
    // Least squares of time on progress.
    const n = recent.length
    const meanP = recent.reduce((sum, s) => sum + s.progress, 0) / n
    const meanT = recent.reduce((sum, s) => sum + s.at, 0) / n
    const spreadP = recent.reduce((sum, s) => sum + (s.progress - meanP) ** 2, 0)
    if (spreadP === 0) return undefined
    const msPerPoint =
      recent.reduce((sum, s) => sum + (s.progress - meanP) * (s.at - meanT), 0) / spreadP
    if (!(msPerPoint > 0)) return undefined
    const fitted = (p: number) => meanT + (p - meanP) * msPerPoint
    const worst = Math.max(...recent.map(s => Math.abs(s.at - fitted(s.progress)) + s.spread))
    const at = Math.max(last.at, fitted(100))
    const margin = Math.max(this.minimumMarginMs, worst)
    return { at, from: at - margin, to: at + margin, basis: recent.length }
  }
}
