// The wait's clock. A wait handed from run to run keeps its times on the services'
// clock, the one clock all its runs share: each run learns from the `Date` of the first
// answer a service gives how far its own clock is off, and converts with it. A run
// whose clock is within a minute of the services' (the `Date` has seconds only, and
// answers take time) counts as right.
const SLACK_MS = 60_000

export class WaitClock {
  private offset: number | undefined

  /**
   * `onOffset` hears, once, how far the services' clock is ahead of this run's, when
   * that is more than a minute: the times this run took from another run move by it.
   */
  constructor(
    readonly now: () => number,
    private readonly onOffset: (offsetMs: number) => void
  ) {}

  /** Hears a service answer's `Date`; the first one decides. */
  hear(date: string | string[] | undefined): void {
    if (this.offset !== undefined || typeof date !== 'string') return
    const serverNow = Date.parse(date.slice(0, 100))
    if (Number.isNaN(serverNow)) return
    const offset = serverNow - this.now()
    this.offset = Math.abs(offset) > SLACK_MS ? offset : 0
    if (this.offset !== 0) this.onOffset(this.offset)
  }

  /** A time of this run's clock on the services' clock. */
  toServices(at: number): number {
    return at + (this.offset ?? 0)
  }
}
