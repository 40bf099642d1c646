import type { Outcome } from './wait-for-status.js'

// Worst first: what several waits end as is the worst of their outcomes.
export const WORST_FIRST: Outcome[] = ['cancelled', 'error', 'failure', 'timeout', 'success']

export function worstOf(outcomes: Outcome[]): Outcome {
  return WORST_FIRST.find(outcome => outcomes.includes(outcome)) ?? 'success'
}
