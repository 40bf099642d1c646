// The seam between what is generic and what belongs to one API: a source looks once and
// answers in the common vocabulary. The wait, the schedule and every report speak only
// these types; what an API needs to be chosen and reached is in src/sources/contract.ts.
import type { PublishAnswer, PublishKind } from './publishing.js'
import type { Snapshot } from './snapshot.js'

/** Every look ends in one of three kinds. */
export type Look =
  | { kind: 'ok'; snapshot: Snapshot }
  /**
   * Worth asking again later (throttling, 5xx, dropped or slow connection). `notSent`:
   * no request was made (a pause shared by every wait), so it is no poll.
   */
  | { kind: 'transient'; problem: string; retryAfterMs?: number; notSent?: true }
  /** Asking again will not help (bad request, no rights, not found, unreadable body). */
  | { kind: 'final'; problem: string }

/** One offer or job on one API. */
export interface StatusSource {
  /**
   * One look, in the common vocabulary. Never throws; a 401 renews the token once. Once
   * a request was taken, what it started: its job, its operation, the submission it made.
   */
  look(signal?: AbortSignal): Promise<Look>
  /**
   * Sends a publishing request about the offer as `seen` (the last look) shows it, once:
   * never resent here. Absent where there is nothing to publish (a configure job).
   */
  publish?(kind: PublishKind, seen: Snapshot, signal?: AbortSignal): Promise<PublishAnswer>
}

/** Whether a look sent a request: then it is a poll. */
export function sentRequest(look: Look): boolean {
  return !(look.kind === 'transient' && look.notSent)
}
