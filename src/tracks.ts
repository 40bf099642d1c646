// The offers or jobs of one step as the wait follows them: each with its source, its log
// and its result, every look seen by the log and the check run.
import { formatDuration } from './inputs/duration.js'
import { startCheckRun, type CheckRun } from './report/check-run.js'
import type { Log } from './report/log.js'
import { annotationBudget, ProgressLog } from './report/progress-log.js'
import type { Settings } from './settings.js'
import type { Connection } from './sources/connect.js'
import type { WaitTarget } from './sources/contract.js'
import { waitingResult, type EndedResult, type TargetResult } from './status/result.js'
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
  return targets.map(target => {
    const result = waitingResult(target, reason, Date.now())
    return {
      target,
      source: connection.open(target),
      progress: new ProgressLog(
        log,
        result,
        capitalized(target.noun),
        several ? target.label : undefined,
        annotations
      ),
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
  return startCheckRun(
    {
      name,
      results: tracks.map(track => track.result),
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
}

/** Waits for every track, each look seen by its log and the check run. */
export async function waitForTracks(
  settings: Settings,
  tracks: Track[],
  connection: Connection,
  signal: AbortSignal,
  log: Log,
  checkRun?: CheckRun
): Promise<EndedResult[]> {
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
