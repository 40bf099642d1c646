import { setMaxListeners } from 'node:events'
import * as core from '@actions/core'
import { DeadlinePassed, HttpSession } from './http/http-session.js'
import { formatDuration } from './inputs/duration.js'
import { InputError } from './inputs/input-error.js'
import { runnerInputs, type InputReader } from './inputs/input-reader.js'
import { readSettings, type Settings } from './inputs/settings.js'
import { startCheckRun, type CheckRun } from './report/check-run.js'
import { runnerLog, type Log } from './report/log.js'
import { annotationBudget, ProgressLog } from './report/progress-log.js'
import {
  reportCheckRunId,
  reportResult,
  type ReportContext,
  type ReportTo
} from './report/report-result.js'
import { createCredential } from './sign-in/credential.js'
import { requestGitHubIdToken } from './sign-in/github-id-token.js'
import { Secrets } from './sign-in/secrets.js'
import type { Snapshot } from './status/snapshot.js'
import type { StatusSource, WaitTarget } from './status/source.js'
import { abortOnSignals, MOST_LISTENERS, sleep } from './wait/cancellation.js'
import { waitForAll } from './wait/wait-for-all.js'
import type { WaitResult } from './wait/wait-for-status.js'

// After the deadline, the check run still gets at least this long to be completed; on
// cancellation the runner kills the job within seconds, so it gets less.
const CHECK_RUN_GRACE_MS = 2_500
const CANCELLED_CHECK_RUN_MS = 1_500

/** One offer or job of this step: its source, its log, and the last status it read. */
interface Track {
  target: WaitTarget
  source: StatusSource
  progress: ProgressLog
  last: { snapshot?: Snapshot; polls: number }
}

/** inputs -> settings -> status sources -> waits -> results -> outputs, summary, check run. */
export async function run(): Promise<void> {
  const startedAt = Date.now()
  const input = runnerInputs(process.env)
  // Masked before anything else can print them, even an error about another input.
  const secrets = new Secrets(core.setSecret)
  for (const name of ['token', 'client-secret', 'github-token']) {
    const value = input(name) ?? ''
    secrets.add(value)
    secrets.add(value.trim().replace(/^bearer\s+/i, ''))
  }
  // The runner's token for its ID-token endpoint: we send it, so a server may echo it.
  secrets.add(process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '')
  const log = runnerLog(secrets.redact)
  const to: ReportTo = { log, redact: secrets.redact }
  const cancellation = abortOnSignals()
  let connection: Connection | undefined
  let tracks: Track[] = []
  let checkRun: CheckRun | undefined
  let context: ReportContext | undefined
  try {
    let settings: Settings
    try {
      settings = readSettings(input)
      connection = connect(settings, secrets, cancellation.signal, startedAt)
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      await reportEarlyEnd(input, error.message, startedAt, to)
      return
    }

    const opened = connection
    const several = settings.targets.length > 1
    // GitHub shows a few annotations of a step: the cap is the step's, not each offer's.
    const annotations = annotationBudget()
    tracks = settings.targets.map(target => ({
      target,
      source: opened.open(target),
      progress: new ProgressLog(
        log,
        capitalized(target.subject),
        several ? target.label : undefined,
        annotations
      ),
      last: { polls: 0 }
    }))
    context = reportContext(settings)
    checkRun = settings.checkRun ? await openCheckRun(settings, tracks, log, startedAt) : undefined
    const results = await waitForTracks(
      settings,
      tracks,
      opened,
      cancellation.signal,
      log,
      checkRun
    )
    for (const track of tracks) track.progress.close()
    // Outputs and summary before any GitHub call can hold them: the runner may cancel
    // the job meanwhile. The check run's id, an output too, follows once it is known.
    const checkRunId = checkRun?.id
    await reportResult(waitedOf(tracks, results), { ...context, checkRunId }, to)
    const checkRunEnd = Date.now() + checkRunBudget(settings, startedAt)
    if (checkRun && checkRunId === undefined) {
      await checkRun.created(checkRunEnd - Date.now(), cancellation.signal)
      reportCheckRunId(checkRun.id, to)
    }
    // A cancelled job is killed within seconds: the check run gets one quick try.
    const left = cancellation.signal.aborted ? CANCELLED_CHECK_RUN_MS : checkRunEnd - Date.now()
    await checkRun?.complete(results, left, cancellation.signal)
  } catch (error) {
    // A defect, not bad input or a service answer: still leave every output, the last
    // status seen, a reason, and a completed check run.
    const reason = `unexpected error: ${error instanceof Error ? error.message : error}`
    const failed = (track?: Track): WaitResult => ({
      outcome: 'error',
      reason,
      snapshot: track?.last.snapshot,
      polls: track?.last.polls ?? 0,
      startedAt,
      endedAt: Date.now()
    })
    const waited =
      tracks.length > 0
        ? waitedOf(tracks, tracks.map(failed))
        : [{ label: earlyLabel(input), result: failed(), changes: [] }]
    await reportResult(
      waited,
      { ...(context ?? earlyContext(input)), checkRunId: checkRun?.id },
      to
    )
    await checkRun?.complete(
      waited.map(({ result }) => result),
      CHECK_RUN_GRACE_MS
    )
  } finally {
    connection?.close()
    cancellation.dispose()
  }
}

