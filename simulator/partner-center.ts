// The Partner Center ingestion API v1 as the simulator plays it: a product's
// submissions (the newest on the timeline, an older one published before it), each
// submission's workflow details, validations and certification reports. Paths are
// under /v1.0/ingestion, as the service's own relative `nextLink`s are.
import type { AppSourcePhase, AppSourceSpec, Phase, Scenario } from './scenario.js'
import type { SimulatedApi } from './simulated-api.js'

export const DEFAULT_APP_GUID = '5d2c8a1e-3b7f-4c9d-8e6a-1f0b2c3d4e5f'
/** Where the API's base-url is on the simulator: its version is part of the path. */
export const PARTNER_CENTER_ROOT = '/v1.0/ingestion'
const LIST_PATH = /^\/v1\.0\/ingestion\/products\/([^/]+)\/submissions$/
const PROMOTE_PATH = /^\/v1\.0\/ingestion\/products\/([^/]+)\/submissions\/([^/]+)\/promote$/
const PART_PATH =
  /^\/v1\.0\/ingestion\/products\/([^/]+)\/submissions\/([^/]+)\/(workflowdetails|validations|reports)$/
const NEWEST_ID = '1152921505699000002'
const OLDER_ID = '1152921505699000001'
const UNPUBLISHED = '1601-01-01T00:00:00Z'

// The steps of a Business Central app, by the workflow they belong to.
const STEPS: Record<string, string[]> = {
  Preview: ['Automated validation', 'Preview Creation'],
  Live: ['Publisher Signoff', 'Certification', 'Publish']
}
const ORDER = Object.values(STEPS).flat()
// How far a substate has come: every step before this one is done, this one under way.
const UNDER_WAY: Record<string, [step: string, state: string]> = {
  indraft: ['Automated validation', 'NotStarted'],
  submitted: ['Preview Creation', 'InProgress'],
  readytopublish: ['Publisher Signoff', 'InProgress'],
  publishing: ['Certification', 'InProgress'],
  published: ['Publish', 'InProgress'],
  instore: ['', ''],
  failed: ['Automated validation', 'Failed'],
  failedincertification: ['Certification', 'Failed']
}

export function partnerCenter(scenario: Scenario): SimulatedApi {
  const guid = (scenario.productGuid ?? DEFAULT_APP_GUID).toLowerCase()
  const several = Object.keys(scenario.offers ?? {})
  return {
    title: 'Partner Center ingestion API',
    root: PARTNER_CENTER_ROOT,
    targetInputs: {
      api: 'partner-center',
      'offer-id':
        several.length > 0 ? several.join(', ') : (scenario.productGuid ?? DEFAULT_APP_GUID),
      ...(scenario.sellerId && { 'seller-id': scenario.sellerId })
    },
    scope: 'https://api.partner.microsoft.com/.default',
    route(request, url, authorize) {
      const promote = PROMOTE_PATH.exec(url.pathname)
      const list = LIST_PATH.exec(url.pathname)
      const part = PART_PATH.exec(url.pathname)
      if (request.method !== (promote ? 'POST' : 'GET') || !(promote ?? list ?? part)) {
        return { refuse: [404, `No such resource: ${request.method} ${url.pathname}`] }
      }
      const refusal = authorize()
      if (refusal) return { refuse: refusal }
      const seller = request.headers['x-ms-publisherid']
      if (scenario.sellerId !== undefined && seller !== scenario.sellerId) {
        return { refuse: [400, 'x-ms-publisherId'] }
      }
      const product = decodeURIComponent((promote ?? list ?? part)?.[1] ?? '').toLowerCase()
      // Several products, each on a timeline of its own, by guid; or the scenario's one.
      const timeline = scenario.offers?.[product] ? product : undefined
      if (timeline === undefined && (product !== guid || scenario.timeline.length === 0)) {
        return { refuse: [404, `Product '${product}' was not found.`] }
      }
      if (promote) {
        const submission = decodeURIComponent(promote[2] ?? '')
        if (submission !== NEWEST_ID) {
          return { refuse: [404, `Submission '${submission}' was not found.`] }
        }
        // Go live: taken, answered with the workflow it started, as the service does.
        return {
          publish: 'live',
          ...(timeline && { timeline }),
          answer: () => ({
            status: 200,
            json: {
              type: 'Push',
              state: 'InProgress',
              targetEnvironment: 'Live',
              workflowSteps: [],
              startDateTimeInUtc: '2026-11-30T09:00:00.000'
            }
          })
        }
      }
      if (list) {
        // A later page belongs to the look that asked for the first.
        const later = url.searchParams.has('$skipToken')
        return {
          play: 'submissions',
          ...(later && { follow: true }),
          ...(timeline && { timeline })
        }
      }
      const submission = decodeURIComponent(part?.[2] ?? '')
      if (submission === OLDER_ID) return { fixed: olderPart(part?.[3] ?? '') }
      if (submission !== NEWEST_ID) {
        return { refuse: [404, `Submission '${submission}' was not found.`] }
      }
      return { play: part?.[3] ?? '', follow: true, ...(timeline && { timeline }) }
    },
    page: (url, body) => {
      const { value, ...rest } = body as { value?: unknown[] }
      if (!Array.isArray(value) || !scenario.pageSize || !LIST_PATH.test(url.pathname)) return body
      const from = Number(url.searchParams.get('$skipToken') ?? 0) || 0
      const size = scenario.pageSize
      const next = from + size < value.length
      return {
        ...rest,
        value: value.slice(from, from + size),
        // Relative, and starting with the version, as the service writes it.
        ...(next && { nextLink: `${url.pathname.slice(1)}?$skipToken=${from + size}` })
      }
    },
    bodies: (resource, timeline, name) => bodiesOf(resource, timeline, name ?? guid),
    errorBody(status, _code, message) {
      if (status === 400 && message === 'x-ms-publisherId') {
        return {
          errors: { 'x-ms-publisherId': ['The x-ms-publisherId header is required.'] },
          type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
          title: 'One or more validation errors occurred.',
          status: 400,
          traceId: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'
        }
      }
      return {
        code: `ICH${status}`,
        message: message ?? (status === 429 ? 'Request rate exceeds limit' : 'Error')
      }
    }
  }
}

