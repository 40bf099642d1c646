import { quote } from '../../http/policy.js'
import type { ApiConnection, Look, StatusSource } from '../../status/source.js'
import { getJsonObject, type Failure } from '../get-json.js'
import { field, list, record, text } from '../json-fields.js'
import { readSubmissions } from './read-submissions.js'
import { apiUrl, serviceWords } from './request.js'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** `product/<guid>` for a product id given as such or as its bare guid; else undefined. */
export function asProductId(id: string): string | undefined {
  const guid = id.replace(/^product\//i, '')
  return GUID.test(guid) ? `product/${guid.toLowerCase()}` : undefined
}

/**
 * An offer, from its submissions (`GET /submission/{guid}`). An external id (Partner
 * Center's "Offer ID") is resolved to its product id once, at the first look.
 */
export class OfferSubmissionsSource implements StatusSource {
  private productId: string | undefined

  constructor(
    private readonly connection: ApiConnection,
    private readonly offerId: string
  ) {
    this.productId = asProductId(offerId)
  }

  async look(signal?: AbortSignal): Promise<Look> {
    if (this.productId === undefined) {
      const found = await this.findProduct(signal)
      if (found.kind !== 'ok') return found
      this.productId = found.productId
    }
    const guid = this.productId.slice('product/'.length)
    const answer = await getJsonObject(
      this.connection,
      apiUrl(this.connection, `submission/${encodeURIComponent(guid)}`),
      serviceWords(`no product ${quote(this.productId)} is visible to this app`),
      'a submission list',
      signal
    )
    if (answer.kind !== 'ok') return answer
    return { kind: 'ok', snapshot: readSubmissions(answer.object, this.productId) }
  }

  private async findProduct(
    signal?: AbortSignal
  ): Promise<Failure | { kind: 'ok'; productId: string }> {
    const notFound = `no product has the external id ${quote(this.offerId)} (Partner Center's "Offer ID")`
    const answer = await getJsonObject(
      this.connection,
      apiUrl(this.connection, 'product', { externalId: this.offerId }),
      serviceWords(notFound),
      'a product list',
      signal
    )
    if (answer.kind !== 'ok') return answer
    const products = list(field(answer.object, 'value')).map(record)
    const externalId = (p: Record<string, unknown>): string =>
      text(field(p, 'externalId')) || text(field(record(field(p, 'identity')), 'externalId'))
    const product = products.find(p => externalId(p) === this.offerId) ?? products[0]
    const productId = asProductId(text(product && field(product, 'id')))
    if (productId) return { kind: 'ok', productId }
    return {
      kind: 'final',
      problem: this.connection.redact(
        products.length === 0
          ? `${answer.answered}: ${notFound}`
          : `${answer.answered} with a product whose id is not product/<guid>: ${quote(JSON.stringify(product))}`
      )
    }
  }
}
