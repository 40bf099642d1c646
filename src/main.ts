import * as core from '@actions/core'
import { DeadlinePassed, HttpSession } from './http/http-session.js'
import { formatDuration } from './inputs/duration.js'
import { InputError } from './inputs/input-error.js'
import { runnerInputs, type InputReader } from './inputs/input-reader.js'
import { readSettings, type Settings } from './inputs/settings.js'
import { startCheckRun, type CheckRun } from './report/check-run.js'
import { runnerLog, type Log } from './report/log.js'
import { ProgressLog } from './report/progress-log.js'
import { reportResult, type ReportContext, type ReportTo } from './report/report-result.js'
import { createCredential } from './sign-in/credential.js'
import { requestGitHubIdToken } from './sign-in/github-id-token.js'
import { Secrets } from './sign-in/secrets.js'
import type { Snapshot } from './status/snapshot.js'
import type { StatusSource, WaitTarget } from './status/source.js'
import { abortOnSignals, sleep } from './wait/cancellation.js'
import { waitForStatus, type WaitResult } from './wait/wait-for-status.js'

// After the deadline, the check run still gets at least this long to be completed; on
// cancellation the runner kills the job within seconds, so it gets less.
const CHECK_RUN_GRACE_MS = 2_500
const CANCELLED_CHECK_RUN_MS = 1_500

/** inputs -> settings -> status source -> wait -> result -> outputs, summary, check run. */
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
  const log = runnerLog(secrets.redact)
  const to: ReportTo = { log, redact: secrets.redact }
  const cancellation = abortOnSignals()
  let connection: Connection | undefined
  let progress: ProgressLog | undefined
  let checkRun: CheckRun | undefined
  let last: { snapshot?: Snapshot; polls: number } = { polls: 0 }
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

    const target = settings.targets[0] as WaitTarget
    context = reportContext(settings, target)
    progress = new ProgressLog(log, capitalized(target.subject))
    checkRun = settings.checkRun ? await openCheckRun(settings, target, progress, log) : undefined
    const result = await wait(
      settings,
      target,
      connection,
      cancellation.signal,
      log,
      (look, at) => {
        last = {
          snapshot: look.kind === 'ok' ? look.snapshot : last.snapshot,
          polls: last.polls + 1
        }
        progress?.observe(look, at)
        checkRun?.observe(look, at)
      }
    )
    progress.close()
    // Outputs and summary first: on cancellation the runner may not wait for GitHub.
    await reportResult(result, progress.changes, { ...context, checkRunId: checkRun?.id }, to)
    await checkRun?.complete(
      result,
      result.outcome === 'cancelled' ? CANCELLED_CHECK_RUN_MS : checkRunBudget(settings, startedAt)
    )
  } catch (error) {
    // A defect, not bad input or a service answer: still leave every output, the last
    // status seen, a reason, and a completed check run.
    const result: WaitResult = {
      outcome: 'error',
      reason: `unexpected error: ${error instanceof Error ? error.message : error}`,
      snapshot: last.snapshot,
      polls: last.polls,
      startedAt,
      endedAt: Date.now()
    }
    await reportResult(
      result,
      progress?.changes ?? [],
      { ...(context ?? earlyContext(input)), checkRunId: checkRun?.id },
      to
    )
    await checkRun?.complete(result, CHECK_RUN_GRACE_MS)
  } finally {
    connection?.close()
    cancellation.dispose()
  }
}

interface Connection {
  source: StatusSource
  /** Aborts at the deadline plus one request timeout, or on cancellation. */
  lookSignal: AbortSignal
  close(): void
}

/** The status source with its credential; throws an InputError for a sign-in that cannot work. */
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
  const source = (settings.targets[0] as WaitTarget).open({
    baseUrl: settings.baseUrl,
    apiVersion: settings.apiVersion,
    credential,
    session: apiSession,
    redact: secrets.redact,
    now: Date.now
  })
  // One look may make several requests (a token, a renewal, a lookup): together they
  // must not outlast the deadline by more than one request timeout.
  const deadline = new AbortController()
  const timer = setTimeout(
    () => deadline.abort(new DeadlinePassed()),
    startedAt + settings.timeoutMs + settings.requestTimeoutMs - Date.now()
  )
  timer.unref()
  return {
    source,
    lookSignal: AbortSignal.any([cancelled, deadline.signal]),
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
  target: WaitTarget,
  progress: ProgressLog,
  log: Log
): Promise<CheckRun | undefined> {
  const { name, githubToken } = settings.checkRun as NonNullable<Settings['checkRun']>
  return startCheckRun(
    {
      name,
      label: target.label,
      targetStatuses: settings.targetStatuses,
      failOnTimeout: settings.failOnTimeout,
      history: progress,
      now: Date.now,
      sleep,
      warn: message => log.warning(message)
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

async function wait(
  settings: Settings,
  target: WaitTarget,
  connection: Connection,
  signal: AbortSignal,
  log: Log,
  onLook: Parameters<typeof waitForStatus>[1]['onLook']
): Promise<WaitResult> {
  log.info(
    `Waiting for ${target.label} to reach ${settings.targetStatuses.join(' or ')}` +
      (settings.timeoutMs > 0
        ? ` (timeout ${formatDuration(settings.timeoutMs)})`
        : ' (one look)') +
      ` on the ${settings.api.title} at ${settings.baseUrl}, signed in with ${SIGN_IN_NAMES[settings.signIn.kind]}`
  )
  const result = await waitForStatus(
    {
      subject: target.subject,
      targetStatuses: settings.targetStatuses,
      failOnStatuses: settings.failOnStatuses,
      failOnStepStatuses: settings.failOnStepStatuses,
      timeoutMs: settings.timeoutMs,
      intervalMs: settings.intervalMs,
      maxIntervalMs: settings.maxIntervalMs,
      signal
    },
    {
      look: () => connection.source.look(connection.lookSignal),
      now: Date.now,
      sleep,
      random: Math.random,
      onLook
    }
  )
  if (result.outcome === 'cancelled' && signal.reason instanceof Error) {
    result.reason = `the wait was cancelled (${signal.reason.message})`
  }
  return result
}

const SIGN_IN_NAMES: Record<Settings['signIn']['kind'], string> = {
  token: 'the given token',
  'client-secret': 'an Entra ID app secret',
  oidc: 'GitHub OIDC federation'
}

function capitalized(subject: string): string {
  const word = subject.replace(/^the\s+/i, '')
  return word.charAt(0).toUpperCase() + word.slice(1)
}

function reportContext(settings: Settings, target: WaitTarget): ReportContext {
  return {
    id: target.id,
    label: target.label,
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
  return reportResult(result, [], earlyContext(input), to)
}

// What the inputs say, when the settings could not be read from them.
function earlyContext(input: InputReader): ReportContext {
  const [publisherId, offerId, jobId] = ['publisher-id', 'offer-id', 'job-id'].map(name =>
    (input(name) ?? '').trim()
  )
  const label = jobId
    ? `configure job ${jobId}`
    : `offer ${[publisherId, offerId].filter(Boolean).join('/')}`
  return {
    label: label.length > 120 ? `${label.slice(0, 120)}…` : label,
    targetStatuses: [],
    writeSummary: !/^false$/i.test((input('summary') ?? '').trim()),
    failOnTimeout: true
  }
}
