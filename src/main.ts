import * as core from '@actions/core'
import { abortOnSignals, sleep } from './cancellation.js'
import { CppClient } from './cpp-client.js'
import { formatDuration } from './duration.js'
import { InputError } from './input-error.js'
import { actionOutputs } from './outputs.js'
import { ProgressLog, type StatusChange } from './progress-log.js'
import { readSettings, type Settings } from './settings.js'
import { renderSummary } from './summary.js'
import { waitForStatus, type WaitResult } from './wait-for-status.js'

/** inputs -> settings -> poll loop -> result -> outputs, summary, step status. */
export async function run(): Promise<void> {
  const startedAt = Date.now()
  // Masked before anything else can print it, even an error about another input.
  maskSecret(core.getInput('token'))
  const cancellation = abortOnSignals()
  try {
    let settings: Settings
    try {
      settings = readSettings(name => core.getInput(name))
    } catch (error) {
      const reason = error instanceof InputError ? error.message : String(error)
      const failed = { outcome: 'error', reason, polls: 0, startedAt, endedAt: Date.now() } as const
      await report(failed, [], {
        offerLabel: offerLabelFromInputs(),
        targetStatuses: [],
        writeSummary: !/^false$/i.test(core.getInput('summary').trim()),
        failOnTimeout: true
      })
      return
    }

    const result = await wait(settings, cancellation.signal)
    await report(result.result, result.changes, {
      offerLabel: `${settings.publisherId}/${settings.offerId}`,
      targetStatuses: settings.targetStatuses,
      writeSummary: settings.writeSummary,
      failOnTimeout: settings.failOnTimeout
    })
  } finally {
    cancellation.dispose()
  }
}

async function wait(
  settings: Settings,
  signal: AbortSignal
): Promise<{ result: WaitResult; changes: StatusChange[] }> {
  const client = new CppClient(settings)
  const progress = new ProgressLog(core)
  core.info(
    `Waiting for offer ${settings.publisherId}/${settings.offerId} to reach ` +
      `${settings.targetStatuses.join(' or ')}` +
      (settings.timeoutMs > 0
        ? ` (timeout ${formatDuration(settings.timeoutMs)})`
        : ' (one look)') +
      ` at ${settings.baseUrl}`
  )
  try {
    const result = await waitForStatus(
      { ...settings, signal },
      {
        fetchStatus: s => client.getOfferStatus(s),
        now: Date.now,
        sleep,
        random: Math.random,
        onAnswer: progress.observe
      }
    )
    if (result.outcome === 'cancelled' && signal.reason instanceof Error) {
      result.reason = `the wait was cancelled (${signal.reason.message})`
    }
    return { result, changes: progress.changes }
  } finally {
    client.dispose()
  }
}

interface ReportContext {
  offerLabel: string
  targetStatuses: string[]
  writeSummary: boolean
  failOnTimeout: boolean
}

async function report(
  result: WaitResult,
  changes: StatusChange[],
  context: ReportContext
): Promise<void> {
  const elapsedMs = result.endedAt - result.startedAt
  for (const [name, value] of Object.entries(actionOutputs({ ...result, elapsedMs }))) {
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

function maskSecret(value: string): void {
  const secret = value.trim()
  if (!secret) return
  core.setSecret(secret)
  const bare = secret.replace(/^bearer\s+/i, '')
  if (bare !== secret) core.setSecret(bare)
}

function offerLabelFromInputs(): string {
  const label = `${core.getInput('publisher-id')}/${core.getInput('offer-id')}`
  return label.length > 120 ? `${label.slice(0, 120)}…` : label
}
