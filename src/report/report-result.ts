import * as core from '@actions/core'
import { formatDuration } from '../inputs/duration.js'
import type { WaitResult } from '../wait/wait-for-status.js'
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

/** Outputs, the job summary, and the step's success or failure. */
export async function reportResult(
  result: WaitResult,
  changes: StatusChange[],
  context: ReportContext
): Promise<void> {
  const elapsedMs = result.endedAt - result.startedAt
  const outputs = actionOutputs({
    ...result,
    id: context.id,
    elapsedMs,
    checkRunId: context.checkRunId
  })
  for (const [name, value] of Object.entries(outputs)) {
    core.setOutput(name, value)
  }
  if (context.writeSummary) await writeSummary(result, changes, context)

  // Bad input never reached the service: its message stands alone.
  const line =
    result.polls === 0
      ? result.reason
      : `${result.outcome}: ${result.reason} (${result.polls} ${result.polls === 1 ? 'poll' : 'polls'} in ${formatDuration(elapsedMs)})`
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
