import { portalUrlOf } from '../dashboard-link.js'
import type { PublishStep, Snapshot } from '../../status/snapshot.js'
import { isStatusIn, OFFER_STATUSES, sameStatus } from '../../status/statuses.js'
import { field, list, record, text } from '../json-fields.js'
import { readErrors } from './read-errors.js'
import { offerStatusOf, stepStatusOf } from './vocabulary.js'

interface Submission {
  id: string
  target: 'preview' | 'live'
  status: string
  result: string
  /** Epoch ms; NaN when absent or unreadable. */
  created: number
  /** The number that ends its id (`submission/<guid>/<number>`), when it has one. */
  number?: bigint
  /** Its place in the answer: the last tie-break. */
  order: number
  errors: unknown
}

const SUBMISSIONS_READ = 1_000
const ID_CHARS = 200

/**
 * An offer's state from its preview and live submissions (`GET /submission/{guid}`),
 * drafts ignored. Only the newest of each target counts (an old failed live must not
 * fail a new preview), by these rules in order:
 * 1. one that is `notStarted` or `running`, or completed with a `pending` result → Running;
 * 2. else, when the newer of the two failed → Failed;
 * 3. else, a succeeded preview at least as new as the live one and of another id →
 *    WaitingForPublisherReview (preview ready, waiting for go-live);
 * 4. else, a succeeded live → Succeeded;
 * 5. no preview or live submission → NeverPublished.
 * An entry without a `status` is read from its `result` (a result is only written when
 * the submission has completed); an entry with neither says nothing and is left out.
 */
export function readSubmissions(body: Record<string, unknown>, productId: string): Snapshot {
  const submissions = list(field(body, 'value'))
    .slice(0, SUBMISSIONS_READ)
    .map(readSubmission)
    .filter((s): s is Submission => s !== undefined)
  const preview = newest(submissions.filter(s => s.target === 'preview'))
  const live = newest(submissions.filter(s => s.target === 'live'))
  const { status, about } = offerState(preview, live)
  const steps: PublishStep[] = []
  if (preview || !live) steps.push(step('preview', preview))
  // While a preview newer than the live version is the news, the live step is this
  // version's, not yet started: the previous version's "Complete" (or failure) is not
  // this publish's.
  const previousLive = about !== undefined && about === preview && live?.id !== about.id
  steps.push(step('live', previousLive ? undefined : live))
  return {
    status,
    steps,
    messages: about ? readErrors(about.errors) : [],
    previewLinks: [],
    liveLinks: [],
    safeLinks: [],
    productId,
    submissionId: about?.id ?? '',
    ...portalUrlOf(productId.replace(/^product\//, ''))
  }
}

/** What a publishing request is known by in the list: its kind, and what it was about. */
export interface StartedBy {
  kind: 'preview' | 'live'
  /** For a preview, the newest preview before it ('' when none); for a go-live, the preview. */
  about: string
}

/**
 * The list as far as what a request made goes: for a preview, the previews newer than
 * the one before it (an older one, ready or not, is not what was asked for); for a
 * go-live, the live submission that carries the preview's id. Undefined while the list
 * does not show it yet.
 */
export function madeBy(items: unknown[], request: StartedBy): unknown[] | undefined {
  const read = items.slice(0, SUBMISSIONS_READ).map((item, order) => ({
    item,
    submission: readSubmission(item, order)
  }))
  const before = numberOf(request.about)
  const made = (s: Submission): boolean =>
    request.kind === 'preview'
      ? s.target === 'preview' &&
        s.id !== request.about &&
        (before === undefined || s.number === undefined || s.number > before)
      : s.target === 'live' && s.id === request.about
  if (!read.some(({ submission }) => submission && made(submission))) return undefined
  return read
    .filter(
      ({ submission }) => submission && (submission.target !== request.kind || made(submission))
    )
    .map(({ item }) => item)
}

/** The id of the newest preview in the list, '' when there is none. */
export function newestPreviewId(items: unknown[]): string {
  const previews = items
    .slice(0, SUBMISSIONS_READ)
    .map(readSubmission)
    .filter((s): s is Submission => s?.target === 'preview')
  return newest(previews)?.id ?? ''
}

function numberOf(id: string): bigint | undefined {
  const number = /\/(\d{1,30})$/.exec(id)?.[1]
  return number === undefined ? undefined : BigInt(number)
}

function offerState(
  preview: Submission | undefined,
  live: Submission | undefined
): { status: string; about?: Submission } {
  const inFlight = newest([preview, live].filter(isInFlight))
  if (inFlight) return { status: 'Running', about: inFlight }
  const last = newest([preview, live])
  if (!last) return { status: 'NeverPublished' }
  if (sameStatus(last.result, 'failed')) return { status: 'Failed', about: last }
  if (preview && last === preview && succeeded(preview) && preview.id !== live?.id) {
    return { status: 'WaitingForPublisherReview', about: preview }
  }
  if (live && succeeded(live)) return { status: 'Succeeded', about: live }
  // Completed some other way (cancelled, an undocumented result); a state the API does
  // not document is still under way, as far as anyone can tell.
  const status = offerStatusOf(last.status, last.result)
  return { status: isStatusIn(status, OFFER_STATUSES) ? status : 'Running', about: last }
}

function readSubmission(value: unknown, order: number): Submission | undefined {
  const item = record(value)
  const targetType = text(field(record(field(item, 'target')), 'targetType')).toLowerCase()
  if (targetType !== 'preview' && targetType !== 'live') return undefined
  const result = text(field(item, 'result'))
  const status = text(field(item, 'status')) || statusFromResult(result)
  if (status === '') return undefined
  const id = text(field(item, 'id')).slice(0, ID_CHARS)
  return {
    id,
    target: targetType,
    status,
    result,
    created: Date.parse(text(field(item, 'created')).slice(0, 100)),
    number: numberOf(id),
    order,
    errors: field(item, 'errors')
  }
}

function statusFromResult(result: string): string {
  if (result === '') return ''
  return sameStatus(result, 'pending') ? 'running' : 'completed'
}

/**
 * The newest: by `created` where both have one, else by the number that ends the id
 * (they grow with each submission), else by place in the answer.
 */
function newest(submissions: (Submission | undefined)[]): Submission | undefined {
  return submissions.reduce<Submission | undefined>(
    (best, s) => (s && (!best || isNewer(s, best)) ? s : best),
    undefined
  )
}

function isNewer(a: Submission, b: Submission): boolean {
  if (!Number.isNaN(a.created) && !Number.isNaN(b.created) && a.created !== b.created) {
    return a.created > b.created
  }
  if (a.number !== undefined && b.number !== undefined && a.number !== b.number) {
    return a.number > b.number
  }
  return a.order > b.order
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

function isInFlight(submission: Submission | undefined): boolean {
  if (!submission) return false
  const { status, result } = submission
  return (
    sameStatus(status, 'notStarted') ||
    sameStatus(status, 'running') ||
    (sameStatus(status, 'completed') && (result === '' || sameStatus(result, 'pending')))
  )
}

function succeeded(submission: Submission): boolean {
  return sameStatus(submission.status, 'completed') && sameStatus(submission.result, 'succeeded')
}
