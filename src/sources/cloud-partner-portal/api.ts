import { listed, readId, readIdList } from '../../inputs/ids.js'
import { InputError } from '../../inputs/input-error.js'
import type { InputReader } from '../../inputs/input-reader.js'
import type { StatusApi, WaitTarget } from '../contract.js'
import { OfferStatusSource } from './source.js'

/** The legacy API, for products integrated before Partner Center. */
export const cloudPartnerPortal: StatusApi = {
  name: 'cloud-partner-portal',
  title: 'Cloud Partner Portal API',
  inputs: ['publisher-id', 'offer-id'],
  defaults: {
    'base-url': 'https://cloudpartner.azure.com',
    'api-version': '2017-10-31',
    interval: '30s'
  },
  apiVersion: { pattern: /^\d{4}-\d{2}-\d{2}(-preview)?$/, example: '2017-10-31' },
  scope: 'https://cloudpartner.azure.com/.default',
  leastSpacingMs: 0,
  readTargets(input: InputReader): WaitTarget[] {
    const publisherId = readId(input, 'publisher-id')
    const offerIds = readIdList(input, 'offer-id')
    if (offerIds.length === 0) throw new InputError('offer-id', 'is required and was empty')
    return offerIds.map(offerId => ({
      id: offerId,
      label: `offer ${publisherId}/${offerId}`,
      noun: 'offer',
      open: (connection, requests) =>
        new OfferStatusSource(connection, publisherId, offerId, requests)
    }))
  },
  describe: input =>
    `offer ${[listed(input('publisher-id')), listed(input('offer-id'))].filter(Boolean).join('/')}`
}
