// The report of a step that ended before any wait (bad input, or a defect before the
// settings were read): outputs, summary and a failed step all the same.
import { readBoolean } from '../inputs/boolean.js'
import type { InputReader } from '../inputs/input-reader.js'
import { endResult, waitingResult } from '../status/result.js'
import { reportResult, type ReportContext, type ReportTo } from './report-result.js'

/** An end before any wait (bad input): outputs, summary and a failed step all the same. */
export function reportEarlyEnd(
  input: InputReader,
  reason: string,
  startedAt: number,
  to: ReportTo
): Promise<void> {
  const waiting = waitingResult({ id: '', label: earlyLabel(input) }, reason, startedAt)
  return reportResult([endResult(waiting, 'error', reason, Date.now())], earlyContext(input), to)
}

// What the inputs say, when the settings could not be read from them.
export function earlyLabel(input: InputReader): string {
  const [publisherId, offerId, jobId] = ['publisher-id', 'offer-id', 'job-id'].map(name =>
    (input(name) ?? '').trim()
  )
  const label = jobId
    ? `configure job ${jobId}`
    : `offer ${[publisherId, offerId].filter(Boolean).join('/')}`
  return label.length > 120 ? `${label.slice(0, 120)}…` : label
}

export function earlyContext(input: InputReader): ReportContext {
  return {
    targetStatuses: [],
    writeSummary: summaryAsked(input),
    failOnTimeout: true
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
