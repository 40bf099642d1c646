// Where a status API is chosen: adding an API is one folder and one line in APIS. Each
// API declares the inputs only it takes; the refusal of another API's input is
// derived from them here, in one place.
import { InputError } from '../inputs/input-error.js'
import type { InputReader } from '../inputs/input-reader.js'
import type { StatusApi } from './contract.js'
import { cloudPartnerPortal } from './cloud-partner-portal/api.js'
import { partnerCenter } from './partner-center/api.js'
import { productIngestion } from './product-ingestion/api.js'

const APIS: StatusApi[] = [productIngestion, cloudPartnerPortal, partnerCenter]

/** Every input that belongs to some API: what a hand-off carries, besides `api`. */
export const API_INPUTS: readonly string[] = [...new Set(APIS.flatMap(api => api.inputs))]

/**
 * The `api` input; `auto` is the Cloud Partner Portal when `publisher-id` is given,
 * else the Product Ingestion API. The Partner Center ingestion API is never chosen by
 * `auto`: its product ids look like the Product Ingestion API's.
 */
export function chooseApi(input: InputReader): StatusApi {
  const name = (input('api') ?? '').trim().toLowerCase() || 'auto'
  if (name === 'auto') return withoutOthersInputs(autoApi(input), input)
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

/** The API a name stands for, if any: a hand-off state names it. */
export function apiNamed(name: string): StatusApi | undefined {
  return APIS.find(api => api.name === name)
}

/** What the inputs name, for people, even when they cannot be read (never throws). */
export function describeTargets(input: InputReader): string {
  try {
    return chooseApiLeniently(input).describe(input)
  } catch {
    return 'offer'
  }
}

function chooseApiLeniently(input: InputReader): StatusApi {
  const name = (input('api') ?? '').trim().toLowerCase()
  return APIS.find(api => api.name === name) ?? autoApi(input)
}

function autoApi(input: InputReader): StatusApi {
  return given(input, 'publisher-id') ? cloudPartnerPortal : productIngestion
}

// An input of another API would be ignored unseen: it is refused, naming whose it is.
function withoutOthersInputs(api: StatusApi, input: InputReader): StatusApi {
  for (const name of API_INPUTS) {
    if (api.inputs.includes(name) || !given(input, name)) continue
    const owners = APIS.filter(other => other.inputs.includes(name))
    throw new InputError(
      name,
      `is for the ${owners.map(owner => owner.title).join(' or the ')} only (${owners
        .map(owner => `'api: ${owner.name}'`)
        .join(' or ')}); the ${api.title} does not take it`
    )
  }
  return api
}

function given(input: InputReader, name: string): boolean {
  return (input(name) ?? '').trim() !== ''
}
