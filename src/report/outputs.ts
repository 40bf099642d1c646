import { currentStep } from '../status/snapshot.js'
import { clip } from '../text.js'
import { worstOf } from '../wait/outcomes.js'
import type { WaitResult } from '../wait/wait-for-status.js'

export interface OutputSource extends Pick<
  WaitResult,
  'outcome' | 'reason' | 'snapshot' | 'polls'
> {
  /** The id the user gave; none when the inputs could not be read. */
  id?: string
  elapsedMs: number
  checkRunId?: number
}

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
 * Every output of action.yml, as strings. A cancelled wait reports `error`: the
 * outcome output keeps to its four documented values.
 */
export function actionOutputs(source: OutputSource): Record<string, string> {
  const { snapshot, polls, elapsedMs, checkRunId } = source
  const outcome = source.outcome === 'cancelled' ? 'error' : source.outcome
  return {
    outcome,
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
    offers: JSON.stringify(source.id === undefined ? [] : [offerEntry(source.id, source)]),
    polls: String(polls),
    'elapsed-seconds': String(Math.round(elapsedMs / 1000)),
    'check-run-id': checkRunId === undefined ? '' : String(checkRunId)
  }
}

/** One offer's or job's object in the `offers` output. */
function offerEntry(
  id: string,
  result: Pick<WaitResult, 'outcome' | 'reason' | 'snapshot' | 'polls'>
) {
  const { snapshot } = result
  return {
    id: clip(id, ID_CHARS),
    outcome: result.outcome === 'cancelled' ? 'error' : result.outcome,
    status: clip(snapshot?.status ?? '', ID_CHARS),
    currentStep: clip((snapshot && currentStep(snapshot)?.id) ?? '', ID_CHARS),
    productId: clip(snapshot?.productId ?? '', ID_CHARS),
    submissionId: clip(snapshot?.submissionId ?? '', ID_CHARS),
    polls: result.polls,
    reason: clip(result.reason, REASON_CHARS)
  }
}

/**
 * The outputs of a step that waited for one offer or job, or for several: then
 * `outcome` is the worst, `polls` the total, `offers` has each one's, and the outputs
 * that describe one offer are empty.
 */
export function outputsOf(
  results: { id: string; result: WaitResult }[],
  step: { elapsedMs: number; checkRunId?: number }
): Record<string, string> {
  const [only] = results
  if (results.length === 1 && only) return actionOutputs({ ...only.result, id: only.id, ...step })
  const outputs = actionOutputs({
    outcome: worstOf(results.map(({ result }) => result.outcome)),
    reason: '',
    polls: results.reduce((sum, { result }) => sum + result.polls, 0),
    ...step
  })
  outputs.offers = offersJson(results)
  return outputs
}

// Shorter and shorter reasons until every entry fits: a gate reading `offers` must find
// each offer it gave, however long the reasons were.
const REASON_CAPS = [1_000, 400, 150, 40, 0]

function offersJson(results: { id: string; result: WaitResult }[]): string {
  let json = '[]'
  for (const cap of REASON_CAPS) {
    json = JSON.stringify(
      results.map(({ id, result }) =>
        offerEntry(id, { ...result, reason: clip(result.reason, cap) })
      )
    )
    if (Buffer.byteLength(json) <= STEPS_BYTES) break
  }
  return json
}
