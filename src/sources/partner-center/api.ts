// The Partner Center ingestion API v1: AppSource submissions, above all Dynamics 365
// Business Central apps (BcContainerHelper's New-AppSourceSubmission, AL-Go's "Deliver
// to AppSource").
import { isGuid, listed, readIdList, shown } from '../../inputs/ids.js'
import { InputError } from '../../inputs/input-error.js'
import type { InputReader } from '../../inputs/input-reader.js'
import type { StatusApi, WaitTarget } from '../contract.js'
import { lazySource } from '../lazy-source.js'

// A seller id is a positive whole number, and the service reads it as one.
const SELLER_ID = /^[1-9]\d{0,17}$/

export const partnerCenter: StatusApi = {
  name: 'partner-center',
  title: 'Partner Center ingestion API',
  inputs: ['offer-id', 'seller-id'],
  defaults: {
    'base-url': 'https://api.partner.microsoft.com/v1.0/ingestion',
    // The version is part of the path of base-url: nothing else is sent.
    'api-version': 'v1.0',
    interval: '1m'
  },
  apiVersion: { pattern: /^v1\.0$/, example: 'v1.0 (the version in base-url)' },
  scope: 'https://api.partner.microsoft.com/.default',
  leastSpacingMs: 0,
  publishRefusals: {
    preview:
      "its submissions are made with their package (AL-Go's Deliver to AppSource, New-AppSourceSubmission); 'publish: live' then pushes the ready one live"
  },
  readTargets(input: InputReader): WaitTarget[] {
    const sellerId = (input('seller-id') ?? '').trim()
    if (sellerId !== '' && !SELLER_ID.test(sellerId)) {
      throw new InputError('seller-id', `must be a positive whole number: ${shown(sellerId)}`)
    }
    const productIds = readIdList(input, 'offer-id', isGuid)
    if (productIds.length === 0) {
      throw new InputError(
        'offer-id',
        "is empty: give the app's product id in Partner Center (a guid)"
      )
    }
    const broken = productIds.find(id => !isGuid(id))
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
      open: (connection, requests) =>
        lazySource(async () => {
          const { ProductSubmissionSource } = await import('./source.js')
          return new ProductSubmissionSource(
            connection,
            productId.toLowerCase(),
            sellerId,
            requests
          )
        })
    }))
  },
  describe: input => `product ${listed(input('offer-id'))}`.trim()
}
