// Builders of the common vocabulary for tests: a snapshot, a look, a result, each with
// only what a test cares about given.
import { waitingResult, type EndedResult, type TargetResult } from '../src/status/result.js'
import type { PublishStep, Snapshot } from '../src/status/snapshot.js'
import type { Look } from '../src/status/source.js'
import { waitForStatus, type WaitDeps, type WaitOptions } from '../src/wait/wait-for-status.js'

export const START = Date.UTC(2026, 0, 1)

export function snapshotOf(fields: Partial<Snapshot> = {}): Snapshot {
  return {
    status: '',
    steps: [],
    messages: [],
    previewLinks: [],
    liveLinks: [],
    productId: '',
    submissionId: '',
    ...fields
  }
}

export function stepOf(fields: Partial<PublishStep> & { id: string }): PublishStep {
  return {
    name: fields.id,
    description: '',
    status: 'NotStarted',
    progress: null,
    estimatedTimeFrame: '',
    messages: [],
    ...fields
  }
}

export function okLook(snapshot: Snapshot): Look {
  return { kind: 'ok', snapshot }
}

/** A result still waiting, from START, for `offer contoso/contoso-vm` unless told. */
export function waiting(fields: Partial<TargetResult> = {}): TargetResult {
  return {
    ...waitingResult({ id: 'contoso-vm', label: 'offer contoso/contoso-vm' }, 'waiting', START),
    ...fields
  }
}

/** A result that ended; `success` unless told. */
export function ended(fields: Partial<EndedResult> = {}): EndedResult {
  return { ...waiting(), outcome: 'success', reason: 'done', ...fields }
}

/** One wait from the clock's now, filling in a result of its own. */
export function waitForNew(
  options: Omit<WaitOptions, 'result'>,
  deps: WaitDeps
): Promise<EndedResult> {
  const now = deps.now()
  return waitForStatus({ ...options, result: waiting({ startedAt: now, endedAt: now }) }, deps)
}
