import * as core from '@actions/core'
import { formatDuration } from '../inputs/duration.js'
import type { WaitResult } from '../wait/wait-for-status.js'
import type { Log } from './log.js'
import { actionOutputs } from './outputs.js'
import type { StatusChange } from './progress-log.js'
import { renderSummary } from './summary.js'

export interface ReportContext {
  /** The id the user gave; none when the inputs could not be read. */
  id?: string
  label: string
  targetStatuses: string[]
  writeSummary: boolean
  failOnTimeout: boolean
  checkRunId?: number
}

/** Where the report goes: the log, and the secrets to cut out of what it writes. */
export interface ReportTo {
  log: Log
  redact(text: string): string
}

/** Outputs, the job summary, and the step's success or failure. Never throws. */
export async function reportResult(
  result: WaitResult,
  changes: StatusChange[],
  context: ReportContext,
  to: ReportTo
): Promise<void> {
  const { log } = to
  const elapsedMs = result.endedAt - result.startedAt
  const outputs = actionOutputs({
    ...result,
    id: context.id,
    elapsedMs,
    checkRunId: context.checkRunId
  })
  try {
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, to.redact(value))
  } catch (error) {
    // A gate that cannot read the outcome must not pass: the step fails, saying why.
    log.setFailed(`Could not write the outputs (GITHUB_OUTPUT): ${messageOf(error)}`)
  }
  if (context.writeSummary) await writeSummary(result, changes, context, to)

  // Bad input never reached the service: its message stands alone.
  const line =
    result.polls === 0
      ? result.reason
      : `${result.outcome}: ${result.reason} (${result.polls} ${result.polls === 1 ? 'poll' : 'polls'} in ${formatDuration(elapsedMs)})`
  if (result.outcome === 'success' || (result.outcome === 'timeout' && !context.failOnTimeout)) {
    log.info(`Result: ${line}`)
  } else {
    log.setFailed(line)
  }
}

async function writeSummary(
  result: WaitResult,
  changes: StatusChange[],
  context: ReportContext,
  { log, redact }: ReportTo
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    log.info('No job summary: GITHUB_STEP_SUMMARY is not set.')
    return
  }
  const markdown = redact(renderSummary({ ...context, result, changes }))
  try {
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    log.warning(`Could not write the job summary (GITHUB_STEP_SUMMARY): ${messageOf(error)}`)
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
