// The Product Ingestion API's publishing requests: `POST /configure` with one submission
// resource, to preview (the product's current draft, no id) or to live (the ready
// preview's id). The answer is a configure job, which the wait then follows.
import { quote } from '../../http/policy.js'
import { GUID_PATTERN } from '../../inputs/ids.js'
import type { PublishAnswer, PublishKind } from '../../status/publishing.js'
import type { ApiConnection } from '../contract.js'
import { field, record, text } from '../json-fields.js'
import { sendRequest } from '../send-request.js'
import { apiUrl, wordsFor } from './request.js'

const SCHEMA = 'https://schema.mp.microsoft.com/schema'
// The schema versions the clients that publish send: a later submission schema asks
// for fields (`sources`) a push to preview or live does not have.
const CONFIGURE_SCHEMA = `${SCHEMA}/configure/2022-03-01-preview2`
const SUBMISSION_SCHEMA = `${SCHEMA}/submission/2022-03-01-preview2`

/** What the service answered a configure request with: the job to follow. */
export const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/
/** A submission the API can push live: a product's, numbered, never the draft (`/0`). */
const PREVIEW_ID = new RegExp(`^submission/(${GUID_PATTERN})/([1-9]\\d{0,29})$`, 'i')

/** The body of a configure request that pushes `productId` to `kind`. */
export function configureBody(kind: PublishKind, productId: string, previewId: string): string {
  return JSON.stringify({
    $schema: CONFIGURE_SCHEMA,
    resources: [
      {
        $schema: SUBMISSION_SCHEMA,
        ...(kind === 'live' && { id: previewId }),
        product: productId,
        target: { targetType: kind }
      }
    ]
  })
}

/**
 * Sends the configure request: to preview, `about` is the newest preview before it; to
 * live, the preview to push, which must be a numbered submission of this product.
 */
export async function sendConfigure(
  connection: ApiConnection,
  kind: PublishKind,
  productId: string,
  about: string,
  signal?: AbortSignal
): Promise<PublishAnswer> {
  if (kind === 'live') {
    const preview = PREVIEW_ID.exec(about)
    if (!preview || `product/${preview[1]?.toLowerCase()}` !== productId) {
      return {
        kind: 'refused',
        problem: `the ready preview's id ${quote(about)} is not a submission of ${productId} that can go live; nothing was sent`
      }
    }
  }
  const answer = await sendRequest(
    connection,
    'POST',
    apiUrl(connection, 'configure'),
    configureBody(kind, productId, about),
    wordsFor(`the service does not know ${productId}`),
    signal
  )
  if (answer.kind !== 'taken') return answer.kind === 'lost' ? { ...answer, about } : answer
  let jobId = ''
  try {
    jobId = text(field(record(JSON.parse(answer.answer.body.replace(/^\uFEFF/, ''))), 'jobId'))
  } catch {
    // Taken, but what it started cannot be read: the status shows it or not.
  }
  if (!JOB_ID.test(jobId)) {
    return {
      kind: 'lost',
      about,
      problem: connection.redact(
        `${answer.answered} without a jobId to follow: ${quote(answer.answer.body)}`
      )
    }
  }
  return {
    kind: 'taken',
    ref: jobId,
    label: `configure job ${jobId}`,
    about,
    answered: answer.answered
  }
}
