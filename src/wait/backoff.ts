const GROWTH = 2
const JITTER = 0.1

/**
 * The pause before the next poll: `interval` doubling up to `max-interval`. Below the
 * cap a ±10% jitter keeps many waiting jobs from polling in step; at the cap the pause
 * is `max-interval` itself, since a shorter one would only cost requests.
 */
export function pauseBefore(
  attempt: number,
  intervalMs: number,
  maxIntervalMs: number,
  random: () => number
): number {
  const base = intervalMs * GROWTH ** Math.min(attempt, 64)
  if (base >= maxIntervalMs) return maxIntervalMs
  const jittered = base * (1 - JITTER + 2 * JITTER * random())
  return Math.round(Math.min(maxIntervalMs, Math.max(intervalMs, jittered)))
}

/** How many looks a plain backoff (no jitter) makes from the first at 0 through `elapsedMs`. */
export function backoffLooks(elapsedMs: number, intervalMs: number, maxIntervalMs: number): number {
  let looks = 1
  let at = 0
  for (let pause = intervalMs; pause < maxIntervalMs; pause *= 2) {
    if (at + pause > elapsedMs) return looks
    at += pause
    looks++
  }
  return looks + Math.floor((elapsedMs - at) / maxIntervalMs)
}
