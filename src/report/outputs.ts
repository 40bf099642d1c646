import { currentStep } from '../status/snapshot.js'
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

/**
 * Every output of action.yml, as strings. A cancelled wait reports `error`: the
 * outcome output keeps to its four documented values.
 */
export function actionOutputs(source: OutputSource): Record<string, string> {
  const { snapshot, polls, elapsedMs, checkRunId } = source
  const outcome = source.outcome === 'cancelled' ? 'error' : source.outcome
  return {
    outcome,
    status: snapshot?.status ?? '',
    steps: JSON.stringify(
      (snapshot?.steps ?? []).map(step => ({
        id: step.id,
        name: step.name,
        status: step.status,
        progress: step.progress,
        estimatedTimeFrame: step.estimatedTimeFrame
      }))
    ),
    'current-step': (snapshot && currentStep(snapshot)?.id) ?? '',
    'preview-links': JSON.stringify(snapshot?.previewLinks ?? []),
    'live-links': JSON.stringify(snapshot?.liveLinks ?? []),
    'product-id': snapshot?.productId ?? '',
    'submission-id': snapshot?.submissionId ?? '',
    offers: JSON.stringify(
      source.id === undefined
        ? []
        : [
            {
              id: source.id,
              outcome,
              status: snapshot?.status ?? '',
              currentStep: (snapshot && currentStep(snapshot)?.id) ?? '',
              productId: snapshot?.productId ?? '',
              submissionId: snapshot?.submissionId ?? '',
              polls,
              reason: source.reason
            }
          ]
    ),
    polls: String(polls),
    'elapsed-seconds': String(Math.round(elapsedMs / 1000)),
    'check-run-id': checkRunId === undefined ? '' : String(checkRunId)
  }
}
