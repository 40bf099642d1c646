// One offer's or job's wait as plain data: what the wait loop fills in as it goes, and
// what every report (log, outputs, summary, check run) reads. Kept once, counted once.
import type { PublishKind, PublishRequest } from './publishing.js'
import type { PublishStep, Snapshot } from './snapshot.js'
import { sentRequest, type Look } from './source.js'

/** `handed-off`: undecided when this run's share of the wait ended; a new run goes on. */
export type Outcome = 'success' | 'failure' | 'timeout' | 'error' | 'cancelled' | 'handed-off'

// Worst first: what several waits end as is the worst of their outcomes.
export const WORST_FIRST: Outcome[] = [
  'cancelled',
  'error',
  'failure',
  'timeout',
  'handed-off',
  'success'
]

export function worstOf(outcomes: Outcome[]): Outcome {
  return WORST_FIRST.find(outcome => outcomes.includes(outcome)) ?? 'success'
}

/** A change the log saw (status, step, progress), when it saw it. */
export interface StatusChange {
  at: number
  text: string
  /** The workflow run that saw it, in a wait handed from run to run. */
  run?: number
}

/** One offer or job: how far its wait has come, or how it ended. */
export interface TargetResult {
  /** The id the user gave; '' when the inputs could not be read. */
  id: string
  /** For people: `offer contoso/contoso-vm`, `configure job 1f0c…`. */
  label: string
  /** `waiting` until the wait ends. */
  outcome: Outcome | 'waiting'
  /** Why it ended, or what it waits for: "the offer reached Succeeded". */
  reason: string
  /** The last status read, if any. */
  snapshot?: Snapshot
  /** Looks that sent a request. */
  polls: number
  startedAt: number
  /** When it ended, or when it was last looked at. */
  endedAt: number
  /** The first changes and the recent ones, a counting row between them. */
  changes: StatusChange[]
  /** Changes seen in all, kept or not. */
  changeCount: number
  /** When each step was first seen in each status, in order: the time of each phase. */
  phases: StepPhase[]
  /** The publishing requests this wait sent, in every run of it: each kind at most once. */
  requests: PublishRequest[]
  /** A request not sent because one of its kind was under way: the wait follows that one. */
  adopted?: PublishKind
  /** What a person must do for the wait to end well (approve a go-live), once seen. */
  nextAction?: string
}

/** A step seen in a status from `at` on. */
export interface StepPhase {
  step: string
  status: string
  at: number
  /** The workflow run that saw it begin, in a wait handed from run to run. */
  run?: number
}

/** The workflow runs of a wait handed from run to run. */
export interface RunChain {
  /** The first runs and the latest, this one last. */
  runs: { number: number; url: string }[]
  /** Runs so far, this one included. */
  runCount: number
  /** Where the wait went on, once this run handed it off. */
  nextRunUrl?: string
}

/** A result whose wait has ended. */
export type EndedResult = TargetResult & { outcome: Outcome }

// Steps times statuses of a publish are a few dozen; a server that invents more is cut.
export const MOST_PHASES = 60

// Of a long history, the start and the recent end are what a person reads.
const FIRST_CHANGES_KEPT = 10
const LAST_CHANGES_KEPT = 100
/** The most changes a result keeps, the counting row included. */
export const MOST_CHANGES_KEPT = FIRST_CHANGES_KEPT + 1 + LAST_CHANGES_KEPT

/** The result of a wait that has not begun. */
export function waitingResult(
  target: { id: string; label: string },
  reason: string,
  at: number
): TargetResult {
  return {
    ...target,
    outcome: 'waiting',
    reason,
    polls: 0,
    startedAt: at,
    endedAt: at,
    changes: [],
    changeCount: 0,
    phases: [],
    requests: []
  }
}

/** Counts a look that sent a request as a poll, and keeps the status it read. */
export function recordLook(result: TargetResult, look: Look, at: number, run?: number): void {
  if (sentRequest(look)) result.polls++
  if (look.kind === 'ok') {
    recordPhases(result, look.snapshot.steps, at, run)
    result.snapshot = look.snapshot
  }
  result.endedAt = at
}

function recordPhases(
  result: TargetResult,
  steps: PublishStep[],
  at: number,
  run: number | undefined
): void {
  const latest = new Map<string, string>()
  for (const phase of result.phases) latest.set(phase.step, phase.status)
  for (const step of steps) {
    if (result.phases.length >= MOST_PHASES) return
    if (!step.name || latest.get(step.name) === step.status) continue
    latest.set(step.name, step.status)
    result.phases.push(
      run === undefined
        ? { step: step.name, status: step.status, at }
        : { step: step.name, status: step.status, at, run }
    )
  }
}

/** Keeps a change within the bounds of the history, however long the wait. */
export function recordChange(result: TargetResult, change: StatusChange): void {
  result.changeCount++
  const kept = result.changes
  if (kept.length < MOST_CHANGES_KEPT) {
    kept.push(change)
    return
  }
  // Drop the oldest of the recent changes into the counting row after the first ones.
  const dropped = result.changeCount - FIRST_CHANGES_KEPT - LAST_CHANGES_KEPT
  kept.splice(FIRST_CHANGES_KEPT, 2, {
    at: (kept[FIRST_CHANGES_KEPT] as StatusChange).at,
    text: `… ${dropped} changes not kept …`
  })
  kept.push(change)
}

/** Moves every time of a result by `deltaMs`: onto another run's clock. */
export function shiftResult(result: TargetResult, deltaMs: number): void {
  result.startedAt += deltaMs
  result.endedAt += deltaMs
  for (const change of result.changes) change.at += deltaMs
  for (const phase of result.phases) phase.at += deltaMs
  for (const request of result.requests) request.at += deltaMs
}

/** Ends the wait of a result with an outcome and why. */
export function endResult(
  result: TargetResult,
  outcome: Outcome,
  reason: string,
  at: number
): EndedResult {
  return Object.assign(result, { outcome, reason, endedAt: at })
}
