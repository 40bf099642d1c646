import type { Look, StatusSource } from '../../status/source.js'
import type { ApiConnection } from '../contract.js'
import { getJsonObject, serviceWords } from '../get-json.js'
import { readOfferStatus } from './read-offer-status.js'

const WORDS = serviceWords('the Cloud Partner Portal', {
  audience: 'https://cloudpartner.azure.com',
  addedTo: 'to the publisher in Partner Center',
  hints: { 403: 'the token lacks rights to this publisher' }
})

/** One offer's publishing status: `GET /api/publishers/{publisher}/offers/{offer}/status`. */
export class OfferStatusSource implements StatusSource {
  private readonly url: string

  constructor(
    private readonly connection: ApiConnection,
    publisherId: string,
    offerId: string
  ) {
    this.url =
      `${connection.baseUrl}/api/publishers/${encodeURIComponent(publisherId)}` +
      `/offers/${encodeURIComponent(offerId)}/status?api-version=${encodeURIComponent(connection.apiVersion)}`
  }

  async look(signal?: AbortSignal): Promise<Look> {
    const answer = await getJsonObject(this.connection, this.url, WORDS, 'an offer status', signal)
    if (answer.kind !== 'ok') return answer
    return { kind: 'ok', snapshot: readOfferStatus(answer.object) }
  }
}
