import { formatDuration } from '../inputs/duration.js'
import {
  currentStep,
  noteworthyMessages,
  type PublishStep,
  type Snapshot,
  type StatusMessage
} from '../status/snapshot.js'
import { brief, escapeMarkdown } from '../text.js'
import { CELL_CHARS, cell, fitToLimit, link, sentence, utcTime } from './markdown.js'
import { chainLinks, phaseRows } from './wait-story.js'
import { quietSince } from '../status/quiet.js'
import { WORST_FIRST, type TargetResult } from '../status/result.js'
import type { Step } from '../status/step.js'

/** What a summary shows of its step: the targets, the run and the runs of the wait. */
export type SummaryStep = Pick<Step, 'rules' | 'runUrl' | 'chain'>

// GitHub refuses a step summary over 1 MiB; stay well under it whatever the server sends.
export const SUMMARY_BYTE_LIMIT = 1_000_000
// A check run's output summary holds 65,535 characters; bytes are never fewer.
export const CHECK_SUMMARY_BYTE_LIMIT = 65_535
const MAX_STEP_ROWS = 100
const MAX_CHANGE_ROWS = 100
const MAX_LINKS = 20
const MAX_MESSAGES = 20
const MESSAGE_CHARS = 2_000
const LINK_LABEL_CHARS = 80

const OUTCOME_ICON: Record<TargetResult['outcome'], string> = {
  waiting: '⏳',
  success: '✅',
  failure: '❌',
  timeout: '⏱️',
  error: '⚠️',
  cancelled: '🚫',
  'handed-off': '⏭️'
}

// A Map: a step status is server text, and `constructor` must not find Object's.
const STEP_ICON = new Map(
  Object.entries({
    Complete: '✅',
    InProgress: '🔄',
    NotStarted: '⚪',
    WaitingForPublisherReview: '👀',
    WaitingForApproval: '⏸️',
    Blocked: '⛔',
    Rejected: '❌',
    Canceled: '🚫'
  })
)

/**
 * One offer's or job's summary as markdown (heading `level` 2 alone, 3 as a section of
 * a report on several). Every piece of server text is escaped.
 */
