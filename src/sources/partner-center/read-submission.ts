// The Partner Center ingestion API's answers in the common vocabulary: a product's
// submissions (the newest of them), a submission's workflow steps, its failed
// validations and its certification reports. Field names are read in any case and an
// unknown value is carried through, never read as one of ours.
import { portalUrlOf } from '../dashboard-link.js'
import { ownLink } from '../../status/links.js'
import type { PublishStep, Snapshot, StatusMessage } from '../../status/snapshot.js'
import { sameStatus } from '../../status/statuses.js'
import { clip } from '../../text.js'
import { field, list, record, text } from '../json-fields.js'

export interface Submission {
  id: string
  state: string
  substate: string
  /** `pendingUpdateInfo.status`: Running, Failed, Completed, Cancelled, … */
  pending: string
  /** `pendingUpdateInfo.href`: where the service says to look when it failed. */
  pendingHref: string
  failureReason: string
  autoPromote: boolean
  /** What orders submissions, where the service gave it. */
  releaseNumber?: number
  idNumber?: bigint
  publishedAt?: number
  /** Its place in the list. */
  order: number
}

/** Where a link of the service may point to be shown as one: its hosts and Azure Blob Storage. */
export const OWN_HOSTS = [
  'api.partner.microsoft.com',
  'partner.microsoft.com',
  '*.blob.core.windows.net'
]

const SUBMISSIONS_READ = 1_000
const STEPS_READ = 100
const MESSAGES_READ = 50
const ID_CHARS = 200
const TEXT_CHARS = 1_000
// `publishedTimeInUtc` of a submission never published.
const NEVER = Date.UTC(1700, 0, 1)

/**
 * The newest submission: the highest `releaseNumber`; where two tie (every submission
 * of a product never published is release 1) or one has none, the higher id (a number
 * that grows), then the later publishing time, and only then the later in the list. A
 * missing key never ranks a submission below another: it is not compared.
 */
export function newestSubmission(items: unknown[]): Submission | undefined {
  let newest: Submission | undefined
  items.slice(0, SUBMISSIONS_READ).forEach((item, order) => {
    const submission = readSubmission(record(item), order)
    if (submission && (!newest || isNewer(submission, newest))) newest = submission
  })
  return newest
}

/** The listed submission of this id: one promoted, followed whether or not it is the newest. */
export function submissionWithId(items: unknown[], id: string): Submission | undefined {
  let found: Submission | undefined
  items.slice(0, SUBMISSIONS_READ).forEach((item, order) => {
    const submission = readSubmission(record(item), order)
    if (submission?.id === id) found ??= submission
  })
  return found
}

function isNewer(a: Submission, b: Submission): boolean {
  for (const key of ['releaseNumber', 'idNumber', 'publishedAt'] as const) {
    const [x, y] = [a[key], b[key]]
    if (x !== undefined && y !== undefined && x !== y) return x > y
  }
  return a.order > b.order
}

function readSubmission(body: Record<string, unknown>, order: number): Submission | undefined {
  const id = clip(text(field(body, 'id')), ID_CHARS)
  if (!id) return undefined
  const pending = record(field(body, 'pendingUpdateInfo'))
  const release = field(body, 'releaseNumber')
  const releaseNumber = typeof release === 'string' && release.trim() ? Number(release) : release
  const published = Date.parse(text(field(body, 'publishedTimeInUtc')).slice(0, 40))
  return {
    id,
    state: clip(text(field(body, 'state')), ID_CHARS),
    substate: clip(text(field(body, 'substate')), ID_CHARS),
    pending: clip(text(field(pending, 'status')), ID_CHARS),
    pendingHref: clip(text(field(pending, 'href')), TEXT_CHARS),
    failureReason: clip(text(field(pending, 'failureReason')), TEXT_CHARS),
    autoPromote: field(record(field(body, 'publishOption')), 'isAutoPromote') === true,
    ...(typeof releaseNumber === 'number' && Number.isFinite(releaseNumber) && { releaseNumber }),
    ...(/^\d{1,30}$/.test(id) && { idNumber: BigInt(id) }),
    ...(published > NEVER && { publishedAt: published }),
    order
  }
}

/** The submission's state as an offer status, by the mapping of the design. */
export function submissionStatus(submission: Submission | undefined): string {
  if (!submission) return 'NeverPublished'
  const { state, substate, pending } = submission
  const is = (value: string, ...names: string[]) => names.some(name => sameStatus(value, name))
  if (is(substate, 'Failed', 'FailedInCertification') || is(pending, 'Failed')) return 'Failed'
  if (is(substate, 'Cancelled') || is(pending, 'Cancelled') || is(state, 'Cancelled')) {
    return 'Canceled'
  }
  if (is(substate, 'InStore')) return 'Succeeded'
  if (is(substate, 'ReadyToPublish')) {
    // Promoted by itself: it goes on without the publisher.
    return submission.autoPromote && is(state, 'InProgress')
      ? 'Running'
      : 'WaitingForPublisherReview'
  }
  if (is(substate, 'InDraft')) return is(pending, 'Running') ? 'Running' : 'NotStarted'
  if (is(substate, 'Submitted', 'Publishing', 'Published')) return 'Running'
  if (substate === '') return state === '' ? '' : `Unknown (${clip(state, 60)})`
  return `Unknown (${clip(substate, 60)})`
}

/**
 * Whether the submission's validations and reports say why: it failed (in its
 * substate, or only in `pendingUpdateInfo`), or it is ready for go-live.
 */
