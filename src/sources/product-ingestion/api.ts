import { listed, readIdList, shown } from '../../inputs/ids.js'
import { InputError } from '../../inputs/input-error.js'
import type { InputReader } from '../../inputs/input-reader.js'
import type { StatusApi, WaitTarget } from '../contract.js'
import { lazySource } from '../lazy-source.js'
import { asProductId, looksLikeProductId } from './product-id.js'

/** Microsoft's current API, for every offer. */
export const productIngestion: StatusApi = {
  name: 'product-ingestion',
  title: 'Product Ingestion API',
  inputs: ['offer-id', 'job-id'],
  defaults: {
    'base-url': 'https://graph.microsoft.com/rp/product-ingestion',
    'api-version': '2022-07-01',
    // Microsoft asks for at most one job-status request a minute.
    interval: '1m'
  },
  apiVersion: { pattern: /^\d{4}-\d{2}-\d{2}(-preview\d*)?$/, example: '2022-07-01' },
  scope: 'https://graph.microsoft.com/.default',
  // Microsoft asks for at most one job-status request a minute: it holds across runs too.
  leastSpacingMs: 60_000,
  readTargets(input: InputReader): WaitTarget[] {
    // What is meant as a product id gets past the plain-id check, to be checked here.
    const offerIds = readIdList(input, 'offer-id', looksLikeProductId)
    const broken = offerIds.find(id => looksLikeProductId(id) && asProductId(id) === undefined)
    if (broken !== undefined) {
      throw new InputError(
        'offer-id',
        `has ${shown(broken)}, which is not a product id: a product id is product/<guid> or the guid (8-4-4-4-12 hex digits); else give the offer's external id`
      )
    }
    const jobIds = readIdList(input, 'job-id')
    if (offerIds.length > 0 && jobIds.length > 0) {
      throw new InputError(
        ['offer-id', 'job-id'],
        'were both given: wait for offers or for configure jobs, not both'
      )
    }
    if (offerIds.length === 0 && jobIds.length === 0) {
      throw new InputError(
        ['offer-id', 'job-id'],
        "are both empty: give the offer's id, or the jobId that POST /configure answered"
      )
    }
    // `product/<guid>` and the bare guid name the same product.
    const products = offerIds.map(id => asProductId(id) ?? id.toLowerCase())
    const twice = products.find((id, i) => products.indexOf(id) !== i)
    if (twice !== undefined) throw new InputError('offer-id', `names ${twice} twice`)
    if (jobIds.length > 0) {
      return jobIds.map(jobId => ({
        id: jobId,
        label: `configure job ${jobId}`,
        noun: 'job',
        cannotPublish: "a configure job is not an offer: give the offer's 'offer-id' to publish it",
        open: connection =>
          lazySource(async () => {
            const { JobStatusSource } = await import('./sources.js')
            return new JobStatusSource(connection, jobId)
          })
      }))
    }
    return offerIds.map(offerId => ({
      id: offerId,
      label: `offer ${offerId}`,
      noun: 'offer',
      open: (connection, requests) =>
        lazySource(async () => {
          const { OfferSubmissionsSource } = await import('./sources.js')
          return new OfferSubmissionsSource(connection, offerId, requests)
        })
    }))
  },
  describe: input => {
    const jobs = listed(input('job-id'))
    return jobs ? `configure job ${jobs}` : `offer ${listed(input('offer-id'))}`.trim()
  }
}