export function renderSummary(
  result: TargetResult,
  step: SummaryStep,
  { level = 2, byteLimit = SUMMARY_BYTE_LIMIT }: { level?: 2 | 3; byteLimit?: number } = {}
): string {
  const offer = result.snapshot
  const heading = offer?.status ? `: ${cell(offer.status)}` : ''
  const lines = [
    `${'#'.repeat(level)} ${OUTCOME_ICON[result.outcome]} Marketplace ${cell(result.label)}${heading}`,
    '',
    result.outcome === 'waiting'
      ? `**Waiting**: ${sentence(result.reason)}`
      : `**Outcome: ${result.outcome}**: ${sentence(result.reason)}`,
    ''
  ]
  if (result.nextAction && result.outcome !== 'success') {
    const next = result.nextAction
    lines.push(`**Next:** ${sentence(next.charAt(0).toUpperCase() + next.slice(1))}`, '')
  }
  const undecided = ['waiting', 'handed-off', 'timeout'].includes(result.outcome)
  const quiet = undecided ? quietSince(result, result.endedAt) : undefined
  if (quiet !== undefined) {
    lines.push(
      `**Nothing has moved since ${utcTime(quiet)} UTC** (${formatDuration(result.endedAt - quiet)}): publishing may have stalled.`,
      ''
    )
  }
  const next = step.chain?.nextRunUrl
  if (result.outcome === 'handed-off' && next) {
    lines.push(`**The wait goes on in ${link(next, 'the next run')}.**`, '')
  }

  if (offer && offer.steps.length > 0) {
    lines.push(
      '| | Step | Status | Progress | Estimate | Latest message |',
      '|---|---|---|---|---|---|'
    )
    for (const step of offer.steps.slice(0, MAX_STEP_ROWS)) lines.push(stepRow(step))
    if (offer.steps.length > MAX_STEP_ROWS) {
      lines.push(`| | _${offer.steps.length - MAX_STEP_ROWS} more steps not shown_ | | | | |`)
    }
    lines.push('')
  } else if (!offer) {
    lines.push('No status was read.', '')
  }

  const notes = offer ? noteworthyMessages(offer) : []
  if (notes.length > 0) {
    lines.push('### Messages', '')
    for (const { step, message } of notes.slice(0, MAX_MESSAGES)) {
      const where = step ? ` (${cell(step)})` : ''
      lines.push(
        `- **${message.level}**${where}: ${escapeMarkdown(brief(message.html, MESSAGE_CHARS))}${linkOf(message)}`
      )
    }
    if (notes.length > MAX_MESSAGES) lines.push(`- _${notes.length - MAX_MESSAGES} more not shown_`)
    lines.push('')
  }
  if (offer?.productId || offer?.submissionId) {
    lines.push(
      [
        offer.productId && `**Product:** ${cell(offer.productId)}`,
        offer.submissionId && `**Submission:** ${cell(offer.submissionId)}`
      ]
        .filter(Boolean)
        .join(' · '),
      ''
    )
  }

  lines.push(...phaseRows(result))

  if (result.changes.length > 0) {
    const shown = result.changes.slice(-MAX_CHANGE_ROWS)
    // Handed from run to run, each change names the run that saw it.
    const byRun = result.changes.some(change => change.run !== undefined)
    lines.push(
      '### Status changes',
      '',
      byRun ? '| Time (UTC) | Run | Change |' : '| Time (UTC) | Change |',
      byRun ? '|---|---|---|' : '|---|---|'
    )
    if (shown.length < result.changes.length) {
      const note = `_${result.changes.length - shown.length} earlier changes not shown_`
      lines.push(byRun ? `| | | ${note} |` : `| | ${note} |`)
    }
    for (const change of shown) {
      const run = byRun ? ` ${change.run ? `#${change.run}` : ''} |` : ''
      lines.push(`| ${utcTime(change.at)} |${run} ${cell(change.text)} |`)
    }
    lines.push('')
  }

  // Only links the API vouches for are clickable; the rest of what it sent is text.
  const safe = new Set(offer?.safeLinks ?? [])
  for (const [title, links] of [
    ['Preview links', offer?.previewLinks ?? []],
    ['Live links', offer?.liveLinks ?? []]
  ] as const) {
    if (links.length > 0)
      lines.push(
        `**${title}:** ${links
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

  lines.push(
    `<sub>${result.polls} ${result.polls === 1 ? 'poll' : 'polls'} in ${formatDuration(result.endedAt - result.startedAt)}` +
      ` · target: ${step.rules.targetStatuses.map(cell).join(', ') || '(none)'}` +
      ` · ${result.outcome === 'waiting' ? 'updated' : 'ended'} ${utcTime(result.endedAt)} UTC` +
      (step.runUrl ? ` · ${link(step.runUrl, 'workflow run')}` : '') +
      (step.chain ? ` · ${chainLinks(step.chain)}` : '') +
      '</sub>',
    ''
  )
  return fitToLimit(lines.join('\n'), byteLimit)
}

/**
 * The summary of a step that waited for one offer or job, or for several: then an
 * overview with a row each (what a person reads first), and a section each, every
 * section cut to a fair share of what the limit leaves.
 */
export function renderReport(
  results: readonly TargetResult[],
  step: SummaryStep,
  byteLimit = SUMMARY_BYTE_LIMIT
): string {
  const [only] = results
  if (results.length === 1 && only) return renderSummary(only, step, { byteLimit })
  const outcomes = results.map(result => result.outcome)
  const counts = (Object.keys(OUTCOME_ICON) as TargetResult['outcome'][])
    .map(outcome => [outcome, outcomes.filter(o => o === outcome).length] as const)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count} ${outcome === 'waiting' ? 'waiting' : outcome}`)
  const overview = [
    `## ${OUTCOME_ICON[worstShown(outcomes)]} Marketplace: ${results.length} offers or jobs (${counts.join(', ')})`,
    '',
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
      results.map(result => renderSummary(result, step, { level: 3, byteLimit: share })).join('\n'),
    byteLimit
  )
}

// As the wait's own order, with a wait still going counted worse than a success.
function worstShown(outcomes: TargetResult['outcome'][]): TargetResult['outcome'] {
  const order = [...WORST_FIRST.slice(0, -1), 'waiting' as const, 'success' as const]
  return order.find(outcome => outcomes.includes(outcome)) ?? 'success'
}

function stepRow(step: PublishStep): string {
  // An error says more than any later information.
  const latest =
    step.messages.findLast(message => message.level === 'error') ?? step.messages.at(-1)
  const message = latest ? brief(latest.html, CELL_CHARS) : ''
  const level =
    latest && (latest.level === 'warning' || latest.level === 'error') ? `${latest.level}: ` : ''
  return [
    '',
    STEP_ICON.get(step.status) ?? '❔',
    cell(step.name),
    cell(step.status || '(none)'),
    step.progress === null ? '' : `${step.progress}%`,
    cell(step.estimatedTimeFrame),
    cell(`${level}${message}`) + (latest ? linkOf(latest) : ''),
    ''
  ]
    .join(' | ')
    .trim()
}

// ` ([link](url))` after a message the API vouches a link for.
function linkOf(message: StatusMessage): string {
  return message.link ? ` (${link(message.link, 'link')})` : ''
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
