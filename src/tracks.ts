// The offers or jobs of one step as the wait follows them: each with its source, its log
// and its result, every look seen by the log and the check run.
import { formatDuration } from './inputs/duration.js'
import { startCheckRun, type CheckRun } from './report/check-run.js'
import type { Log } from './report/log.js'
import { annotationBudget, ProgressLog } from './report/progress-log.js'
import type { Settings } from './settings.js'
import type { Connection } from './sources/connect.js'
import type { WaitTarget } from './sources/contract.js'
import { handOn } from './hand-off/hand-on.js'
import {
  endResult,
  waitingResult,
  type EndedResult,
  type RunChain,
  type TargetResult
} from './status/result.js'
import type { StatusSource } from './status/source.js'
import { sleep } from './wait/cancellation.js'
import { waitForAll } from './wait/wait-for-all.js'

/** One offer or job of this step: its source, its log, and its result so far. */
export interface Track {
  target: WaitTarget
  source: StatusSource
  progress: ProgressLog
  result: TargetResult
}

/** A track for each target, its log naming it when there are several. */
export function openTracks(settings: Settings, connection: Connection, log: Log): Track[] {
  const { targets } = settings
  const several = targets.length > 1
  // GitHub shows a few annotations of a step: the cap is the step's, not each offer's.
  const annotations = annotationBudget()
  const reason = `waiting for ${settings.targetStatuses.join(' or ')}`
  const carried = settings.carried?.results
  // Each change names its run once the wait goes from run to run.
  const run = settings.chain?.runs.at(-1)?.number
  return targets.map((target, index) => {
    const result = carried?.[index] ?? waitingResult(target, reason, Date.now())
    result.label = target.label
    return {
      target,
      source: connection.open(target),
      progress: new ProgressLog(log, result, {
        subject: capitalized(target.noun),
        ...(several && { name: target.label }),
        annotations,
        ...(run !== undefined && { run })
      }),
      result
    }
  })
}

/** The check run, or none (with a warning) when it cannot even be set up: it never decides the step. */
export async function openCheckRun(
  settings: Settings,
  tracks: Track[],
  log: Log,
  startedAt: number
): Promise<CheckRun | undefined> {
  const { name, githubToken } = settings.checkRun as NonNullable<Settings['checkRun']>
  const carried = settings.carried
  const checkRun = await startCheckRun(
    {
      name,
      results: tracks.map(track => track.result),
      ...(settings.chain && { chain: settings.chain }),
      ...(carried?.checkRun && { carried: { ...carried.checkRun, runCount: carried.runCount } }),
      targetStatuses: settings.targetStatuses,
      failOnTimeout: settings.failOnTimeout,
      now: Date.now,
      sleep,
      warn: message => log.warning(message),
      endBy: startedAt + settings.timeoutMs + settings.requestTimeoutMs
    },
    githubToken,
    process.env
  ).catch(error => {
    log.warning(
      `Check run "${name}" not created (${error instanceof Error ? error.message : error}). The wait goes on without it.`
    )
    return undefined
  })
  // Carried on, the check run says whether the wait is still this run's to carry.
  if (checkRun && carried?.checkRun) await checkRun.created(CARRIED_CHECK_MS)
  return checkRun
}

// How long a carried-on run waits to learn from its check run whether the wait forked.
const CARRIED_CHECK_MS = 30_000

/** After this run's share of the wait: the runs of the chain, and where it went on. */
export async function handOnTracks(
  settings: Settings,
  results: EndedResult[],
  checkRun: CheckRun | undefined,
  redact: (text: string) => string,
  signal: AbortSignal
): Promise<RunChain | undefined> {
  const { handOff, carried, chain } = settings
  if (!handOff || !chain) return chain
  const checkRunId = checkRun?.id ?? carried?.checkRun?.id
  const headSha = checkRun?.headSha ?? carried?.checkRun?.headSha
  const handed = await handOn(results, {
    handOff,
    carried,
    chain,
    api: settings.api.name,
    timeoutMs: settings.timeoutMs,
    ...(checkRunId !== undefined &&
      headSha && {
        checkRun: { id: checkRunId, headSha, name: settings.checkRun?.name ?? '' }
      }),
    redact,
    env: process.env,
    signal
  })
  return handed ?? chain
}

/** Waits for every track, each look seen by its log and the check run. */
export async function waitForTracks(
  settings: Settings,
  tracks: Track[],
  connection: Connection,
  signal: AbortSignal,
  log: Log,
  startedAt: number,
  checkRun?: CheckRun
): Promise<EndedResult[]> {
  if (checkRun?.forked) {
    const reason = checkRun.forked
    return tracks.map(track => endResult(track.result, 'error', reason, Date.now()))
  }
  const what =
    tracks.length === 1
      ? (tracks[0] as Track).target.label
      : `${tracks.length} ${plural((tracks[0] as Track).target)} (${tracks.map(track => track.target.id).join(', ')})`
  log.info(
    `Waiting for ${what} to reach ${settings.targetStatuses.join(' or ')}` +
      (settings.timeoutMs > 0
        ? ` (timeout ${formatDuration(settings.timeoutMs)})`
        : ' (one look)') +
      ` on the ${settings.api.title} at ${settings.baseUrl}, signed in with ${SIGN_IN_NAMES[settings.signIn.kind]}`
  )
  const { handOff, carried } = settings
  if (carried) {
    const first = carried.runs[0]
    log.info(
      `Carrying on the wait handed on by run ${carried.runs.at(-1)?.number ?? '?'} (run ${carried.runCount + 1} of the wait, which began in run ${first?.number ?? '?'} ${formatDuration(Date.now() - carried.startedAt)} ago); ${formatDuration(Math.max(0, carried.deadline - Date.now()))} left to the deadline.`
    )
  }
  if (handOff?.warning) log.warning(handOff.warning)
  return waitForAll(
    tracks.map(track => ({
      noun: track.target.noun,
      result: track.result,
      look: () => track.source.look(connection.lookSignal),
      onLook: (look, at) => {
        track.progress.observe(look, at)
        checkRun?.seen(look, at)
      }
    })),
    {
      targetStatuses: settings.targetStatuses,
      failOnStatuses: settings.failOnStatuses,
      failOnStepStatuses: settings.failOnStepStatuses,
      timeoutMs: settings.timeoutMs,
      ...(handOff && { handOffAt: startedAt + handOff.afterMs }),
      intervalMs: settings.intervalMs,
      maxIntervalMs: settings.maxIntervalMs,
      signal
    },
    { now: Date.now, sleep, random: Math.random }
  )
}

const SIGN_IN_NAMES: Record<Settings['signIn']['kind'], string> = {
  token: 'the given token',
  'client-secret': 'an Entra ID app secret',
  oidc: 'GitHub OIDC federation'
}

// `offers`, `jobs`: all targets of a step are of one kind.
function plural(target: WaitTarget): string {
  return `${target.noun}s`
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
