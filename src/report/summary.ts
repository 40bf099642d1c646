import { formatDuration } from '../inputs/duration.js'
import { quietSince } from '../status/quiet.js'
import { WORST_FIRST, type TargetResult } from '../status/result.js'
import {
  currentStep,
  noteworthyMessages,
  type Snapshot,
  type StatusMessage
} from '../status/snapshot.js'
import type { Step } from '../status/step.js'
import { brief, escapeMarkdown } from '../text.js'
import { utcTime } from '../utc-time.js'
import { OUTCOME_ICON } from './icons.js'
import { cell, fitToLimit, link, messageLink, sentence } from './markdown.js'
import { stepTable } from './step-table.js'
import { ganttChart } from './timeline.js'
import { chainLinks, phaseRows } from './wait-story.js'

/** What a summary shows of its step: the targets, the run and the runs of the wait. */
export type SummaryStep = Pick<Step, 'rules' | 'runUrl' | 'chain'>

// GitHub refuses a step summary over 1 MiB; stay well under it whatever the server sends.
export const SUMMARY_BYTE_LIMIT = 1_000_000
// A check run's output summary holds 65,535 characters; bytes are never fewer.
export const CHECK_SUMMARY_BYTE_LIMIT = 65_535
const MAX_CHANGE_ROWS = 100
const MAX_LINKS = 20
const MAX_MESSAGES = 20
const MESSAGE_CHARS = 2_000
const LINK_LABEL_CHARS = 80

/** What each section of an offer's or job's summary reads. */
interface SummaryView {
  result: TargetResult
  step: SummaryStep
  /** Heading level: 2 alone, 3 as a section of a report on several. */
  level: 2 | 3
  /** The gantt chart: drawn in the job summary, left out of the check run. */
  timeline: boolean
}

type Section = (view: SummaryView) => string[]

// In the order a publisher reads on day two: what it is, what to do, how far along,
// why, then the history and the fine print. A new section is one function here.
const SECTIONS: Section[] = [
  heading,
  nextAction,
  outcome,
  stall,
  handedOn,
  timeline,
  ({ result }) => stepTable(result),
  messages,
  identifiers,
  ({ result }) => phaseRows(result),
  changes,
  links,
  footer
]

export interface SummaryOptions {
  level?: 2 | 3
  byteLimit?: number
  timeline?: boolean
}

/**
 * One offer's or job's summary as markdown: its sections in order, cut to the limit.
 * Every piece of server text is escaped.
 */
export function renderSummary(
  result: TargetResult,
  step: SummaryStep,
  { level = 2, byteLimit = SUMMARY_BYTE_LIMIT, timeline = true }: SummaryOptions = {}
): string {
  const view = { result, step, level, timeline }
  return fitToLimit(SECTIONS.flatMap(section => section(view)).join('\n'), byteLimit)
}

function heading({ result, level }: SummaryView): string[] {
  const status = result.snapshot?.status ? `: ${cell(result.snapshot.status)}` : ''
  return [
    `${'#'.repeat(level)} ${OUTCOME_ICON[result.outcome]} Marketplace ${cell(result.label)}${status}`,
    ''
  ]
}

// What a person must do for the wait to end well, before anything else.
function showsNextAction(result: TargetResult): result is TargetResult & { nextAction: string } {
  return Boolean(result.nextAction) && result.outcome !== 'success'
}

function nextAction({ result }: SummaryView): string[] {
  if (!showsNextAction(result)) return []
  const portal = result.snapshot?.portalUrl
  return [
    `> 👉 **Next:** ${sentence(capitalized(result.nextAction))}` +
      (portal ? ` ${link(portal, 'Open the offer in Partner Center')}.` : ''),
    ''
  ]
}

