import { quote } from '../../http/policy.js'
import type { Look, StatusSource } from '../../status/source.js'
import type { ApiConnection } from '../contract.js'
import type { Failure } from '../get-json.js'
import { getPagedList } from '../paged-list.js'
import { clip } from '../../text.js'
import { field, record, text } from '../json-fields.js'
import { readSubmissions } from './read-submissions.js'
import { asProductId } from './product-id.js'
import { apiUrl, wordsFor } from './request.js'

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
    const answer = await getPagedList(
      this.connection,
      apiUrl(this.connection, `submission/${encodeURIComponent(guid)}`),
      wordsFor(`no product ${quote(this.productId)} is visible to this app`),
      'submission list',
      signal
    )
    if (answer.kind !== 'ok') return answer
    return { kind: 'ok', snapshot: readSubmissions({ value: answer.items }, this.productId) }
  }

  /** The one product whose external id is the offer id, in any case; else why not. */
  private async findProduct(
    signal?: AbortSignal
  ): Promise<Failure | { kind: 'ok'; productId: string }> {
    const answer = await getPagedList(
      this.connection,
      apiUrl(this.connection, 'product', { externalId: this.offerId }),
      wordsFor(`no product has the external id ${quote(this.offerId)}`),
      'product list',
      signal
    )
    if (answer.kind !== 'ok') return answer
    const products = answer.items.map(record)
    const wanted = this.offerId.toLowerCase()
    const matching = products.filter(product => externalIdOf(product).toLowerCase() === wanted)
    const fail = (problem: string): Failure => ({
      kind: 'final',
      problem: this.connection.redact(`${answer.answered}: ${problem}`)
    })
    if (matching.length > 1) {
      return fail(
        `${matching.length} products have the external id ${quote(this.offerId)} (${matching
          .slice(0, 5)
          .map(product => text(field(product, 'id')).slice(0, 80))
          .join(', ')}); give the product id (product/<guid>) instead`
      )
    }
    const [product] = matching
    if (!product) {
      return fail(
        `no product has the external id ${quote(this.offerId)} (Partner Center's "Offer ID")${foundInstead(products)}`
      )
    }
    const productId = asProductId(text(field(product, 'id')))
    if (productId) return { kind: 'ok', productId }
    return fail(
      `the product with the external id ${quote(this.offerId)} has an id that is not product/<guid>: ${quote(text(field(product, 'id')))}`
    )
  }
}

// The external id sits under `identity` in the API's answers; some clients read it flat.
function externalIdOf(product: Record<string, unknown>): string {
  return (
    text(field(record(field(product, 'identity')), 'externalId')) ||
    text(field(product, 'externalId'))
  )
}

// What the service listed instead: a gate must know it was given another offer's.
function foundInstead(products: Record<string, unknown>[]): string {
  if (products.length === 0) return ''
  const ids = products
    .slice(0, 5)
    .map(product => quote(clip(externalIdOf(product) || '(none)', 80)))
    .join(', ')
  const more = products.length > 5 ? ` and ${products.length - 5} more` : ''
  return `; the service listed ${products.length === 1 ? 'one product' : `${products.length} products`} with the external id ${ids}${more}`
}
