import type { Look } from '../status/source.js'

/**
 * What several waits on one API share: a pause that any of them was asked for
 * (Retry-After on 429 or 503 holds for every wait on that API), and a few requests in
 * flight at most, however many waits there are.
 */
export class SharedLimits {
  private pausedUntil = 0
  private lastSentAt = Number.NEGATIVE_INFINITY
  private inFlight = 0
  private readonly queue: (() => void)[] = []

  constructor(
    private readonly maxInFlight: number,
    private readonly now: () => number
  ) {}

  /**
   * One look within the limits. While a pause holds, returns at once, without a request,
   * with the time left of the pause: the wait judges it as it judges a Retry-After.
   */
  async look(look: () => Promise<Look>): Promise<Look> {
    const paused = this.pausedUntil - this.now()
    if (paused > 0) {
      return {
        kind: 'transient',
        problem: 'the service asked to pause every wait (Retry-After)',
        retryAfterMs: paused,
        notSent: true
      }
    }
    await this.slot()
    try {
      this.lastSentAt = this.now()
      const seen = await look()
      if (seen.kind === 'transient' && seen.retryAfterMs !== undefined && !seen.notSent) {
        this.pausedUntil = Math.max(this.pausedUntil, this.now() + seen.retryAfterMs)
      }
      return seen
    } finally {
      this.inFlight--
      this.queue.shift()?.()
    }
  }

  /**
   * The earliest a next request may go: after any pause asked for, and `spacingMs` after
   * the last request (an API's pace). A wait handed on hands this on too.
   */
  nextRequestAt(spacingMs: number): number {
    return Math.max(this.pausedUntil, this.lastSentAt + spacingMs)
  }

  private async slot(): Promise<void> {
    if (this.inFlight >= this.maxInFlight) {
      await new Promise<void>(resolve => this.queue.push(resolve))
    }
    this.inFlight++
  }
}
