import type { Look, StatusSource } from '../../status/source.js'
import type { ApiConnection } from '../contract.js'
import { getJsonObject, type ServiceWords } from '../get-json.js'
import { readOfferStatus } from './read-offer-status.js'

const WORDS: ServiceWords = {
  service: 'the Cloud Partner Portal',
  unauthorized: {
    renewed:
      'even to a new token: the app may not have been added to the publisher in Partner Center',
    given:
      'the token is expired or lacks rights (it must be an Entra ID token for https://cloudpartner.azure.com)'
  },
  hints: { 403: ': the token lacks rights to this publisher' }
}

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
