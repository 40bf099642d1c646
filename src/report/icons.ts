// The icons a person scans a report by: one per outcome, one per step status.
import type { TargetResult } from '../status/result.js'

export const OUTCOME_ICON: Record<TargetResult['outcome'], string> = {
  waiting: '⏳',
  success: '✅',
  failure: '❌',
  timeout: '⏱️',
  error: '⚠️',
  cancelled: '🚫',
  'handed-off': '⏭️'
}

// A Map: a step status is server text, and `constructor` must not find Object's.
const STEP_ICON = new Map(
  Object.entries({
    Complete: '✅',
    InProgress: '🔄',
    NotStarted: '⚪',
    WaitingForPublisherReview: '👀',
    WaitingForApproval: '⏸️',
    Blocked: '⛔',
    Rejected: '❌',
    Canceled: '🚫'
  })
)

/** The icon of a step status of the vocabulary; a question mark for any other. */
export function stepIcon(status: string): string {
  return STEP_ICON.get(status) ?? '❔'
}
