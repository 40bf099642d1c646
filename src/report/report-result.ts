import { formatDuration } from '../inputs/duration.js'
import type { Toolkit } from '../runner/effects.js'
import type { EndedResult } from '../status/result.js'
import type { Step } from '../status/step.js'
import type { CheckRun } from './check-run.js'
import type { Log } from './log.js'
import { outputsOf } from './outputs.js'
import { renderReport } from './summary.js'

/** Where the report goes: the toolkit, the log, the secrets to cut out, the summary file. */
export interface ReportTo {
  core: Toolkit
  log: Log
  redact(text: string): string
  /** Whether the runner gave a job summary file (GITHUB_STEP_SUMMARY). */
  summaryFile: boolean
}

/** What a report reads of its step. */
export type ReportStep = Pick<
  Step,
  'rules' | 'writeSummary' | 'failOnTimeout' | 'wait' | 'runUrl' | 'chain'
>

const NAMED_IN_FAILURE = 5

/** Outputs, the job summary, and the step's success or failure. Never throws. */
export async function reportResult(
  results: readonly EndedResult[],
  step: ReportStep,
  to: ReportTo,
  checkRunId?: number
): Promise<void> {
  const { log } = to
  const elapsedMs = Math.max(0, Math.max(...results.map(r => r.endedAt)) - step.wait.startedAt)
  const [only] = results
  const { chain } = step
  const outputs = outputsOf(results, step, checkRunId)
  try {
    for (const [name, value] of Object.entries(outputs)) to.core.setOutput(name, to.redact(value))
  } catch (error) {
    // A gate that cannot read the outcome must not pass: the step fails, saying why.
    log.setFailed(`Could not write the outputs (GITHUB_OUTPUT): ${messageOf(error)}`)
  }
  if (step.writeSummary) await writeSummary(results, step, to)
  if (chain?.nextRunUrl) {
    log.info(`The wait goes on in run ${chain.runCount + 1} of it: ${chain.nextRunUrl}`)
  }

  // A wait handed on has not ended: its step stays green.
  const fails = (result: EndedResult): boolean =>
    !(
      result.outcome === 'success' ||
      result.outcome === 'handed-off' ||
      (result.outcome === 'timeout' && !step.failOnTimeout)
    )
  if (results.length === 1 && only) {
    const result = only
    // Bad input never reached the service: its message stands alone.
    const line =
      result.polls === 0
        ? result.reason
        : `${result.outcome}: ${result.reason} (${count(result.polls, 'poll')} in ${formatDuration(elapsedMs)})`
    if (fails(result)) log.setFailed(line)
    else log.info(`Result: ${line}`)
    return
  }
  for (const result of results) {
    log.info(
      `Result for ${result.label}: ${result.outcome}: ${result.reason} (${count(result.polls, 'poll')})`
    )
  }
  const failing = results.filter(fails)
  const worst = outputs.outcome ?? 'error'
  const total = `${count(
    results.reduce((sum, result) => sum + result.polls, 0),
    'poll'
  )} in ${formatDuration(elapsedMs)}`
  if (failing.length === 0) {
    log.info(`Result: ${worst}: all ${results.length} ended well (${total})`)
    return
  }
  const named = failing
    .slice(0, NAMED_IN_FAILURE)
    .map(result => `${result.label} ${result.outcome}: ${result.reason}`)
  const more =
    failing.length > NAMED_IN_FAILURE ? `; and ${failing.length - NAMED_IN_FAILURE} more` : ''
  log.setFailed(
    `${worst}: ${failing.length} of ${results.length} did not end well: ${named.join('; ')}${more} (${total})`
  )
}

/** The check run's id, once GitHub made it after the other outputs were written. */
/**
 * Completes the check run, its id an output as soon as it is known: waiting for GitHub
 * to create it never holds the step up past `endBy`, nor past a cancellation.
 */
export async function finishCheckRun(
  checkRun: CheckRun,
  reportedId: number | undefined,
  ending: { endBy: number; handedOn: boolean },
  to: ReportTo,
  cancelled: AbortSignal
): Promise<void> {
  let knownId = reportedId
  if (knownId === undefined) {
    await checkRun.created(ending.endBy, cancelled)
    knownId = checkRun.id
    reportCheckRunId(knownId, to)
  }
  await checkRun.complete(ending.endBy, ending.handedOn, cancelled)
  // Cancelled while it was being created: it is known once completed.
  if (knownId === undefined) reportCheckRunId(checkRun.id, to)
}

function reportCheckRunId(id: number | undefined, to: ReportTo): void {
  if (id === undefined) return
  try {
    to.core.setOutput('check-run-id', String(id))
  } catch (error) {
    to.log.warning(`Could not write the output check-run-id (GITHUB_OUTPUT): ${messageOf(error)}`)
  }
}

function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`
}

async function writeSummary(
  results: readonly EndedResult[],
  step: ReportStep,
  { core, log, redact, summaryFile }: ReportTo
): Promise<void> {
  if (!summaryFile) {
    log.info('No job summary: GITHUB_STEP_SUMMARY is not set.')
    return
  }
  const markdown = redact(renderReport(results, step))
  try {
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    log.warning(`Could not write the job summary (GITHUB_STEP_SUMMARY): ${messageOf(error)}`)
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