function outcome({ result }: SummaryView): string[] {
  // The next action, said right above, is not said again at the end of the reason.
  const told = showsNextAction(result) ? `: ${result.nextAction}` : ''
  const reason =
    told && result.reason.endsWith(told) ? result.reason.slice(0, -told.length) : result.reason
  return [
    result.outcome === 'waiting'
      ? `**Waiting**: ${sentence(reason)}`
      : `**Outcome: ${result.outcome}**: ${sentence(reason)}`,
    ''
  ]
}

function stall({ result }: SummaryView): string[] {
  const undecided = ['waiting', 'handed-off', 'timeout'].includes(result.outcome)
  const quiet = undecided ? quietSince(result, result.endedAt) : undefined
  if (quiet === undefined) return []
  return [
    `**Nothing has moved since ${utcTime(quiet)} UTC** (${formatDuration(result.endedAt - quiet)}): publishing may have stalled.`,
    ''
  ]
}

function handedOn({ result, step }: SummaryView): string[] {
  const next = step.chain?.nextRunUrl
  if (result.outcome !== 'handed-off' || !next) return []
  return [`**The wait goes on in ${link(next, 'the next run')}.**`, '']
}

function timeline(view: SummaryView): string[] {
  return view.timeline ? ganttChart(view.result) : []
}

function messages({ result }: SummaryView): string[] {
  const notes = result.snapshot ? noteworthyMessages(result.snapshot) : []
  if (notes.length === 0) return []
  return [
    '### Messages',
    '',
    ...notes.slice(0, MAX_MESSAGES).map(({ step, message }) => {
      const where = step ? ` (${cell(step)})` : ''
      return `- **${message.level}**${where}: ${escapeMarkdown(brief(message.html, MESSAGE_CHARS))}${messageLink(message)}`
    }),
    ...(notes.length > MAX_MESSAGES ? [`- _${notes.length - MAX_MESSAGES} more not shown_`] : []),
    ''
  ]
}

function identifiers({ result }: SummaryView): string[] {
  const offer = result.snapshot
  if (!offer?.productId && !offer?.submissionId) return []
  return [
    [
      offer.productId && `**Product:** ${cell(offer.productId)}`,
      offer.submissionId && `**Submission:** ${cell(offer.submissionId)}`,
      offer.portalUrl && link(offer.portalUrl, 'Partner Center')
    ]
      .filter(Boolean)
      .join(' · '),
    ''
  ]
}

function changes({ result }: SummaryView): string[] {
  if (result.changes.length === 0) return []
  const shown = result.changes.slice(-MAX_CHANGE_ROWS)
  // Handed from run to run, each change names the run that saw it.
  const byRun = result.changes.some(change => change.run !== undefined)
  const note = `_${result.changes.length - shown.length} earlier changes not shown_`
  return [
    '### Status changes',
    '',
    byRun ? '| Time (UTC) | Run | Change |' : '| Time (UTC) | Change |',
    byRun ? '|---|---|---|' : '|---|---|',
    ...(shown.length < result.changes.length ? [byRun ? `| | | ${note} |` : `| | ${note} |`] : []),
    ...shown.map(change => {
      const run = byRun ? ` ${change.run ? `#${change.run}` : ''} |` : ''
      return `| ${utcTime(change.at)} |${run} ${cell(change.text)} |`
    }),
    ''
  ]
}

function links({ result }: SummaryView): string[] {
  const offer = result.snapshot
  const lines: string[] = []
  // Only links the API vouches for are clickable; the rest of what it sent is text.
  const safe = new Set(offer?.safeLinks ?? [])
  for (const [title, values] of [
    ['Preview links', offer?.previewLinks ?? []],
    ['Live links', offer?.liveLinks ?? []]
  ] as const) {
    if (values.length > 0)
      lines.push(
        `**${title}:** ${values
          .slice(0, MAX_LINKS)
          .map(value => (typeof value === 'string' && safe.has(value) ? link(value) : inert(value)))
          .join(' · ')}`,
        ''
      )
  }
  const reports = offer ? linkedMessages(offer) : []
  if (reports.length > 0) {
    lines.push(
      `**Links:** ${reports
        .slice(0, MAX_LINKS)
        .map(message => link(message.link, brief(message.html, LINK_LABEL_CHARS)))
        .join(' · ')}`,
      ''
    )
  }
  return lines
}

