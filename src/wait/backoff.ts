const GROWTH = 1.5
const JITTER = 0.1

/**
 * The pause before the next poll: `interval` growing by half each time up to
 * `max-interval`, with ±10% jitter so that many waiting jobs do not poll in step.
 * Never shorter than `interval` nor longer than `max-interval`.
 */
export function pauseBefore(
  attempt: number,
  intervalMs: number,
  maxIntervalMs: number,
  random: () => number
): number {
  const base = Math.min(maxIntervalMs, intervalMs * GROWTH ** Math.min(attempt, 64))
  const jittered = base * (1 - JITTER + 2 * JITTER * random())
  return Math.round(Math.min(maxIntervalMs, Math.max(intervalMs, jittered)))
}
