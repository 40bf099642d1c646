import { currentStep, type OfferStatus } from './offer-status.js'
import type { Outcome } from './wait-for-status.js'

export interface OutputSource {
  outcome: Outcome
  offer?: OfferStatus
  polls: number
  elapsedMs: number
  checkRunId?: number
}

/**
 * Every output of action.yml, as strings. A cancelled wait reports `error`: the
 * outcome output keeps to its four documented values.
 */
export function actionOutputs({
  outcome,
  offer,
  polls,
  elapsedMs,
  checkRunId
}: OutputSource): Record<string, string> {
  return {
    outcome: outcome === 'cancelled' ? 'error' : outcome,
    status: offer?.status ?? '',
    steps: JSON.stringify(
      (offer?.steps ?? []).map(step => ({
        id: step.id,
        name: step.name,
        status: step.status,
        progress: step.progress,
        estimatedTimeFrame: step.estimatedTimeFrame
      }))
    ),
    'current-step': (offer && currentStep(offer)?.id) ?? '',
    'preview-links': JSON.stringify(offer?.previewLinks ?? []),
    'live-links': JSON.stringify(offer?.liveLinks ?? []),
    polls: String(polls),
    'elapsed-seconds': String(Math.round(elapsedMs / 1000)),
    'check-run-id': checkRunId === undefined ? '' : String(checkRunId)
  }
}
