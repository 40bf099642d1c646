// Builders of the common vocabulary for tests: a snapshot, a look, a result, each with
// only what a test cares about given.
import { waitingResult, type EndedResult, type TargetResult } from '../src/status/result.js'
import type { PublishStep, Snapshot } from '../src/status/snapshot.js'
import type { Look } from '../src/status/source.js'
import type { StatusRules, Step } from '../src/status/step.js'
import { waitForStatus, type WaitDeps, type WaitOptions } from '../src/wait/wait-for-status.js'

export const START = Date.UTC(2026, 0, 1)

export function snapshotOf(fields: Partial<Snapshot> = {}): Snapshot {
  return {
    status: '',
    steps: [],
    messages: [],
    previewLinks: [],
    liveLinks: [],
    safeLinks: [],
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

/** A wait's options as a test writes them: the rules flat, a timeout from the result's start. */
export interface PlainWait
  extends Partial<StatusRules>, Omit<WaitOptions, 'rules' | 'deadline' | 'result' | 'noun'> {
  noun?: string
  timeoutMs: number
}

/** The options of a wait filling in `result`, its deadline `timeoutMs` after the result's start. */
export function waitOptions(plain: PlainWait, result: TargetResult): WaitOptions {
  const { targetStatuses = ['Succeeded'], failOnStatuses = [], failOnStepStatuses = [] } = plain
  const { timeoutMs, noun = 'offer', ...rest } = plain
  const deadline = result.startedAt + timeoutMs
  return {
    ...rest,
    noun,
    rules: { targetStatuses, failOnStatuses, failOnStepStatuses },
    deadline: () => deadline,
    result
  }
}

/** One wait from the clock's now, filling in a result of its own. */
export function waitForNew(options: PlainWait, deps: WaitDeps): Promise<EndedResult> {
  const now = deps.now()
  return waitForStatus(waitOptions(options, waiting({ startedAt: now, endedAt: now })), deps)
}

/** A step of the action, waiting for Succeeded unless told, with what a report reads. */
export function stepWith(fields: Partial<Step> & { targetStatuses?: string[] } = {}): Step {
  const { targetStatuses = ['Succeeded'], ...rest } = fields
  return {
    rules: {
      targetStatuses,
      failOnStatuses: ['Failed', 'Canceled'],
      failOnStepStatuses: ['Rejected']
    },
    failOnTimeout: true,
    writeSummary: true,
    requestTimeoutMs: 30_000,
    intervalMs: 60_000,
    maxIntervalMs: 300_000,
    leastSpacingMs: 0,
    startedAt: START,
    wait: { startedAt: START, deadline: START + 3_600_000 },
    holdMs: 0,
    runNumber: 1,
    runUrl: '',
    service: {
      title: 'Cloud Partner Portal API',
      baseUrl: 'https://cloudpartner.azure.com',
      signedIn: 'the given token'
    },
    ...rest
  }
}
