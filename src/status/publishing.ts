// The publishing requests around a wait (`publish`), in the one vocabulary: what was
// asked of the service, what it answered, and when one is due. Each API sends them its
// own way (its source's `publish`); the wait decides when, from the status alone.
import type { Snapshot } from './snapshot.js'
import { isStatusIn, sameStatus } from './statuses.js'

/** `preview`: the current draft to preview; `live`: the ready preview to live. */
export type PublishKind = 'preview' | 'live'

export const PUBLISH_KINDS: readonly PublishKind[] = ['preview', 'live']

/** For people: what the request is called. */
export const REQUEST_NAMES: Record<PublishKind, string> = { preview: 'Preview', live: 'Go-live' }

/** A request this wait sent, kept in its result and carried from run to run. */
export interface PublishRequest {
  kind: PublishKind
  /** When it was sent. */
  at: number
  /** The workflow run (its number) that sent it. */
  run?: number
  /** What the service answered with: the job, operation or submission it started; '' when unknown. */
  ref: string
  /**
   * The submission it is about, as the API names it: the preview pushed live; for a
   * preview, the newest preview before it ('' when none).
   */
  about: string
  /** Sent, but no answer came: it may or may not have gone through. */
  lost?: true
}

/** What the service made of a request. */
export type PublishAnswer =
  /**
   * Taken: `ref` is what it started (a job, an operation, the submission), `label` that
   * for people (`configure job c32dd7e8-…`), `answered` the service's answer line.
   */
  | { kind: 'taken'; ref: string; label: string; about: string; answered: string }
  /** Not taken, and worth sending again later (429): after `retryAfterMs` when it said. */
  | { kind: 'again'; problem: string; retryAfterMs?: number }
  /** Refused: sending it again would not help. `problem` says what to check. */
  | { kind: 'refused'; problem: string }
  /** Sent, but the answer was lost (a timeout, a reset, a 5xx): it may have gone through. */
  | { kind: 'lost'; problem: string; about: string; ref?: string }

/** What the log and the reports hear of a request, as it goes. */
export type PublishEvent =
  | { kind: 'sending'; request: PublishKind }
  | { kind: 'answered'; request: PublishKind; answer: PublishAnswer; sent?: PublishRequest }
  | { kind: 'adopted'; request: PublishKind }
  | { kind: 'taken-after-all'; sent: PublishRequest }

/** What the status says a request is waiting for. */
export type PublishTurn =
  /** Send it now. */
  | 'send'
  /** Not sent: one of its kind is under way already, and the wait follows that one. */
  | 'adopt'
  /** Nothing to send: judge the status as it is. */
  | 'judge'

const IN_PROGRESS = ['NotStarted', 'Running']

/**
 * When a request not yet sent is due, from the status alone: a preview is sent unless a
 * publish is already under way (then that one is followed); a go-live once the preview
 * is ready (WaitingForPublisherReview), and never over a live offer with nothing waiting.
 */
export function turnOf(kind: PublishKind, snapshot: Snapshot): PublishTurn {
  if (kind === 'preview') return isStatusIn(snapshot.status, IN_PROGRESS) ? 'adopt' : 'send'
  return sameStatus(snapshot.status, 'WaitingForPublisherReview') ? 'send' : 'judge'
}

/**
 * Whether a look shows that a request whose answer was lost went through: the publish
 * it asks for is under way (or, for a go-live, done), or a preview newer than the one
 * before it is there.
 */
export function showsTaken(request: PublishRequest, snapshot: Snapshot): boolean {
  if (isStatusIn(snapshot.status, IN_PROGRESS)) return true
  if (request.kind === 'live') return sameStatus(snapshot.status, 'Succeeded')
  return (
    sameStatus(snapshot.status, 'WaitingForPublisherReview') &&
    snapshot.submissionId !== '' &&
    snapshot.submissionId !== request.about
  )
}
