// The Partner Center ingestion API's answers in the common vocabulary: a product's
// submissions (the newest by releaseNumber), a submission's workflow steps, its failed
// validations and its certification reports. Field names are read in any case and an
// unknown value is carried through, never read as one of ours.
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
  failureReason: string
  releaseNumber: number
  autoPromote: boolean
}

const SUBMISSIONS_READ = 1_000
const STEPS_READ = 100
const MESSAGES_READ = 50
const ID_CHARS = 200
const TEXT_CHARS = 1_000

/** The newest submission by `releaseNumber` (then the later in the list); none if none. */
export function newestSubmission(items: unknown[]): Submission | undefined {
  let newest: Submission | undefined
  for (const item of items.slice(0, SUBMISSIONS_READ)) {
    const submission = readSubmission(record(item))
    if (submission && (!newest || submission.releaseNumber >= newest.releaseNumber)) {
      newest = submission
    }
  }
  return newest
}

function readSubmission(body: Record<string, unknown>): Submission | undefined {
  const id = clip(text(field(body, 'id')), ID_CHARS)
  if (!id) return undefined
  const pending = record(field(body, 'pendingUpdateInfo'))
  const release = Number(text(field(body, 'releaseNumber')))
  return {
    id,
    state: clip(text(field(body, 'state')), ID_CHARS),
    substate: clip(text(field(body, 'substate')), ID_CHARS),
    pending: clip(text(field(pending, 'status')), ID_CHARS),
    failureReason: clip(text(field(pending, 'failureReason')), TEXT_CHARS),
    releaseNumber: Number.isFinite(release) ? release : Number.NEGATIVE_INFINITY,
    autoPromote: field(record(field(body, 'publishOption')), 'isAutoPromote') === true
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

/** Whether the submission's reports and validations say why: read once on such a change. */
export function saysWhy(submission: Submission): boolean {
  return ['Failed', 'FailedInCertification', 'ReadyToPublish'].some(name =>
    sameStatus(submission.substate, name)
  )
}

/** The steps of every workflow of `/workflowdetails`, preview's first, in order. */
export function readWorkflowSteps(body: Record<string, unknown>, canceled: boolean): PublishStep[] {
  const workflows = list(field(body, 'value')).map(record)
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

/** The validations of severity Error or Warning, as messages. */
export function readValidations(items: unknown[]): StatusMessage[] {
  return items
    .slice(0, MESSAGES_READ)
    .map(record)
    .flatMap(item => {
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
}

/** Each certification report as a message with its link: a Failed one as an error. */
export function readReports(items: unknown[]): StatusMessage[] {
  return items
    .slice(0, MESSAGES_READ)
    .map(record)
    .map(item => {
      const status = clip(text(field(item, 'status')), 60) || 'Unknown'
      const time = clip(text(field(item, 'reportTimeInUtc')), 60)
      const uri = clip(text(field(item, 'fileUri')), TEXT_CHARS)
      return {
        html: `Certification report ${status}${time ? ` (${time})` : ''}${uri ? `: ${uri}` : ''}`,
        level: sameStatus(status, 'Failed') ? 'error' : 'information',
        timestamp: time
      }
    })
}

/** The snapshot of a product from its newest submission and what was read about it. */
export function productSnapshot(
  productId: string,
  submission: Submission | undefined,
  steps: PublishStep[],
  why: { validations: StatusMessage[]; reports: StatusMessage[] }
): Snapshot {
  const messages = [...why.validations]
  if (submission?.failureReason) {
    messages.unshift({ html: submission.failureReason, level: 'error', timestamp: '' })
  }
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
    productId,
    submissionId: submission?.id ?? ''
  }
}
