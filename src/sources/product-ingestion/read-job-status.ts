import { portalUrlOf } from '../dashboard-link.js'
import { GUID_PATTERN } from '../../inputs/ids.js'
import type { PublishStep, Snapshot } from '../../status/snapshot.js'
import { field, list, record, text } from '../json-fields.js'
import { readErrors } from './read-errors.js'
import { oddResult, offerStatusOf, stepStatusOf } from './vocabulary.js'

/**
 * A configure job's status (`GET /configure/{jobId}/status`) in the common vocabulary
 * (vocabulary.ts): `notStarted` → NotStarted, `running` → Running, `completed` with
 * `jobResult` `succeeded`/`failed`/`cancelled` → Succeeded/Failed/Canceled. Field names
 * in any case: the docs' own sample spells `jobID`.
 */
export function readJobStatus(body: Record<string, unknown>, jobId: string): Snapshot {
  const jobStatus = text(field(body, 'jobStatus'))
  const jobResult = text(field(body, 'jobResult'))
  const status = offerStatusOf(jobStatus, jobResult)
  const odd = oddResult(jobStatus, jobResult)
  const errors = [
    ...(odd ? [{ html: `The job ${odd}.`, level: 'error', timestamp: '' }] : []),
    ...readErrors(field(body, 'errors'))
  ]
  const step: PublishStep = {
    id: 'configure-job',
    name: 'Configure job',
    description: `configure job ${text(field(body, 'jobId')) || jobId}`,
    status: stepStatusOf(jobStatus, jobResult),
    progress: null,
    estimatedTimeFrame: '',
    messages: [],
    ...startOf(text(field(body, 'jobStart')))
  }
  const ids = idsNamed(body)
  return {
    status,
    steps: [step],
    messages: errors,
    previewLinks: [],
    liveLinks: [],
    safeLinks: [],
    productId: ids.productId,
    submissionId: ids.submissionId,
    ...portalUrlOf(ids.productId.replace(/^product\//, ''))
  }
}

// `0001-01-01T00:00:00` and the docs' own `2022-03-01-preview2T…` say nothing.
const EARLIEST_START = Date.UTC(2020, 0, 1)

/** The job's start, when `jobStart` is a real time. */
function startOf(jobStart: string): { startedAt?: number } {
  const text = jobStart.slice(0, 40)
  // Date.parse takes `42` for the year 2042: only an ISO date and time is a start.
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) ? Date.parse(text) : NaN
  return Number.isFinite(at) && at >= EARLIEST_START ? { startedAt: at } : {}
}

const PRODUCT_ID = new RegExp(`\\bproduct/(${GUID_PATTERN})\\b`, 'i')
const SUBMISSION_ID = new RegExp(`\\bsubmission/(${GUID_PATTERN})/(\\d{1,20})\\b`, 'i')
const SCANNED_CHARS = 2_000

/** The product and submission a job names, where its status says (resources, errors). */
function idsNamed(body: Record<string, unknown>): { productId: string; submissionId: string } {
  const places = [
    text(field(body, 'resourceUri')),
    ...list(field(body, 'resources')).flatMap(resource => [
      text(field(record(resource), 'id')),
      text(field(record(resource), 'product'))
    ]),
    ...list(field(body, 'errors')).map(error => text(field(record(error), 'resourceId')))
  ].map(place => place.slice(0, SCANNED_CHARS))
  let submission: RegExpExecArray | null = null
  let product: RegExpExecArray | null = null
  for (const place of places) {
    submission ??= SUBMISSION_ID.exec(place)
    product ??= PRODUCT_ID.exec(place)
  }
  const guid = product?.[1] ?? submission?.[1]
  return {
    productId: guid ? `product/${guid.toLowerCase()}` : '',
    submissionId: submission ? `submission/${submission[1]?.toLowerCase()}/${submission[2]}` : ''
  }
}