function waitedOf(tracks: Track[], results: WaitResult[]) {
  return tracks.map((track, index) => ({
    id: track.target.id,
    label: track.target.label,
    result: results[index] as WaitResult,
    changes: track.progress.changes
  }))
}

interface Connection {
  open(target: WaitTarget): StatusSource
  /** Aborts at the deadline plus one request timeout, or on cancellation. */
  lookSignal: AbortSignal
  close(): void
}

/** The sources' connection to the API; throws an InputError for a sign-in that cannot work. */
function connect(
  settings: Settings,
  secrets: Secrets,
  cancelled: AbortSignal,
  startedAt: number
): Connection {
  const signInSession = new HttpSession(settings.requestTimeoutMs, secrets.redact)
  const apiSession = new HttpSession(settings.requestTimeoutMs, secrets.redact)
  const credential = createCredential(settings.signIn, {
    scope: settings.api.scope,
    session: signInSession,
    now: Date.now,
    mask: secrets.add,
    getIDToken: (audience, signal) =>
      requestGitHubIdToken(signInSession, process.env, audience, signal),
    env: process.env
  })
  // One credential and one session for every wait: one sign-in, renewed once for all.
  const api = {
    baseUrl: settings.baseUrl,
    apiVersion: settings.apiVersion,
    credential,
    session: apiSession,
    redact: secrets.redact,
    now: Date.now
  }
  // One look may make several requests (a token, a renewal, a lookup): together they
  // must not outlast the deadline by more than one request timeout.
  const deadline = new AbortController()
  const timer = setTimeout(
    () => deadline.abort(new DeadlinePassed()),
    startedAt + settings.timeoutMs + settings.requestTimeoutMs - Date.now()
  )
  timer.unref()
  const lookSignal = AbortSignal.any([cancelled, deadline.signal])
  setMaxListeners(MOST_LISTENERS, lookSignal)
  return {
    open: target => target.open(api),
    lookSignal,
    close: () => {
      clearTimeout(timer)
      apiSession.dispose()
      signInSession.dispose()
    }
  }
}

/** The check run, or none (with a warning) when it cannot even be set up: it never decides the step. */
async function openCheckRun(
  settings: Settings,
  tracks: Track[],
  log: Log,
  startedAt: number
): Promise<CheckRun | undefined> {
  const { name, githubToken } = settings.checkRun as NonNullable<Settings['checkRun']>
  return startCheckRun(
    {
      name,
      entries: tracks.map(track => ({ label: track.target.label, history: track.progress })),
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

// What is left to the deadline and one request timeout, and a few seconds at least.
function checkRunBudget(settings: Settings, startedAt: number): number {
  const endBy = startedAt + settings.timeoutMs + settings.requestTimeoutMs
  return Math.max(CHECK_RUN_GRACE_MS, endBy - Date.now())
}

/** Waits for every track, each look seen by its log and the check run. */
async function waitForTracks(
  settings: Settings,
  tracks: Track[],
  connection: Connection,
  signal: AbortSignal,
  log: Log,
  checkRun?: CheckRun
): Promise<WaitResult[]> {
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
    tracks.map((track, index) => {
      const observeCheckRun = checkRun?.observer(index)
      return {
        subject: track.target.subject,
        look: () => track.source.look(connection.lookSignal),
        onLook: (look, at) => {
          const sent = !(look.kind === 'transient' && look.notSent)
          track.last = {
            snapshot: look.kind === 'ok' ? look.snapshot : track.last.snapshot,
            polls: track.last.polls + (sent ? 1 : 0)
          }
          track.progress.observe(look, at)
          observeCheckRun?.(look, at)
        }
      }
    }),
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
  return `${target.subject.replace(/^the\s+/i, '')}s`
}

function capitalized(subject: string): string {
  const word = subject.replace(/^the\s+/i, '')
  return word.charAt(0).toUpperCase() + word.slice(1)
}

function reportContext(settings: Settings): ReportContext {
  return {
    targetStatuses: settings.targetStatuses,
    writeSummary: settings.writeSummary,
    failOnTimeout: settings.failOnTimeout
  }
}

/** An end before any wait (bad input): outputs, summary and a failed step all the same. */
function reportEarlyEnd(
  input: InputReader,
  reason: string,
  startedAt: number,
  to: ReportTo
): Promise<void> {
  const result = { outcome: 'error', reason, polls: 0, startedAt, endedAt: Date.now() } as const
  return reportResult([{ label: earlyLabel(input), result, changes: [] }], earlyContext(input), to)
}

// What the inputs say, when the settings could not be read from them.
function earlyLabel(input: InputReader): string {
  const [publisherId, offerId, jobId] = ['publisher-id', 'offer-id', 'job-id'].map(name =>
    (input(name) ?? '').trim()
  )
  const label = jobId
    ? `configure job ${jobId}`
    : `offer ${[publisherId, offerId].filter(Boolean).join('/')}`
  return label.length > 120 ? `${label.slice(0, 120)}…` : label
}

function earlyContext(input: InputReader): ReportContext {
  return {
    targetStatuses: [],
    writeSummary: !/^false$/i.test((input('summary') ?? '').trim()),
    failOnTimeout: true
  }
}
