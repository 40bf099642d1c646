// The table of a target's publishing steps in the summary and the check run.
import { formatDuration } from '../inputs/duration.js'
import { estimateWindowMs } from '../status/estimate.js'
import type { TargetResult } from '../status/result.js'
import type { PublishStep } from '../status/snapshot.js'
import { sameStatus } from '../status/statuses.js'
import { brief } from '../text.js'
import { utcTime } from '../utc-time.js'
import { stepIcon } from './icons.js'
import { CELL_CHARS, cell, messageLink } from './markdown.js'

const MAX_STEP_ROWS = 100

/**
 * The steps as a table: status with an icon, progress, time and the latest message, a
 * column no step fills left out; or why there is none.
 */
export function stepTable(result: TargetResult): string[] {
  const offer = result.snapshot
  if (!offer) return ['No status was read.', '']
  if (offer.steps.length === 0) return []
  const shown = offer.steps.slice(0, MAX_STEP_ROWS)
  // A column the API never fills (progress, estimates) is left out.
  const columns = STEP_COLUMNS.filter(
    column => column.always || shown.some(step => column.cell(step, result) !== '')
  )
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [
    row(columns.map(column => column.header)),
    `|${columns.map(() => '---').join('|')}|`,
    ...shown.map(step => row(columns.map(column => column.cell(step, result)))),
    ...(offer.steps.length > MAX_STEP_ROWS
      ? [
          row(
            columns.map((_, index) =>
              index === 1 ? `_${offer.steps.length - MAX_STEP_ROWS} more steps not shown_` : ''
            )
          )
        ]
      : []),
    ''
  ]
}

interface StepColumn {
  header: string
  /** Shown even when every cell is empty. */
  always?: boolean
  cell(step: PublishStep, result: TargetResult): string
}

const STEP_COLUMNS: StepColumn[] = [
  { header: '', always: true, cell: step => stepIcon(step.status) },
  { header: 'Step', always: true, cell: step => cell(step.name) },
  { header: 'Status', always: true, cell: step => cell(step.status || '(none)') },
  { header: 'Progress', cell: step => (step.progress === null ? '' : `${step.progress}%`) },
  { header: 'Time', cell: timeInStep },
  { header: 'Latest message', cell: latestMessage }
]

/**
 * A running step: how long so far against its estimate, and when the estimate says it
 * ends; another step: its estimate, if any.
 */
function timeInStep(step: PublishStep, result: TargetResult): string {
  const estimate = cell(step.estimatedTimeFrame)
  // The service's own start where it gives one within the wait's time; else when a look
  // first saw the step in this status.
  const started =
    step.startedAt !== undefined && step.startedAt <= result.endedAt ? step.startedAt : undefined
  const since = sameStatus(step.status, 'InProgress')
    ? (started ??
      result.phases.findLast(
        phase => phase.step === step.name && sameStatus(phase.status, step.status)
      )?.at)
    : undefined
  if (since === undefined) return estimate
  const spent = formatDuration(result.endedAt - since)
  const span = estimateWindowMs(step.estimatedTimeFrame)
  const at = (ms: number): string => utcTime(since + ms).slice(0, 16)
  if (!span) {
    return `${spent} so far, since ${at(0)} UTC` + (estimate ? ` (estimate ${estimate})` : '')
  }
  const due =
    span.from === 0 || span.from === span.to
      ? `by ${at(span.to)}`
      : `${at(span.from)} to ${at(span.to)}`
  const over = result.endedAt - since - span.to
  return (
    `${spent} of ${estimate}: due ${due} UTC` + (over > 0 ? `, ${formatDuration(over)} late` : '')
  )
}

function latestMessage(step: PublishStep): string {
  // An error says more than any later information.
  const latest =
    step.messages.findLast(message => message.level === 'error') ?? step.messages.at(-1)
  if (!latest) return ''
  const level = latest.level === 'warning' || latest.level === 'error' ? `${latest.level}: ` : ''
  return cell(`${level}${brief(latest.html, CELL_CHARS)}`) + messageLink(latest)
}
