// A check run carried from run to run: it records how far the wait's chain of runs has
// come, so that a re-run of an earlier run, holding an older state, cannot fork the wait.
import type { CheckRunFields, ExistingCheckRun } from './github-checks.js'

/** The check run an earlier run made, as its hand-off state names it. */
export interface CarriedCheckRun {
  id: number
  name: string
  headSha: string
  /** Runs of the chain before this one. */
  runCount: number
}

const CHAIN_ID = /^marketplace-wait-run-(\d{1,6})$/

/** The check run's mark after `runCount` runs handed the wait on. */
export function chainMark(runCount: number): Pick<CheckRunFields, 'external_id'> {
  return { external_id: `marketplace-wait-run-${runCount}` }
}

/**
 * What the check run found says of this run: `fork` when the wait has gone on without
 * it (this run must not carry it on), `other` when it is not this wait's check run.
 */
export function judgeCarried(
  found: ExistingCheckRun,
  carried: CarriedCheckRun
): { kind: 'ours' } | { kind: 'fork' | 'other'; problem: string } {
  if (found.name !== carried.name || found.headSha !== carried.headSha) {
    return {
      kind: 'other',
      problem: `check run ${carried.id} is not this wait's (its name or commit differs): it is left alone`
    }
  }
  const mark = CHAIN_ID.exec(found.externalId)
  const chain = mark ? Number(mark[1]) : 0
  if (found.status === 'completed' || chain > carried.runCount) {
    return {
      kind: 'fork',
      problem:
        found.status === 'completed'
          ? `the wait this run would carry on has ended already (check run ${carried.id} is completed): a re-run of an earlier run cannot start it again`
          : `the wait has gone on in a later run (run ${chain} of it handed it on; this run holds the state of run ${carried.runCount}): a re-run of an earlier run cannot fork it`
    }
  }
  return { kind: 'ours' }
}
