// The report of a step that ended before any wait (bad input, or a defect before the
// step could be built): outputs, summary and a failed step all the same.
import { readBoolean } from '../inputs/boolean.js'
import type { InputReader } from '../inputs/input-reader.js'
import { endResult, waitingResult } from '../status/result.js'
import { reportResult, type ReportStep, type ReportTo } from './report-result.js'

/** An end before any wait, for the targets `label` names: outputs, summary and a failed step. */
export function reportEarlyEnd(
  label: string,
  reason: string,
  step: ReportStep,
  to: ReportTo,
  now: number
): Promise<void> {
  const waiting = waitingResult({ id: '', label }, reason, step.wait.startedAt)
  return reportResult([endResult(waiting, 'error', reason, now)], step, to)
}

/** What a report needs of a step whose inputs could not be read: their plain reading. */
export function earlyStep(input: InputReader, runUrl: string, startedAt: number): ReportStep {
  return {
    rules: { targetStatuses: [], failOnStatuses: [], failOnStepStatuses: [] },
    writeSummary: summaryAsked(input),
    failOnTimeout: true,
    wait: { startedAt, deadline: startedAt },
    runUrl
  }
}

// As the settings read it; a value they would refuse still gets the summary that says so.
function summaryAsked(input: InputReader): boolean {
  try {
    return readBoolean('summary', (input('summary') ?? '').trim() || 'true')
  } catch {
    return true
  }
}
