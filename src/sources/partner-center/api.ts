// The Partner Center ingestion API v1: AppSource submissions, above all Dynamics 365
// Business Central apps (BcContainerHelper's New-AppSourceSubmission, AL-Go's "Deliver
// to AppSource").
import { readIdList, shown } from '../../inputs/ids.js'
import { InputError } from '../../inputs/input-error.js'
import type { InputReader } from '../../inputs/input-reader.js'
import type { StatusApi, WaitTarget } from '../contract.js'
import { ProductSubmissionSource } from './source.js'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// A seller id is a positive whole number, and the service reads it as one.
const SELLER_ID = /^[1-9]\d{0,17}$/

export const partnerCenter: StatusApi = {
  name: 'partner-center',
  title: 'Partner Center ingestion API',
  defaults: {
    'base-url': 'https://api.partner.microsoft.com/v1.0/ingestion',
    // The version is part of the path of base-url: nothing else is sent.
    'api-version': 'v1.0',
    interval: '1m'
  },
  apiVersion: { pattern: /^v1\.0$/, example: 'v1.0 (the version in base-url)' },
  scope: 'https://api.partner.microsoft.com/.default',
  readTargets(input: InputReader): WaitTarget[] {
    for (const [name, instead] of [
      ['publisher-id', "the seller id goes in 'seller-id'"],
      ['job-id', "give the product ids in 'offer-id'"]
    ] as const) {
      if ((input(name) ?? '').trim() !== '') {
        throw new InputError(name, `is not taken by the Partner Center ingestion API: ${instead}`)
      }
    }
    const sellerId = (input('seller-id') ?? '').trim()
    if (sellerId !== '' && !SELLER_ID.test(sellerId)) {
      throw new InputError('seller-id', `must be a positive whole number: ${shown(sellerId)}`)
    }
    const productIds = readIdList(input, 'offer-id', id => GUID.test(id))
    if (productIds.length === 0) {
      throw new InputError(
        'offer-id',
        "is empty: give the app's product id in Partner Center (a guid)"
      )
    }
    const broken = productIds.find(id => !GUID.test(id))
    if (broken !== undefined) {
      throw new InputError(
        'offer-id',
        `has ${shown(broken)}, which is not a product id: the Partner Center ingestion API names a product by its guid (8-4-4-4-12 hex digits)`
      )
    }
    return productIds.map(productId => ({
      id: productId,
      label: `product ${productId}`,
      noun: 'product',
      open: connection => new ProductSubmissionSource(connection, productId.toLowerCase(), sellerId)
    }))
  }
}
