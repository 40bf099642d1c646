import { worstOf, type EndedResult, type Outcome } from '../status/result.js'
import { currentStep, type Snapshot } from '../status/snapshot.js'
import type { Step } from '../status/step.js'
import { clip } from '../text.js'
import { isoTime } from '../utc-time.js'

/** What the outputs read of the step: the wait's start, the next run. */
export type OutputStep = Pick<Step, 'wait' | 'chain'>

// Every output is bounded, so that the outputs file stays far under GitHub's 1 MiB.
const ID_CHARS = 200
const TEXT_CHARS = 500
const REASON_CHARS = 4_000
const STEPS_BYTES = 256 * 1024
const LINKS_BYTES = 32 * 1024

/** A JSON array of as many of the items, from the first, as fit in `bytes`. */
function jsonArray(items: unknown[], bytes: number): string {
  const parts: string[] = []
  let size = 2
  for (const item of items) {
    const part = JSON.stringify(item) ?? 'null'
    size += Buffer.byteLength(part) + 1
    if (size > bytes) break
    parts.push(part)
  }
  return `[${parts.join(',')}]`
}

/**
 * Every output of action.yml, as strings, for a step that waited for one offer or job
 * or for several: then `outcome` is the worst, `polls` the total, `offers` has each
 * one's, and the outputs that describe one offer are empty. A cancelled wait reports
 * `error`: the outcome output keeps to its four documented values.
 */
export function outputsOf(
  results: readonly EndedResult[],
  step: OutputStep,
  checkRunId?: number
): Record<string, string> {
  // From the wait's start in its first run; never negative, whatever a clock says.
  const elapsedMs = Math.max(0, Math.max(...results.map(r => r.endedAt)) - step.wait.startedAt)
  const facts = { elapsedMs, checkRunId, nextRunUrl: step.chain?.nextRunUrl }
  const [only] = results
  if (results.length === 1 && only) {
    const offers = JSON.stringify(only.id ? [offerEntry(only)] : [])
    return stepOutputs(only.outcome, only.snapshot, only.polls, facts, offers)
  }
  const outcome = worstOf(results.map(result => result.outcome))
  const polls = results.reduce((sum, result) => sum + result.polls, 0)
  return stepOutputs(outcome, undefined, polls, facts, offersJson(results))
}

function stepOutputs(
  outcome: Outcome,
  snapshot: Snapshot | undefined,
  polls: number,
  facts: { elapsedMs: number; checkRunId?: number; nextRunUrl?: string },
  offers: string
): Record<string, string> {
  const { elapsedMs, checkRunId, nextRunUrl } = facts
  return {
    outcome: outcome === 'cancelled' ? 'error' : outcome,
    status: clip(snapshot?.status ?? '', ID_CHARS),
    steps: jsonArray(
      (snapshot?.steps ?? []).map(step => ({
        id: step.id,
        name: clip(step.name, TEXT_CHARS),
        status: clip(step.status, ID_CHARS),
        progress: step.progress,
        estimatedTimeFrame: clip(step.estimatedTimeFrame, ID_CHARS)
      })),
      STEPS_BYTES
    ),
    'current-step': clip((snapshot && currentStep(snapshot)?.id) ?? '', ID_CHARS),
    'preview-links': jsonArray(snapshot?.previewLinks ?? [], LINKS_BYTES),
    'live-links': jsonArray(snapshot?.liveLinks ?? [], LINKS_BYTES),
    'product-id': clip(snapshot?.productId ?? '', ID_CHARS),
    'submission-id': clip(snapshot?.submissionId ?? '', ID_CHARS),
    offers,
    polls: String(polls),
    'elapsed-seconds': String(Math.round(elapsedMs / 1000)),
    'check-run-id': checkRunId === undefined ? '' : String(checkRunId),
    'next-run-url': outcome === 'handed-off' ? (nextRunUrl ?? '') : ''
  }
}

/** One offer's or job's object in the `offers` output. */
function offerEntry(result: EndedResult) {
  const { snapshot } = result
  return {
    id: clip(result.id, ID_CHARS),
    outcome: result.outcome === 'cancelled' ? 'error' : result.outcome,
    status: clip(snapshot?.status ?? '', ID_CHARS),
    currentStep: clip((snapshot && currentStep(snapshot)?.id) ?? '', ID_CHARS),
    productId: clip(snapshot?.productId ?? '', ID_CHARS),
    submissionId: clip(snapshot?.submissionId ?? '', ID_CHARS),
    polls: result.polls,
    reason: clip(result.reason, REASON_CHARS),
    // What this wait asked of the service, and what it started: a later job reads it.
    requests: result.requests.map(request => ({
      kind: request.kind,
      at: isoTime(request.at),
      run: request.run ?? null,
      ref: clip(request.ref, ID_CHARS)
    }))
  }
}

// Shorter and shorter reasons until every entry fits: a gate reading `offers` must find
// each offer it gave, however long the reasons were.
const REASON_CAPS = [1_000, 400, 150, 40, 0]

function offersJson(results: readonly EndedResult[]): string {
  let json = '[]'
  for (const cap of REASON_CAPS) {
    json = JSON.stringify(
      results.map(result => offerEntry({ ...result, reason: clip(result.reason, cap) }))
    )
    if (Buffer.byteLength(json) <= STEPS_BYTES) break
  }
  return json
}
