import type { PublishStep, Snapshot } from '../../status/snapshot.js'
import { sameStatus } from '../../status/statuses.js'
import { field, list, record, text } from '../json-fields.js'
import { readErrors } from './read-errors.js'
import { stepStatusOf } from './vocabulary.js'

interface Submission {
  id: string
  target: 'preview' | 'live'
  status: string
  result: string
  /** Epoch ms; NaN when absent or unreadable. */
  created: number
  /** Its place in the answer: the tie-break when `created` says nothing. */
  order: number
  errors: unknown
}

const SUBMISSIONS_READ = 1_000
const ID_CHARS = 200

/**
 * An offer's state from its preview and live submissions (`GET /submission/{guid}`),
 * drafts ignored, by these rules in order:
 * 1. one that is `notStarted` or `running` → Running;
 * 2. else, when the newest by `created` failed → Failed;
 * 3. else, a succeeded preview whose id differs from every live one's →
 *    WaitingForPublisherReview (preview ready, waiting for go-live);
 * 4. else, a succeeded live → Succeeded;
 * 5. no preview or live submission → NeverPublished.
 * Anything else (a result still pending) reads as Running.
 */
export function readSubmissions(body: Record<string, unknown>, productId: string): Snapshot {
  const submissions = list(field(body, 'value'))
    .slice(0, SUBMISSIONS_READ)
    .map(readSubmission)
    .filter((s): s is Submission => s !== undefined)
  const { status, about } = offerState(submissions)
  const previews = submissions.filter(s => s.target === 'preview')
  const lives = submissions.filter(s => s.target === 'live')
  const steps: PublishStep[] = []
  if (previews.length > 0 || lives.length === 0) steps.push(step('preview', newest(previews)))
  steps.push(step('live', newest(lives)))
  return {
    status,
    steps,
    messages: about ? readErrors(about.errors) : [],
    previewLinks: [],
    liveLinks: [],
    productId,
    submissionId: about?.id ?? ''
  }
}

function offerState(submissions: Submission[]): { status: string; about?: Submission } {
  const inFlight = submissions.filter(s => isOneOf(s.status, 'notStarted', 'running'))
  if (inFlight.length > 0) return { status: 'Running', about: newest(inFlight) }
  const last = newest(submissions)
  if (!last) return { status: 'NeverPublished' }
  if (sameStatus(last.result, 'failed')) return { status: 'Failed', about: last }
  const succeeded = submissions.filter(s => isCompleted(s) && sameStatus(s.result, 'succeeded'))
  const liveIds = new Set(submissions.filter(s => s.target === 'live').map(s => s.id))
  const preview = newest(succeeded.filter(s => s.target === 'preview' && !liveIds.has(s.id)))
  if (preview) return { status: 'WaitingForPublisherReview', about: preview }
  const live = newest(succeeded.filter(s => s.target === 'live'))
  if (live) return { status: 'Succeeded', about: live }
  return { status: 'Running', about: last }
}

function readSubmission(value: unknown, order: number): Submission | undefined {
  const item = record(value)
  const targetType = text(field(record(field(item, 'target')), 'targetType')).toLowerCase()
  if (targetType !== 'preview' && targetType !== 'live') return undefined
  return {
    id: text(field(item, 'id')).slice(0, ID_CHARS),
    target: targetType,
    status: text(field(item, 'status')),
    result: text(field(item, 'result')),
    created: Date.parse(text(field(item, 'created'))),
    order,
    errors: field(item, 'errors')
  }
}

/** The newest by `created`, then by place in the answer. */
function newest(submissions: Submission[]): Submission | undefined {
  const key = (s: Submission): number => (Number.isNaN(s.created) ? -Infinity : s.created)
  return submissions.reduce<Submission | undefined>(
    (best, s) =>
      !best || key(s) > key(best) || (key(s) === key(best) && s.order > best.order) ? s : best,
    undefined
  )
}

function step(target: 'preview' | 'live', submission: Submission | undefined): PublishStep {
  return {
    id: target,
    name: target === 'preview' ? 'Preview' : 'Live',
    description: submission?.id ?? '',
    status: submission ? stepStatusOf(submission.status, submission.result) : 'NotStarted',
    progress: null,
    estimatedTimeFrame: '',
    messages: []
  }
}

function isCompleted(submission: Submission): boolean {
  return sameStatus(submission.status, 'completed')
}

function isOneOf(value: string, ...names: string[]): boolean {
  return names.some(name => sameStatus(value, name))
}
