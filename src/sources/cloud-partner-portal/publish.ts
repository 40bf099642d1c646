// The Cloud Partner Portal's publishing requests: `POST …/offers/{offerId}/publish` (the
// draft to preview) and `…/golive` (the preview to live). Each answers 202 with the
// operation it started in `Location` (`Operation-Location` for some), which the wait
// then follows.
import { header } from '../../http/http-session.js'
import { quote } from '../../http/policy.js'
import type { PublishAnswer, PublishKind } from '../../status/publishing.js'
import type { ApiConnection } from '../contract.js'
import { serviceWords } from '../get-json.js'
import { sendRequest } from '../send-request.js'

const PATHS: Record<PublishKind, string> = { preview: 'publish', live: 'golive' }

const WORDS = serviceWords('the Cloud Partner Portal', {
  audience: 'https://cloudpartner.azure.com',
  addedTo: 'to the publisher in Partner Center (owner or contributor)',
  hints: {
    400: 'only one operation of an offer can run at a time, and one may be under way (see it in Partner Center); else the offer is not ready for this request',
    403: 'the app lacks rights to this publisher: it must be an owner or a contributor',
    404: 'the service knows no such offer of this publisher',
    409: 'only one operation of an offer can run at a time, and one is under way: wait for it, or cancel it in Partner Center',
    422: 'the offer failed validation: fix what Partner Center shows, then publish again'
  }
})

// An operation's id, and the query the service may add (`api-version`).
const OPERATION = /^\/[\w.$~%-]{1,200}(?:\?[\w.$~%=&-]{0,200})?$/

/**
 * The path of an operation of this offer (`{offerPath}/operations/{id}`, or
 * `/api/operations/{id}` as the service names those of offers not yet migrated), if
 * `value` names one on this API's own host; else undefined.
 */
export function operationPath(
  value: string,
  baseUrl: string,
  offerPath: string
): string | undefined {
  const relative = value.startsWith(`${baseUrl}/`) ? value.slice(baseUrl.length) : value
  const under = [`${offerPath}/operations`, '/api/operations'].find(root =>
    relative.toLowerCase().startsWith(`${root.toLowerCase()}/`)
  )
  if (!under || relative.includes('..')) return undefined
  return OPERATION.test(relative.slice(under.length)) ? relative : undefined
}

/** Sends the publish or go-live request of one offer. */
export async function sendPublish(
  connection: ApiConnection,
  offerPath: string,
  kind: PublishKind,
  signal?: AbortSignal
): Promise<PublishAnswer> {
  const url = `${connection.baseUrl}${offerPath}/${PATHS[kind]}?api-version=${encodeURIComponent(connection.apiVersion)}`
  // No body: the notification e-mails are Partner Center's seller contact for every
  // migrated offer, and clients that send none (mash) are taken.
  const answer = await sendRequest(connection, 'POST', url, undefined, WORDS, signal)
  if (answer.kind !== 'taken') return answer.kind === 'lost' ? { ...answer, about: '' } : answer
  const location =
    header(answer.answer, 'location') ?? header(answer.answer, 'operation-location') ?? ''
  const path = operationPath(location.trim(), connection.baseUrl, offerPath)
  if (!path) {
    return {
      kind: 'lost',
      about: '',
      problem: `${answer.answered} without an operation to follow (Location ${location ? quote(location) : 'absent'})`
    }
  }
  const id = path.replace(/\?.*$/, '').split('/').at(-1) ?? ''
  return {
    kind: 'taken',
    ref: path,
    label: `operation ${id}`,
    about: '',
    answered: answer.answered
  }
}
