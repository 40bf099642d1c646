import * as core from '@actions/core'
import { abortOnSignals, sleep } from './cancellation.js'
import { startCheckRun, type CheckRun } from './check-run.js'
import { CppClient, type StatusAnswer } from './cpp-client.js'
import { createCredential } from './credential.js'
import { formatDuration } from './duration.js'
import { HttpSession } from './http-request.js'
import { InputError } from './input-error.js'
import { actionOutputs } from './outputs.js'
import { ProgressLog, type StatusChange } from './progress-log.js'
import { Secrets } from './secrets.js'
import { readSettings, type Settings } from './settings.js'
import { renderSummary } from './summary.js'
import { waitForStatus, type WaitResult } from './wait-for-status.js'

/** inputs -> settings -> poll loop -> result -> outputs, summary, step status. */
export async function run(): Promise<void> {
  const startedAt = Date.now()
  // Masked before anything else can print them, even an error about another input.
  const secrets = new Secrets(core.setSecret)
  for (const name of ['token', 'client-secret', 'github-token']) {
    const value = core.getInput(name)
    secrets.add(value)
    secrets.add(value.trim().replace(/^bearer\s+/i, ''))
  }
  const cancellation = abortOnSignals()
  let connection: Connection | undefined
  try {
    let settings: Settings
    try {
      settings = readSettings(name => core.getInput(name))
      connection = connect(settings, secrets)
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      await reportEarlyEnd(error.message, startedAt)
      return
    }

    const progress = new ProgressLog(core)
    const checkRun = settings.checkRun ? await openCheckRun(settings, progress.changes) : undefined
    const result = await wait(settings, connection.client, cancellation.signal, (answer, at) => {
      progress.observe(answer, at)
      checkRun?.observe(answer, at)
    })
    await checkRun?.complete(result)
    await report(result, progress.changes, {
      offerLabel: `${settings.publisherId}/${settings.offerId}`,
      targetStatuses: settings.targetStatuses,
      writeSummary: settings.writeSummary,
      failOnTimeout: settings.failOnTimeout,
      checkRunId: checkRun?.id
    })
  } catch (error) {
    // A defect, not bad input or a service answer: still leave every output and a reason.
    await reportEarlyEnd(
      `unexpected error: ${error instanceof Error ? error.message : error}`,
      startedAt
    )
  } finally {
    connection?.close()
    cancellation.dispose()
  }
}

interface Connection {
  client: CppClient
  close(): void
}

/** The status client with its credential; throws an InputError for a sign-in that cannot work. */
function connect(settings: Settings, secrets: Secrets): Connection {
  const signInSession = new HttpSession(settings.requestTimeoutMs)
  const apiSession = new HttpSession(settings.requestTimeoutMs)
  const credential = createCredential(settings.signIn, {
    session: signInSession,
    now: Date.now,
    mask: secrets.add,
    getIDToken: audience => core.getIDToken(audience),
    env: process.env
  })
  return {
    client: new CppClient({ ...settings, credential, session: apiSession, redact: secrets.redact }),
    close: () => {
      apiSession.dispose()
      signInSession.dispose()
    }
  }
}

/** The check run, or none (with a warning) when it cannot even be set up: it never decides the step. */
async function openCheckRun(
  settings: Settings,
  changes: StatusChange[]
): Promise<CheckRun | undefined> {
  const { name, githubToken } = settings.checkRun as NonNullable<Settings['checkRun']>
  return startCheckRun(
    {
      name,
      offerLabel: `${settings.publisherId}/${settings.offerId}`,
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
  client: CppClient,
  signal: AbortSignal,
  onAnswer: (answer: StatusAnswer, at: number) => void
): Promise<WaitResult> {
  core.info(
    `Waiting for offer ${settings.publisherId}/${settings.offerId} to reach ` +
      `${settings.targetStatuses.join(' or ')}` +
      (settings.timeoutMs > 0
        ? ` (timeout ${formatDuration(settings.timeoutMs)})`
        : ' (one look)') +
      ` at ${settings.baseUrl}, signed in with ${SIGN_IN_NAMES[settings.signIn.kind]}`
  )
  const result = await waitForStatus(
    { ...settings, signal },
    {
      fetchStatus: s => client.getOfferStatus(s),
      now: Date.now,
      sleep,
      random: Math.random,
      onAnswer
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

interface ReportContext {
  offerLabel: string
  targetStatuses: string[]
  writeSummary: boolean
  failOnTimeout: boolean
  checkRunId?: number
}

async function report(
  result: WaitResult,
  changes: StatusChange[],
  context: ReportContext
): Promise<void> {
  const elapsedMs = result.endedAt - result.startedAt
  const outputs = actionOutputs({ ...result, elapsedMs, checkRunId: context.checkRunId })
  for (const [name, value] of Object.entries(outputs)) {
    core.setOutput(name, value)
  }
  if (context.writeSummary) await writeSummary(result, changes, context)

  // Bad input never reached the service: its message stands alone.
  const line =
    result.polls === 0
      ? result.reason
      : `${result.outcome}: ${result.reason} (${result.polls} polls in ${formatDuration(elapsedMs)})`
  if (result.outcome === 'success' || (result.outcome === 'timeout' && !context.failOnTimeout)) {
    core.info(`Result: ${line}`)
  } else {
    core.setFailed(line)
  }
}

async function writeSummary(
  result: WaitResult,
  changes: StatusChange[],
  context: ReportContext
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('No job summary: GITHUB_STEP_SUMMARY is not set.')
    return
  }
  const markdown = renderSummary({ ...context, result, changes })
  try {
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    core.warning(
      `Could not write the job summary: ${error instanceof Error ? error.message : error}`
    )
  }
}

/** An end before any wait (bad input, or a defect): outputs, summary and a failed step all the same. */
function reportEarlyEnd(reason: string, startedAt: number): Promise<void> {
  const result = { outcome: 'error', reason, polls: 0, startedAt, endedAt: Date.now() } as const
  return report(result, [], {
    offerLabel: offerLabelFromInputs(),
    targetStatuses: [],
    writeSummary: !/^false$/i.test(core.getInput('summary').trim()),
    failOnTimeout: true
  })
}

function offerLabelFromInputs(): string {
  const label = `${core.getInput('publisher-id')}/${core.getInput('offer-id')}`
  return label.length > 120 ? `${label.slice(0, 120)}…` : label
}
