// After this run's share of the wait: hands what is still undecided to the next run, or
// says why it could not. Results that were handed off end as this run reports them.
import { connectGitHub } from '../github/github-call.js'
import { runsUrl } from '../github/runs-url.js'
import { endResult, type EndedResult, type RunChain } from '../status/result.js'
import { DispatchRefused, dispatchNextRun } from './dispatch.js'
import type { HandOff } from './hand-off-inputs.js'
import { encodeState, MOST_RUNS, type ChainRun, type HandOffState } from './state.js'

/** What the next run needs that only this run knows. */
export interface HandOnContext {
  handOff: HandOff
  carried?: HandOffState
  /** The runs of the wait up to this one. */
  chain: RunChain
  api: string
  /** The whole wait's timeout, from its first run's start. */
  timeoutMs: number
  checkRun?: { id: number; headSha: string; name: string }
  redact(text: string): string
  env: NodeJS.ProcessEnv
  signal: AbortSignal
}

/** The runs of the wait up to this one, which is last. */
export function chainSoFar(carried: HandOffState | undefined, env: NodeJS.ProcessEnv): RunChain {
  const number = Number(env.GITHUB_RUN_NUMBER)
  const run: ChainRun = {
    number: Number.isSafeInteger(number) && number > 0 ? number : 0,
    url: `${runsUrl(env)}${env.GITHUB_RUN_ID ?? ''}`
  }
  return { runs: [...(carried?.runs ?? []), run], runCount: (carried?.runCount ?? 0) + 1 }
}

/**
 * Dispatches the next run when any result was handed off; else nothing. A refusal, or
 * a chain at its longest, ends those results as `error` or `timeout`, saying why.
 */
export async function handOn(
  results: EndedResult[],
  context: HandOnContext
): Promise<RunChain | undefined> {
  const handedOff = results.filter(result => result.outcome === 'handed-off')
  if (handedOff.length === 0) return undefined
  const { handOff, carried, env } = context
  const { runs, runCount } = context.chain
  const endAll = (outcome: 'error' | 'timeout', reason: string): undefined => {
    for (const result of handedOff) endResult(result, outcome, reason, Date.now())
    return undefined
  }
  if (runCount >= MOST_RUNS) {
    return endAll(
      'timeout',
      `the wait has gone on over ${MOST_RUNS} runs, the most one wait may span`
    )
  }
  const startedAt = carried?.startedAt ?? Math.min(...results.map(result => result.startedAt))
  const state: HandOffState = {
    repository: handOff.repository,
    api: context.api,
    idsInput: handOff.idsInput,
    publisherId: handOff.publisherId,
    startedAt,
    deadline: carried?.deadline ?? startedAt + context.timeoutMs,
    // What goes on is undecided again in the next run; the rest stays as it ended.
    results: results.map(result => ({
      ...result,
      ...(result.outcome === 'handed-off' && { outcome: 'waiting' }),
      label: context.redact(result.label),
      reason: context.redact(result.reason),
      changes: result.changes.map(change => ({ ...change, text: context.redact(change.text) }))
    })),
    ...(context.checkRun && { checkRun: context.checkRun }),
    job: env.GITHUB_JOB ?? '',
    step: env.GITHUB_ACTION ?? '',
    runs,
    runCount
  }
  try {
    const octokit = await connectGitHub(
      handOff.githubToken,
      env.GITHUB_API_URL || 'https://api.github.com'
    )
    const nextRunUrl = await dispatchNextRun(
      octokit,
      handOff,
      encodeState(state),
      env.GITHUB_SERVER_URL ?? 'https://github.com',
      context.signal
    )
    return { nextRunUrl, runs, runCount }
  } catch (error) {
    if (!(error instanceof DispatchRefused)) throw error
    return endAll('error', error.message)
  }
}
