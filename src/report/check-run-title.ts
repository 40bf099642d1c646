// What a check run says in one line, and its conclusion.
import { formatDuration } from '../inputs/duration.js'
import { currentStep } from '../status/snapshot.js'
import type { Outcome, TargetResult } from '../status/result.js'
import type { CheckConclusion } from '../github/checks.js'

/** The conclusion GitHub shows for an outcome. */
export function conclusionOf(outcome: Outcome, failOnTimeout: boolean): CheckConclusion {
  switch (outcome) {
    case 'success':
      return 'success'
    case 'timeout':
      return failOnTimeout ? 'timed_out' : 'neutral'
    case 'cancelled':
      return 'cancelled'
    case 'handed-off':
      return 'neutral'
    default:
      return 'failure'
  }
}

/** One line for several: how many have ended, and how. */
export function overviewTitle(states: readonly TargetResult[]): string {
  const ended = states.filter(state => state.outcome !== 'waiting')
  const counts = new Map<string, number>()
  for (const state of states) counts.set(state.outcome, (counts.get(state.outcome) ?? 0) + 1)
  const parts = [...counts].map(([outcome, count]) => `${count} ${outcome}`).join(', ')
  return `${ended.length} of ${states.length} ended: ${parts}`
}

/** One line for the checks list: the outcome, or where publishing is now. */
export function checkTitle(state: TargetResult): string {
  const status = state.snapshot?.status || 'no status yet'
  switch (state.outcome) {
    case 'waiting':
    case 'handed-off': {
      const step = state.snapshot && currentStep(state.snapshot)
      const progress = step?.progress ? ` ${step.progress}%` : ''
      return step ? `${status} · ${step.name}: ${step.status}${progress}` : status
    }
    case 'success':
      return `${status} after ${formatDuration(state.endedAt - state.startedAt)}`
    case 'failure':
      return `Publishing failed: ${state.reason}`
    case 'timeout':
      return `Timed out: ${status} after ${formatDuration(state.endedAt - state.startedAt)}`
    case 'cancelled':
      return `Cancelled while ${status}`
    default:
      return `Error: ${state.reason}`
  }
}
