// The Partner Center ingestion API's one publishing request: `POST …/submissions/{id}/
// promote`, which pushes a submission that is ready (Published / ReadyToPublish) live.
import { quote } from '../../http/policy.js'
import type { PublishAnswer, PublishKind } from '../../status/publishing.js'
import type { ApiConnection } from '../contract.js'
import { sendRequest } from '../send-request.js'
import { productUrl, wordsFor } from './request.js'

/** A submission id as the service writes them: a number. */
export const SUBMISSION_ID = /^\d{1,30}$/

export async function promote(
  connection: ApiConnection,
  productId: string,
  kind: PublishKind,
  submissionId: string,
  signal?: AbortSignal
): Promise<PublishAnswer> {
  if (kind !== 'live' || !SUBMISSION_ID.test(submissionId)) {
    return {
      kind: 'refused',
      problem: `submission ${quote(submissionId)} of product ${productId} is not one a promote can push live; nothing was sent`
    }
  }
  const words = wordsFor(`the service knows no submission ${quote(submissionId)} of this product`)
  const answer = await sendRequest(
    connection,
    'POST',
    productUrl(connection, productId, 'submissions', submissionId, 'promote'),
    // An empty object, as navcontainerhelper sends it.
    '{}',
    {
      ...words,
      hints: {
        ...words.hints,
        409: ': the submission is not ready to publish, or was promoted already (see it in Partner Center)'
      }
    },
    signal
  )
  if (answer.kind === 'lost') return { ...answer, about: submissionId }
  if (answer.kind !== 'taken') return answer
  return {
    kind: 'taken',
    ref: submissionId,
    label: `submission ${submissionId}`,
    about: submissionId,
    answered: answer.answered
  }
}
