// The publishing request of one wait (`publish`), at each status read: sent once when
// the status says it is due, remembered in the result (so no later look or run sends it
// again), and its answer turned into what the wait does next.
import { formatDuration } from '../inputs/duration.js'
import {
  REQUEST_NAMES,
  showsTaken,
  turnOf,
  type PublishAnswer,
  type PublishEvent,
  type PublishKind,
  type PublishRequest
} from '../status/publishing.js'
import type { TargetResult } from '../status/result.js'
import type { Snapshot } from '../status/snapshot.js'
import { isoTime } from '../utc-time.js'

export interface PublishDeps {
  send(kind: PublishKind, seen: Snapshot, signal?: AbortSignal): Promise<PublishAnswer>
  now(): number
  /** The workflow run (its number) that sends. */
  run: number
  onPublish?(event: PublishEvent, at: number): void
}

/** What the wait does with a status read, as far as the request goes. */
export type TurnResult =
  /** Judge the status as it is. */
  | { kind: 'judge' }
  /** Not judged: it shows the offer as it was before a request that has not shown yet. */
  | { kind: 'hold' }
  /** Not taken: look again after the pause, and decide again. */
  | { kind: 'again'; problem: string; retryAfterMs?: number }
  /** The wait of this offer ends with an error. */
  | { kind: 'end'; reason: string }

/**
 * A lost answer's request is followed for this long: a request that went through shows
 * in the status within minutes (the publish under way, a new preview).
 */
export const LOST_ANSWER_WINDOW_MS = 15 * 60_000

export async function publishTurn(
  kind: PublishKind,
  result: TargetResult,
  seen: Snapshot,
  deps: PublishDeps,
  signal?: AbortSignal
): Promise<TurnResult> {
  const sent = result.requests.find(request => request.kind === kind)
  if (sent) return sent.lost ? followLost(sent, seen, deps) : { kind: 'judge' }
  if (result.adopted === kind) return { kind: 'judge' }
  const turn = turnOf(kind, seen)
  if (turn === 'judge') return { kind: 'judge' }
  if (turn === 'adopt') {
    result.adopted = kind
    deps.onPublish?.({ kind: 'adopted', request: kind }, deps.now())
    return { kind: 'judge' }
  }

  deps.onPublish?.({ kind: 'sending', request: kind }, deps.now())
  const at = deps.now()
  const answer = await deps.send(kind, seen, signal)
  const base = { kind, at, ...(deps.run > 0 && { run: deps.run }) }
  let request: PublishRequest | undefined
  if (answer.kind === 'taken') request = { ...base, ref: answer.ref, about: answer.about }
  if (answer.kind === 'lost') {
    request = { ...base, ref: answer.ref ?? '', about: answer.about, lost: true }
  }
  // Remembered before anything else happens: a request that may have gone through is
  // never sent again, in this run or any later one.
  if (request) result.requests.push(request)
  deps.onPublish?.(
    { kind: 'answered', request: kind, answer, ...(request && { sent: request }) },
    deps.now()
  )
  switch (answer.kind) {
    case 'taken':
    case 'lost':
      return { kind: 'hold' }
    case 'again':
      return {
        kind: 'again',
        problem: answer.problem,
        ...(answer.retryAfterMs !== undefined && { retryAfterMs: answer.retryAfterMs })
      }
    case 'refused':
      return {
        kind: 'end',
        reason: `the ${REQUEST_NAMES[kind].toLowerCase()} request was refused: ${answer.problem}`
      }
  }
}

function followLost(sent: PublishRequest, seen: Snapshot, deps: PublishDeps): TurnResult {
  if (showsTaken(sent, seen)) {
    delete sent.lost
    deps.onPublish?.({ kind: 'taken-after-all', sent }, deps.now())
    return { kind: 'judge' }
  }
  if (deps.now() - sent.at >= LOST_ANSWER_WINDOW_MS) {
    return { kind: 'end', reason: lostReason(sent, deps.now()) }
  }
  return { kind: 'hold' }
}

/** Why a wait whose request's answer was lost ends without knowing whether it went through. */
export function lostReason(sent: PublishRequest, now: number): string {
  return `the answer to the ${REQUEST_NAMES[sent.kind].toLowerCase()} request sent at ${isoTime(sent.at)} was lost, and in the ${formatDuration(Math.max(0, now - sent.at))} since, the status did not show that it went through: it may not have. Check the offer in Partner Center before sending it again; a run of the workflow sends it again only if the status shows nothing under way`
}