/** Each resource after each phase: the newest submission keeps its state until a phase changes it. */
function bodiesOf(resource: string, timeline: Phase[], guid: string): object[] {
  let spec: AppSourceSpec | undefined
  return timeline.map(phase => {
    if ('appSource' in phase && phase.appSource) spec = (phase as AppSourcePhase).appSource
    switch (resource) {
      case 'submissions':
        return { value: spec ? [newest(spec, guid), older()] : [] }
      case 'workflowdetails':
        return { value: spec ? workflows(spec) : [] }
      case 'validations':
        return { value: spec?.validations ?? [] }
      default:
        return { value: spec?.reports ?? [] }
    }
  })
}

function newest(spec: AppSourceSpec, guid: string): object {
  return {
    resourceType: 'Submission',
    state: spec.state,
    substate: spec.substate,
    targets: [{ type: 'Scope', value: 'Preview' }],
    resources: [{ type: 'Package', value: guid }],
    publishedTimeInUtc: /instore/i.test(spec.substate)
      ? '2026-11-30T13:53:31.2590809Z'
      : UNPUBLISHED,
    pendingUpdateInfo: {
      updateType: 'Create',
      status: spec.pending ?? 'Completed',
      ...(spec.failureReason && { failureReason: spec.failureReason })
    },
    ...(spec.autoPromote !== undefined && { publishOption: { isAutoPromote: spec.autoPromote } }),
    releaseNumber: spec.releaseNumber ?? 2,
    friendlyName: `Submission ${spec.releaseNumber ?? 2}`,
    areResourcesReady: true,
    id: NEWEST_ID
  }
}

// The version before: live, and listed after the newest, as the service may list them.
function older(): object {
  return {
    resourceType: 'Submission',
    state: 'Published',
    substate: 'InStore',
    pendingUpdateInfo: { updateType: 'Create', status: 'Completed' },
    releaseNumber: 1,
    id: OLDER_ID
  }
}

function olderPart(part: string): object {
  return part === 'workflowdetails'
    ? { value: workflows({ state: 'Published', substate: 'InStore' }) }
    : { value: [] }
}

function workflows(spec: AppSourceSpec): object[] {
  const [current = '', state = ''] = UNDER_WAY[spec.substate.toLowerCase()] ?? ['', '']
  const at = current ? ORDER.indexOf(current) : ORDER.length
  return Object.entries(STEPS).map(([environment, names]) => ({
    type: 'Push',
    state: 'InProgress',
    targetEnvironment: environment,
    startDateTimeInUtc: '2026-11-30T08:00:00.000',
    workflowSteps: names.map(name => {
      const given = spec.steps?.[environment]?.[name]
      const index = ORDER.indexOf(name)
      return {
        name,
        state: given ?? (index < at ? 'Success' : index === at ? state : 'NotStarted'),
        startDateTimeInUtc: '2026-11-30T08:00:00.000'
      }
    })
  }))
}
