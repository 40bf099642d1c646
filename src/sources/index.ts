// Where a status API is chosen: adding an API is one folder and one line in APIS.
import { InputError } from '../inputs/input-error.js'
import type { InputReader } from '../inputs/input-reader.js'
import type { StatusApi } from './contract.js'
import { cloudPartnerPortal } from './cloud-partner-portal/api.js'
import { productIngestion } from './product-ingestion/api.js'

const APIS: StatusApi[] = [productIngestion, cloudPartnerPortal]

/** The `api` input; `auto` is the Cloud Partner Portal when `publisher-id` is given. */
export function chooseApi(input: InputReader): StatusApi {
  const name = (input('api') ?? '').trim().toLowerCase() || 'auto'
  if (name === 'auto') {
    return (input('publisher-id') ?? '').trim() !== '' ? cloudPartnerPortal : productIngestion
  }
  const api = APIS.find(candidate => candidate.name === name)
  if (!api) {
    throw new InputError(
      'api',
      `must be auto, ${APIS.map(candidate => candidate.name).join(' or ')}: ${JSON.stringify(name.slice(0, 60))}`
    )
  }
  return api
}
