import * as core from '@actions/core'
import { HttpSession } from './http/http-session.js'
import { formatDuration } from './inputs/duration.js'
import { InputError } from './inputs/input-error.js'
import { runnerInputs, type InputReader } from './inputs/input-reader.js'
import { readSettings, type Settings } from './inputs/settings.js'
import { startCheckRun, type CheckRun } from './report/check-run.js'
import { ProgressLog, type StatusChange } from './report/progress-log.js'
import { reportResult } from './report/report-result.js'
import { createCredential } from './sign-in/credential.js'
import { Secrets } from './sign-in/secrets.js'
import type { StatusSource, WaitTarget } from './status/source.js'
import { abortOnSignals, sleep } from './wait/cancellation.js'
import { waitForStatus, type WaitResult } from './wait/wait-for-status.js'

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
  const cancellation = abortOnSignals()
  let connection: Connection | undefined
  try {
    let settings: Settings
    try {
      settings = readSettings(input)
      connection = connect(settings, secrets)
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      await reportEarlyEnd(input, error.message, startedAt)
      return
    }

    const target = settings.targets[0] as WaitTarget
    const progress = new ProgressLog(core, capitalized(target.subject))
    const checkRun = settings.checkRun
      ? await openCheckRun(settings, target, progress.changes)
      : undefined
    const result = await wait(
      settings,
      target,
      connection.source,
      cancellation.signal,
      (look, at) => {
        progress.observe(look, at)
        checkRun?.observe(look, at)
      }
    )
    // Outputs and summary first: on cancellation the runner may not wait for GitHub.
    await reportResult(result, progress.changes, {
      id: target.id,
      label: target.label,
      targetStatuses: settings.targetStatuses,
      writeSummary: settings.writeSummary,
      failOnTimeout: settings.failOnTimeout,
      checkRunId: checkRun?.id
    })
    await checkRun?.complete(result)
  } catch (error) {
    // A defect, not bad input or a service answer: still leave every output and a reason.
    await reportEarlyEnd(
      input,
      `unexpected error: ${error instanceof Error ? error.message : error}`,
      startedAt
    )
  } finally {
    connection?.close()
    cancellation.dispose()
  }
}

interface Connection {
  source: StatusSource
  close(): void
}

/** The status source with its credential; throws an InputError for a sign-in that cannot work. */
function connect(settings: Settings, secrets: Secrets): Connection {
  const signInSession = new HttpSession(settings.requestTimeoutMs)
  const apiSession = new HttpSession(settings.requestTimeoutMs)
  const credential = createCredential(settings.signIn, {
    scope: settings.api.scope,
    session: signInSession,
    now: Date.now,
    mask: secrets.add,
    getIDToken: audience => core.getIDToken(audience),
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
  return {
    source,
    close: () => {
      apiSession.dispose()
      signInSession.dispose()
    }
  }
}

/** The check run, or none (with a warning) when it cannot even be set up: it never decides the step. */
async function openCheckRun(
  settings: Settings,
  target: WaitTarget,
  changes: StatusChange[]
): Promise<CheckRun | undefined> {
  const { name, githubToken } = settings.checkRun as NonNullable<Settings['checkRun']>
  return startCheckRun(
    {
      name,
      label: target.label,
      targetStatuses: settings.targetStatuses,
      failOnTimeout: settings.failOnTimeout,
      changes,
      now: Date.now,
      sleep,
      warn: message => core.warning(message)
    },
    githubToken,
    process.env
  ).catch(error => {
    core.warning(
      `Check run "${name}" not created (${error instanceof Error ? error.message : error}). The wait goes on without it.`
    )
    return undefined
  })
}

async function wait(
  settings: Settings,
  target: WaitTarget,
  source: StatusSource,
  signal: AbortSignal,
  onLook: Parameters<typeof waitForStatus>[1]['onLook']
): Promise<WaitResult> {
  core.info(
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
    { look: s => source.look(s), now: Date.now, sleep, random: Math.random, onLook }
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

/** An end before any wait (bad input, or a defect): outputs, summary and a failed step all the same. */
function reportEarlyEnd(input: InputReader, reason: string, startedAt: number): Promise<void> {
  const result = { outcome: 'error', reason, polls: 0, startedAt, endedAt: Date.now() } as const
  return reportResult(result, [], {
    label: labelFromInputs(input),
    targetStatuses: [],
    writeSummary: !/^false$/i.test((input('summary') ?? '').trim()),
    failOnTimeout: true
  })
}

function labelFromInputs(input: InputReader): string {
  const [publisherId, offerId, jobId] = ['publisher-id', 'offer-id', 'job-id'].map(name =>
    (input(name) ?? '').trim()
  )
  const label = jobId
    ? `configure job ${jobId}`
    : `offer ${[publisherId, offerId].filter(Boolean).join('/')}`
  return label.length > 120 ? `${label.slice(0, 120)}…` : label
}
