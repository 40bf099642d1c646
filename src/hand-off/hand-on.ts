// After this run's share of the wait: checks that the wait is still this run's, hands
// what is still undecided to the next run, or says why it could not. Results that were
// handed off end as this run reports them.
import type { CallOptions, GitHub } from '../github/client.js'
import { RequestError } from '../http/http-session.js'
import type { RunnerContext } from '../runner/context.js'
import {
  endResult,
  shiftResult,
  type EndedResult,
  type RunChain,
  type TargetResult
} from '../status/result.js'
import type { Claim } from './claim.js'
import { DispatchRefused, dispatchNextRun } from './dispatch.js'
import type { HandOff } from './hand-off-inputs.js'
import { encodeState, MOST_RUNS, type HandOffState } from './state.js'

/** What the next run needs that only this run knows. */
export interface HandOnContext {
  handOff?: HandOff
  /** The wait as the state will carry it, its times on this run's clock. */
  wait: Pick<HandOffState, 'waitId' | 'api' | 'inputs' | 'startedAt' | 'deadline'>
  /** The runs of the wait up to this one. */
  chain?: RunChain
  checkRun?: { id: number; headSha: string }
  /** The claim of a carried-on run, checked before anything is decided. */
  claim?: Claim
  github?: GitHub
  runner: RunnerContext
  /** Now, on this run's clock. */
  now: number
  /** How far the services' clock is ahead of this run's: the state keeps their times. */
  servicesOffsetMs: number
  /** How long the next run must hold its first request. */
  holdMs: number
  redact(text: string): string
  /** The GitHub calls' bounds. */
  call: CallOptions
}

/** How this run's share of the wait ended, beside its results. */
export interface HandedOn {
  chain?: RunChain
  /** The wait is another run's now: this run leaves its check run alone. */
  lost?: true
}

/**
 * Dispatches the next run when any result was handed off; else nothing. A lost claim
 * ends every result `error`, naming the run that holds the wait; a refusal, or a chain
 * at its longest, ends the handed-off results as `error` or `timeout`, saying why.
 */
export async function handOn(results: EndedResult[], context: HandOnContext): Promise<HandedOn> {
  const { chain } = context
  const handedOff = results.filter(result => result.outcome === 'handed-off')
  const endAll = (list: EndedResult[], outcome: 'error' | 'timeout', reason: string) => {
    for (const result of list) endResult(result, outcome, reason, result.endedAt)
  }
  if (context.claim) {
    let holder: string | undefined
    try {
      holder = await context.claim.holder(context.call)
    } catch (error) {
      if (!(error instanceof RequestError)) throw error
      // The claim held at the start: a decided wait stands; an undecided one stops.
      endAll(
        handedOff,
        'error',
        `could not check that this run still holds the wait (${error.message}), so the next run was not started: re-run this job to carry the wait on`
      )
      return { ...(chain && { chain }) }
    }
    if (holder !== undefined) {
      endAll(
        results,
        'error',
        `the wait is carried on by ${holder}: this run lost its claim in the check run and stopped, so that the wait does not fork`
      )
      return { ...(chain && { chain }), lost: true }
    }
  }
  const { handOff, github } = context
  if (handedOff.length === 0 || !handOff || !github || !chain) return { ...(chain && { chain }) }
  if (chain.runCount >= MOST_RUNS) {
    endAll(
      handedOff,
      'timeout',
      `the wait has gone on over ${MOST_RUNS} runs, the most one wait may span`
    )
    return { chain }
  }
  const { runner, redact, wait } = context
  const offset = context.servicesOffsetMs
  const state: HandOffState = {
    ...wait,
    repository: runner.repository,
    workflow: runner.workflow,
    job: runner.job,
    step: runner.step,
    startedAt: wait.startedAt + offset,
    deadline: wait.deadline + offset,
    handedOffAt: Math.min(context.now, wait.deadline) + offset,
    holdMs: context.holdMs,
    // What goes on is undecided again in the next run; the rest stays as it ended.
    results: results.map(result => {
      const copy: TargetResult = {
        ...result,
        ...(result.outcome === 'handed-off' && { outcome: 'waiting' }),
        label: redact(result.label),
        reason: redact(result.reason),
        changes: result.changes.map(change => ({ ...change, text: redact(change.text) })),
        phases: result.phases.map(phase => ({ ...phase }))
      }
      shiftResult(copy, offset)
      return copy
    }),
    ...(context.checkRun && { checkRun: context.checkRun }),
    runs: chain.runs,
    runCount: chain.runCount
  }
  try {
    const nextRunUrl = await dispatchNextRun(
      github,
      handOff,
      encodeState(state),
      runner,
      context.call
    )
    return { chain: { ...chain, nextRunUrl } }
  } catch (error) {
    if (!(error instanceof DispatchRefused)) throw error
    endAll(handedOff, 'error', error.message)
    return { chain }
  }
}
