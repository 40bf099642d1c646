// Where a status API is chosen: adding an API is one folder and one line in APIS.
import { InputError } from '../inputs/input-error.js'
import type { InputReader } from '../inputs/input-reader.js'
import type { StatusApi } from './contract.js'
import { cloudPartnerPortal } from './cloud-partner-portal/api.js'
import { partnerCenter } from './partner-center/api.js'
import { productIngestion } from './product-ingestion/api.js'

const APIS: StatusApi[] = [productIngestion, cloudPartnerPortal, partnerCenter]

/** The `api` input; `auto` is the Cloud Partner Portal when `publisher-id` is given. */
export function chooseApi(input: InputReader): StatusApi {
  const name = (input('api') ?? '').trim().toLowerCase() || 'auto'
  if (name === 'auto') {
    const api = (input('publisher-id') ?? '').trim() !== '' ? cloudPartnerPortal : productIngestion
    return withoutOthersInputs(api, input)
  }
  const api = APIS.find(candidate => candidate.name === name)
  if (!api) {
    throw new InputError(
      'api',
      `must be auto, ${APIS.map(candidate => candidate.name)
        .join(', ')
        .replace(/, ([^,]+)$/, ' or $1')}: ${JSON.stringify(name.slice(0, 60))}`
    )
  }
  return withoutOthersInputs(api, input)
}

// `seller-id` belongs to one API: any other would ignore it unseen.
function withoutOthersInputs(api: StatusApi, input: InputReader): StatusApi {
  if (api !== partnerCenter && (input('seller-id') ?? '').trim() !== '') {
    throw new InputError(
      'seller-id',
      `is for the Partner Center ingestion API only ('api: partner-center'), not the ${api.title}`
    )
  }
  return api
}
