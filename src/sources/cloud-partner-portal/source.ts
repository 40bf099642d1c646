import type { PublishAnswer, PublishKind, PublishRequest } from '../../status/publishing.js'
import type { Snapshot } from '../../status/snapshot.js'
import type { Look, StatusSource } from '../../status/source.js'
import type { ApiConnection } from '../contract.js'
import { getJsonObject, serviceWords } from '../get-json.js'
import { list } from '../json-fields.js'
import { operationPath, sendPublish } from './publish.js'
import { readOfferStatus, readOperation } from './read-offer-status.js'

const WORDS = serviceWords('the Cloud Partner Portal', {
  audience: 'https://cloudpartner.azure.com',
  addedTo: 'to the publisher in Partner Center',
  hints: { 403: 'the token lacks rights to this publisher' }
})

/** A request this wait sent, followed: the operation it started. */
interface Started {
  kind: PublishKind
  /** Its path, as the service named it in `Location`. */
  path: string
}

/**
 * One offer's publishing status: `GET /api/publishers/{publisher}/offers/{offer}/status`;
 * once a publishing request was taken, the operation it started (`GET {Location}`).
 */
export class OfferStatusSource implements StatusSource {
  private readonly offerPath: string
  private started: Started | undefined

  constructor(
    private readonly connection: ApiConnection,
    publisherId: string,
    offerId: string,
    requests: readonly PublishRequest[] = []
  ) {
    this.offerPath = `/api/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}`
    this.started = startedBy(requests, connection.baseUrl, this.offerPath)
  }

  async look(signal?: AbortSignal): Promise<Look> {
    if (this.started) return this.lookAtOperation(this.started, signal)
    const url = `${this.connection.baseUrl}${this.offerPath}/status?api-version=${encodeURIComponent(this.connection.apiVersion)}`
    const answer = await getJsonObject(this.connection, url, WORDS, 'an offer status', signal)
    if (answer.kind !== 'ok') return answer
    return { kind: 'ok', snapshot: readOfferStatus(answer.object) }
  }

  async publish(kind: PublishKind, _seen: Snapshot, signal?: AbortSignal): Promise<PublishAnswer> {
    const answer = await sendPublish(this.connection, this.offerPath, kind, signal)
    if (answer.kind === 'taken') this.started = { kind, path: answer.ref }
    return answer
  }

  private async lookAtOperation(started: Started, signal?: AbortSignal): Promise<Look> {
    const separator = started.path.includes('?') ? '&' : '?'
    const url = /[?&]api-version=/.test(started.path)
      ? `${this.connection.baseUrl}${started.path}`
      : `${this.connection.baseUrl}${started.path}${separator}api-version=${encodeURIComponent(this.connection.apiVersion)}`
    const answer = await getJsonObject(
      this.connection,
      url,
      serviceWords('the Cloud Partner Portal', {
        audience: 'https://cloudpartner.azure.com',
        addedTo: 'to the publisher in Partner Center',
        hints: {
          403: 'the token lacks rights to this publisher',
          404: `the service knows no operation ${started.path.replace(/\?.*$/, '')}, which the ${started.kind} request started`
        }
      }),
      'an operation',
      signal,
      // The reference wraps its example operation in a list of one.
      json => (Array.isArray(json) && json.length === 1 ? list(json)[0] : json)
    )
    if (answer.kind !== 'ok') return answer
    return { kind: 'ok', snapshot: readOperation(answer.object, started.kind) }
  }
}

// The request to follow: the latest taken one whose operation path is one of this API's.
function startedBy(
  requests: readonly PublishRequest[],
  baseUrl: string,
  offerPath: string
): Started | undefined {
  let started: (Started & { at: number }) | undefined
  for (const request of requests) {
    const path = request.lost ? undefined : operationPath(request.ref, baseUrl, offerPath)
    if (path && (!started || request.at >= started.at)) {
      started = { kind: request.kind, path, at: request.at }
    }
  }
  return started && { kind: started.kind, path: started.path }
}