export function saysWhy(submission: Submission): boolean {
  return (
    ['Failed', 'FailedInCertification', 'ReadyToPublish'].some(name =>
      sameStatus(submission.substate, name)
    ) || sameStatus(submission.pending, 'Failed')
  )
}

// The workflows in the order publishing goes: preview first, then live, then any other.
const WORKFLOW_ORDER = ['preview', 'live']

/** The steps of every workflow of `/workflowdetails`: Preview's first, then Live's, in order. */
export function readWorkflowSteps(body: Record<string, unknown>, canceled: boolean): PublishStep[] {
  const rank = (workflow: Record<string, unknown>): number => {
    const at = WORKFLOW_ORDER.indexOf(text(field(workflow, 'targetEnvironment')).toLowerCase())
    return at < 0 ? WORKFLOW_ORDER.length : at
  }
  const workflows = list(field(body, 'value'))
    .map(record)
    .map((workflow, index) => ({ workflow, index }))
    .sort((a, b) => rank(a.workflow) - rank(b.workflow) || a.index - b.index)
    .map(({ workflow }) => workflow)
  const steps: PublishStep[] = []
  for (const workflow of workflows) {
    const environment = clip(text(field(workflow, 'targetEnvironment')), ID_CHARS)
    for (const step of list(field(workflow, 'workflowSteps')).map(record)) {
      if (steps.length >= STEPS_READ) return steps
      const name = clip(text(field(step, 'name')), ID_CHARS)
      const state = clip(text(field(step, 'state')), ID_CHARS)
      steps.push({
        id: `${environment || 'workflow'}/${name || steps.length}`.toLowerCase(),
        name: environment && workflows.length > 1 ? `${name} (${environment})` : name,
        description: '',
        status: stepStatus(name, state, canceled),
        progress: null,
        estimatedTimeFrame: '',
        messages: []
      })
    }
  }
  return steps
}

function stepStatus(name: string, state: string, canceled: boolean): string {
  if (sameStatus(state, 'NotStarted') || state === '') return 'NotStarted'
  if (sameStatus(state, 'Success')) return 'Complete'
  if (sameStatus(state, 'InProgress')) {
    return /publisher\s*sign-?off/i.test(name) ? 'WaitingForPublisherReview' : 'InProgress'
  }
  return canceled ? 'Canceled' : 'Rejected'
}

/**
 * The validations of severity Error, then Warning, as messages: every one is read
 * before the cap, so that an error listed after many informational ones still counts.
 */
export function readValidations(items: unknown[]): StatusMessage[] {
  const messages = items.map(record).flatMap(item => {
    const severity = text(field(item, 'severity'))
    const level = sameStatus(severity, 'Error')
      ? 'error'
      : sameStatus(severity, 'Warning')
        ? 'warning'
        : undefined
    if (!level) return []
    const code = text(field(item, 'errorCode'))
    const resource = text(field(item, 'resource'))
    const said = text(field(item, 'message')) || '(no message)'
    return [
      {
        html: clip(
          `Validation ${code ? `${code}: ` : ''}${said}${resource ? ` (${resource})` : ''}`,
          TEXT_CHARS
        ),
        level,
        timestamp: ''
      }
    ]
  })
  return worstFirst(messages).slice(0, MESSAGES_READ)
}

/** Each certification report as a message with its link: a Failed one an error, listed first. */
export function readReports(items: unknown[]): StatusMessage[] {
  const reports = items.map(record).map((item): StatusMessage => {
    const status = clip(text(field(item, 'status')), 60) || 'Unknown'
    const time = clip(text(field(item, 'reportTimeInUtc')), 60)
    const uri = text(field(item, 'fileUri'))
    const link = ownLink(uri, OWN_HOSTS)
    return {
      html: `Certification report ${status}${time ? ` (${time})` : ''}${
        uri && !link ? `: ${clip(uri, TEXT_CHARS)}` : ''
      }`,
      level: sameStatus(status, 'Failed') ? 'error' : 'information',
      timestamp: time,
      ...(link && { link })
    }
  })
  return worstFirst(reports).slice(0, MESSAGES_READ)
}

function worstFirst(messages: StatusMessage[]): StatusMessage[] {
  const rank = (message: StatusMessage) => ['error', 'warning'].indexOf(message.level) >>> 0
  return messages
    .map((message, index) => ({ message, index }))
    .sort((a, b) => rank(a.message) - rank(b.message) || a.index - b.index)
    .map(({ message }) => message)
}

/** What was read about a submission: its validations, its reports, what could not be read. */
export interface Why {
  validations: StatusMessage[]
  reports: StatusMessage[]
  /** Warnings: what could not be read, and that it is read again at the next change. */
  unread: string[]
}

/** The snapshot of a product from its newest submission and what was read about it. */
export function productSnapshot(
  productId: string,
  submission: Submission | undefined,
  steps: PublishStep[],
  why: Why
): Snapshot {
  const messages: StatusMessage[] = [
    ...(submission?.failureReason
      ? [{ html: submission.failureReason, level: 'error', timestamp: '' }]
      : []),
    ...why.validations,
    ...why.unread.map(html => ({ html, level: 'warning', timestamp: '' }))
  ]
  // A report belongs to the certification step (else the last): the step table shows it.
  const certification = steps.find(step => /certif/i.test(step.name)) ?? steps.at(-1)
  if (certification) certification.messages.push(...why.reports)
  else messages.push(...why.reports)
  return {
    status: submissionStatus(submission),
    steps,
    messages,
    previewLinks: [],
    liveLinks: [],
    safeLinks: [],
    productId,
    submissionId: submission?.id ?? '',
    ...portalUrlOf(productId)
  }
}