function footer({ result, step }: SummaryView): string[] {
  return [
    `<sub>${result.polls} ${result.polls === 1 ? 'poll' : 'polls'} in ${formatDuration(result.endedAt - result.startedAt)}` +
      ` · target: ${step.rules.targetStatuses.map(cell).join(', ') || '(none)'}` +
      ` · ${result.outcome === 'waiting' ? 'updated' : 'ended'} ${utcTime(result.endedAt)} UTC` +
      (step.runUrl ? ` · ${link(step.runUrl, 'workflow run')}` : '') +
      (step.chain ? ` · ${chainLinks(step.chain)}` : '') +
      '</sub>',
    ''
  ]
}

/**
 * The summary of a step that waited for one offer or job, or for several: then an
 * overview with a row each (what a person reads first), and a section each, every
 * section cut to a fair share of what the limit leaves.
 */
export function renderReport(
  results: readonly TargetResult[],
  step: SummaryStep,
  { byteLimit = SUMMARY_BYTE_LIMIT, timeline = true }: Omit<SummaryOptions, 'level'> = {}
): string {
  const [only] = results
  if (results.length === 1 && only) return renderSummary(only, step, { byteLimit, timeline })
  const outcomes = results.map(result => result.outcome)
  const counts = (Object.keys(OUTCOME_ICON) as TargetResult['outcome'][])
    .map(outcome => [outcome, outcomes.filter(o => o === outcome).length] as const)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count} ${outcome === 'waiting' ? 'waiting' : outcome}`)
  const overview = [
    `## ${OUTCOME_ICON[worstShown(outcomes)]} Marketplace: ${results.length} offers or jobs (${counts.join(', ')})`,
    '',
    ...nextActions(results),
    '| | Offer or job | Status | Current step | Reason | Polls |',
    '|---|---|---|---|---|---|',
    ...results.map(result => {
      const step = result.snapshot && currentStep(result.snapshot)
      return [
        '',
        OUTCOME_ICON[result.outcome],
        cell(result.label),
        cell(result.snapshot?.status || '(none)'),
        cell(step?.name ?? ''),
        cell(result.reason),
        String(result.polls),
        ''
      ]
        .join(' | ')
        .trim()
    }),
    '',
    ''
  ].join('\n')
  const share = Math.floor((byteLimit - Buffer.byteLength(overview)) / results.length)
  return fitToLimit(
    overview +
      results
        .map(result => renderSummary(result, step, { level: 3, byteLimit: share, timeline }))
        .join('\n'),
    byteLimit
  )
}

// Who waits for a person, at the top of a report on several: each says what in its section.
function nextActions(results: readonly TargetResult[]): string[] {
  const waiting = results.filter(showsNextAction)
  if (waiting.length === 0) return []
  return [
    `> 👉 **Next:** ${waiting.map(result => cell(result.label)).join(', ')} ${waiting.length === 1 ? 'waits' : 'wait'} for you: see below.`,
    ''
  ]
}

// As the wait's own order, with a wait still going counted worse than a success.
function worstShown(outcomes: TargetResult['outcome'][]): TargetResult['outcome'] {
  const order = [...WORST_FIRST.slice(0, -1), 'waiting' as const, 'success' as const]
  return order.find(outcome => outcomes.includes(outcome)) ?? 'success'
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

// Every message of the offer and its steps that has a link, each link once.
function linkedMessages(snapshot: Snapshot): (StatusMessage & { link: string })[] {
  const seen = new Set<string>()
  return [...snapshot.messages, ...snapshot.steps.flatMap(step => step.messages)].filter(
    (message): message is StatusMessage & { link: string } =>
      message.link !== undefined && !seen.has(message.link) && Boolean(seen.add(message.link))
  )
}

// What the service sent, shown and never followed.
function inert(value: unknown): string {
  return cell(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))
}
