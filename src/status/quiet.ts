// Long quiet: certification sometimes stalls, and publishers ask to be told. Nothing
// moving (status, step, progress) for the longer of 12 hours and three times the
// running step's estimate is worth a word.
import { estimateWindowMs } from './estimate.js'
import type { TargetResult } from './result.js'
import { currentStep } from './snapshot.js'

const SHORTEST_QUIET_MS = 12 * 3_600_000
const ESTIMATES_OF_QUIET = 3

/** Since when nothing has moved, when that has been too long by `at`; else undefined. */
export function quietSince(result: TargetResult, at: number): number | undefined {
  const since = result.changes.at(-1)?.at ?? result.startedAt
  const step = result.snapshot && currentStep(result.snapshot)
  const estimate = step ? estimateWindowMs(step.estimatedTimeFrame) : undefined
  const longest = Math.max(SHORTEST_QUIET_MS, ESTIMATES_OF_QUIET * (estimate?.to ?? 0))
  return at - since >= longest ? since : undefined
}
