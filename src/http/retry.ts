// How often, and how long apart, a call is tried again: the retry policy as data, in
// one place. The status APIs have theirs in the poll loop (each look is a try); the
// GitHub calls of a check run use this one.

export interface RetryPolicy {
  /** The pause before each retry, one retry a pause, unless the server asks for longer. */
  pausesMs: readonly number[]
  /** With no end time given, no pause is longer than this. */
  longestPauseMs: number
}

/** The check run's calls to GitHub: a few quick tries, then a longer one or two. */
export const GITHUB_CALL_RETRIES: RetryPolicy = {
  pausesMs: [1_000, 3_000, 10_000, 30_000],
  longestPauseMs: 10_000
}

/**
 * The pause before retry `attempt` (0 for the first) of a call that failed with trouble
 * that may pass: `none` when the policy has no retry left, `too-long` when the pause
 * (the policy's, or the `Retry-After` asked for) would end after `endBy`.
 */
export function retryPause(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  now: number,
  endBy?: number
): { kind: 'pause'; ms: number } | { kind: 'none' } | { kind: 'too-long'; ms: number } {
  const backoff = policy.pausesMs[attempt]
  if (backoff === undefined) return { kind: 'none' }
  const ms = Math.max(backoff, retryAfterMs ?? 0)
  const left = (endBy ?? now + policy.longestPauseMs) - now
  return ms > left ? { kind: 'too-long', ms } : { kind: 'pause', ms }
}
