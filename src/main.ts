import * as core from '@actions/core'
import { InputError } from './inputs/input-error.js'
import { runnerInputs } from './inputs/input-reader.js'
import type { CheckRun } from './report/check-run.js'
import { earlyContext, earlyLabel, reportEarlyEnd } from './report/early-end.js'
import { runnerLog } from './report/log.js'
import {
  reportCheckRunId,
  reportResult,
  type ReportContext,
  type ReportTo
} from './report/report-result.js'
import { readSettings, type Settings } from './settings.js'
import { secretsOfRun } from './sign-in/secrets.js'
import { connect, type Connection } from './sources/connect.js'
import { endResult, waitingResult, type TargetResult } from './status/result.js'
import { handOnTracks, openCheckRun, openTracks, waitForTracks, type Track } from './tracks.js'
import { abortOnSignals } from './wait/cancellation.js'

// After the deadline, the check run still gets at least this long to be completed.
const CHECK_RUN_GRACE_MS = 2_500

/** inputs -> settings -> status sources -> waits -> results -> outputs, summary, check run. */
export async function run(): Promise<void> {
  const startedAt = Date.now()
  const input = runnerInputs(process.env)
  // Masked before anything else can print them, even an error about another input.
  const secrets = secretsOfRun(input, process.env, core.setSecret)
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
      settings = readSettings(input, process.env)
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      await reportEarlyEnd(input, error.message, startedAt, to)
      return
    }
    connection = connect(
      {
        signIn: settings.signIn,
        scope: settings.api.scope,
        baseUrl: settings.baseUrl,
        apiVersion: settings.apiVersion,
        timeoutMs: settings.timeoutMs,
        requestTimeoutMs: settings.requestTimeoutMs
      },
      secrets,
      cancellation.signal,
      startedAt,
      process.env
    )

    tracks = openTracks(settings, connection, log)
    context = reportContext(settings)
    checkRun = settings.checkRun ? await openCheckRun(settings, tracks, log, startedAt) : undefined
    const results = await waitForTracks(
      settings,
      tracks,
      connection,
      cancellation.signal,
      log,
      startedAt,
      checkRun
    )
    for (const track of tracks) track.progress.close()
    // The next run first: whether it started decides the outcome.
    const chain = await handOnTracks(
      settings,
      results,
      checkRun,
      secrets.redact,
      cancellation.signal
    )
    // Outputs and summary before any other GitHub call can hold them: the runner may
    // cancel the job meanwhile. The check run's id, an output too, follows once known.
    const checkRunId = checkRun?.id
    await reportResult(results, { ...context, checkRunId, ...(chain && { chain }) }, to)
    const checkRunEnd = Date.now() + checkRunBudget(settings, startedAt)
    if (checkRun && checkRunId === undefined) {
      await checkRun.created(checkRunEnd - Date.now(), cancellation.signal)
      reportCheckRunId(checkRun.id, to)
    }
    await checkRun?.complete(checkRunEnd - Date.now(), cancellation.signal, chain)
  } catch (error) {
    // A defect, not bad input or a service answer: still leave every output, the last
    // status seen, a reason, and a completed check run.
    const reason = `unexpected error: ${error instanceof Error ? error.message : error}`
    const unread = waitingResult({ id: '', label: earlyLabel(input) }, reason, startedAt)
    const known: TargetResult[] = tracks.length > 0 ? tracks.map(track => track.result) : [unread]
    const failed = known.map(result => endResult(result, 'error', reason, Date.now()))
    await reportResult(
      failed,
      { ...(context ?? earlyContext(input)), checkRunId: checkRun?.id },
      to
    )
    await checkRun?.complete(CHECK_RUN_GRACE_MS)
  } finally {
    connection?.close()
    cancellation.dispose()
  }
}

// What is left to the deadline and one request timeout, and a few seconds at least.
function checkRunBudget(settings: Settings, startedAt: number): number {
  const endBy = startedAt + settings.timeoutMs + settings.requestTimeoutMs
  return Math.max(CHECK_RUN_GRACE_MS, endBy - Date.now())
}

function reportContext(settings: Settings): ReportContext {
  return {
    targetStatuses: settings.targetStatuses,
    writeSummary: settings.writeSummary,
    failOnTimeout: settings.failOnTimeout
  }
}
