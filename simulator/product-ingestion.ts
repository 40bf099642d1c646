// The Product Ingestion API as the simulator plays it: configure jobs, the product
// lookup by external id, a product's submissions, and the configure requests that push
// a product to preview or live (each starting a job of its own).
import type { IngestionPhase, JobSpec, Phase, Scenario, SubmissionSpec } from './scenario.js'
import type { Route, SimulatedApi } from './simulated-api.js'

export const DEFAULT_PRODUCT_GUID = '7a3c5e2d-1b4f-4e8a-9c6d-0f1e2d3c4b5a'
export const DEFAULT_JOB_ID = 'c32dd7e8-8fd7-4f6b-a9c2-3c7a8f9e0b51'
const SCHEMA = 'https://schema.mp.microsoft.com/schema'
const JOB_PATH = /^\/configure\/([^/]+)\/status$/
const SUBMISSION_PATH = /^\/submission\/([^/]+)$/
const NOT_ENDED = '0001-01-01T00:00:00'
// The jobs a configure request starts: this prefix and a count.
const PUBLISH_JOB_PREFIX = '9b1e4c2a-5d3f-4a7b-8c6d-'
const SUBMISSION_ID = /^submission\/([0-9a-f-]{36})\/([1-9]\d*)$/

const ERROR_CODES: Record<number, [string, string]> = {
  400: ['badRequest', 'The request is not valid.'],
  401: ['unauthorized', 'The access token is missing, invalid or expired.'],
  403: ['forbidden', 'The caller has no access to this resource.'],
  404: ['notFound', 'The resource was not found.'],
  409: ['conflict', 'An In Progress submission already exists.'],
  429: ['tooManyRequests', 'Too many requests. Retry later.'],
  500: ['internalServerError', 'An unexpected error occurred.'],
  502: ['badGateway', 'The gateway received an invalid response.'],
  503: ['serviceUnavailable', 'The service is temporarily unavailable.'],
  504: ['gatewayTimeout', 'The gateway timed out.']
}

/** The product guid of the scenario's offer number `index` (of `offers`). */
export function productGuidOf(index: number): string {
  return `7a3c5e2d-1b4f-4e8a-9c6d-${(index + 1).toString(16).padStart(12, '0')}`
}

export function productIngestion(scenario: Scenario): SimulatedApi {
  const guid = (scenario.productGuid ?? DEFAULT_PRODUCT_GUID).toLowerCase()
  const hasOwn = scenario.timeline.length > 0
  const offers = Object.keys(scenario.offers ?? {})
  const offerByGuid = new Map(offers.map((externalId, i) => [productGuidOf(i), externalId]))
  // The timeline each job a taken configure request started moved on, and the latest
  // job of each timeline (its job status shows that id).
  const startedJobs = new Map<string, string>()
  const latestJob = new Map<string, string>()
  // The timeline of a product's guid: '' for the scenario's own.
  const productOf = (asked: string): { timeline: string; start(): string } | undefined => {
    const offer = offerByGuid.get(asked)
    const timeline = offer ?? (hasOwn && asked === guid ? '' : undefined)
    if (timeline === undefined) return undefined
    return {
      timeline,
      start: () => {
        const jobId = `${PUBLISH_JOB_PREFIX}${(startedJobs.size + 1).toString(16).padStart(12, '0')}`
        startedJobs.set(jobId, timeline)
        latestJob.set(timeline, jobId)
        return jobId
      }
    }
  }
  const jobs = Object.keys(scenario.jobs ?? {})
  const several = Object.keys(scenario.offers ?? {})
  const playsJob = scenario.timeline.some(phase => 'job' in phase)
  const targetInputs: Record<string, string> =
    jobs.length > 0
      ? { 'job-id': jobs.join(', ') }
      : several.length > 0
        ? { 'offer-id': several.join(', ') }
        : playsJob || scenario.externalId === undefined
          ? { 'job-id': scenario.jobId ?? DEFAULT_JOB_ID }
          : { 'offer-id': scenario.externalId }
  return {
    title: 'Product Ingestion API',
    root: '',
    targetInputs,
    scope: 'https://graph.microsoft.com/.default',
    route(request, url, authorize, body) {
      const version = url.searchParams.get('$version')
      if (request.method === 'POST' && url.pathname === '/configure') {
        if (!version) return { refuse: [400, 'The $version query parameter is required.'] }
        const refusal = authorize()
        if (refusal) return { refuse: refusal }
        return configureRequest(body, productOf)
      }
      if (request.method !== 'GET')
        return { refuse: [405, 'Only GET and POST /configure are simulated.'] }
      if (!version) return { refuse: [400, 'The $version query parameter is required.'] }
      const job = JOB_PATH.exec(url.pathname)
      const submission = SUBMISSION_PATH.exec(url.pathname)
      if (!job && !submission && url.pathname !== '/product') {
        return { refuse: [404, `No such resource: ${url.pathname}`] }
      }
      const refusal = authorize()
      if (refusal) return { refuse: refusal }
      if (job) {
        const jobId = decodeURIComponent(job[1] ?? '')
        if (scenario.jobs?.[jobId]) return { play: 'job', timeline: jobId }
        const started = startedJobs.get(jobId)
        if (started !== undefined) return { play: 'job', ...(started && { timeline: started }) }
        if (!hasOwn || (scenario.jobId !== undefined && jobId !== scenario.jobId)) {
          return { refuse: [404, `Job '${jobId}' was not found.`] }
        }
        return { play: 'job' }
      }
      if (submission) {
        const asked = decodeURIComponent(submission[1] ?? '').toLowerCase()
        const offer = offerByGuid.get(asked)
        if (offer !== undefined) return { play: 'submissions', timeline: offer }
        if (!hasOwn || asked !== guid) return { refuse: [404, `Product '${asked}' was not found.`] }
        return { play: 'submissions' }
      }
      const externalId = url.searchParams.get('externalId') ?? ''
      if (scenario.products) return { fixed: page(scenario, url, scenario.products) }
      const own = offers.indexOf(externalId)
      const found =
        own >= 0
          ? productGuidOf(own)
          : hasOwn && (scenario.externalId === undefined || externalId === scenario.externalId)
            ? guid
            : undefined
      const known = found !== undefined
      return {
        fixed: {
          value: known
            ? [
                {
                  $schema: `${SCHEMA}/product/2022-03-01-preview2`,
                  id: `product/${found}`,
                  identity: { externalId },
                  type: 'azureVirtualMachine',
                  alias: 'Contoso demo offer'
                }
              ]
            : []
        }
      }
    },
    page: (url, body) => {
      const { value, ...rest } = body as { value?: unknown[] }
      return Array.isArray(value) ? { ...rest, ...page(scenario, url, value) } : body
    },
    bodies: (resource, timeline, name, startedAt) =>
      resource === 'job'
        ? jobBodies(scenario, timeline, latestJob.get(name ?? '') ?? name, startedAt)
        : submissionBodies(
            timeline,
            name === undefined ? guid : productGuidOf(offers.indexOf(name))
          ),
    errorBody(status, code, message) {
      const [defaultCode, defaultMessage] = ERROR_CODES[status] ?? [`http${status}`, 'Error.']
      return {
        error: { code: code ?? defaultCode, message: message ?? defaultMessage, details: [] }
      }
    }
  }
}

/**
 * A configure request that pushes one submission to preview or live, checked as the
 * service would: the configure and submission schemas, one submission resource of a
 * known product, no id to preview, a numbered one of the same product to live.
 */
function configureRequest(
  body: string,
  productOf: (guid: string) => { timeline: string; start(): string } | undefined
): Route {
  let request: unknown
  try {
    request = JSON.parse(body)
  } catch {
    return { refuse: [400, 'The request body is not JSON.'] }
  }
  const { $schema, resources } = (request ?? {}) as { $schema?: unknown; resources?: unknown }
  if (typeof $schema !== 'string' || !$schema.includes('/schema/configure/')) {
    return { refuse: [400, 'Schema validation failed: $schema must be a configure schema.'] }
  }
  if (!Array.isArray(resources) || resources.length !== 1) {
    return { refuse: [400, 'Schema validation failed: one resource is expected.'] }
  }
  const resource = (resources[0] ?? {}) as Record<string, unknown>
  const target = ((resource.target ?? {}) as { targetType?: unknown }).targetType
  const product = /^product\/([0-9a-f-]{36})$/.exec(String(resource.product ?? ''))?.[1]
  if (
    typeof resource.$schema !== 'string' ||
    !resource.$schema.includes('/schema/submission/') ||
    (target !== 'preview' && target !== 'live') ||
    !product
  ) {
    return {
      refuse: [400, 'Schema validation failed: a submission with a product and a target type.']
    }
  }
  const id = SUBMISSION_ID.exec(String(resource.id ?? ''))
  if (target === 'preview' ? resource.id !== undefined : !id || id[1] !== product) {
    return {
      refuse: [
        400,
        target === 'preview'
          ? 'The id property must not be given to publish a draft.'
          : 'A submission ID different than 0 or null is expected.'
      ]
    }
  }
  const found = productOf(product)
  if (!found) return { refuse: [404, `Product '${product}' was not found.`] }
  return {
    publish: target,
    ...(found.timeline && { timeline: found.timeline }),
    answer: () => {
      const jobId = found.start()
      return {
        status: 202,
        json: {
          $schema: `${SCHEMA}/configure-status/2022-03-01-preview2`,
          jobId,
          jobStatus: 'notStarted',
          jobResult: 'pending',
          jobStart: '2026-11-20T21:29:54.97Z',
          jobEnd: NOT_ENDED,
          errors: []
        }
      }
    }
  }
}

/**
 * The job status after each phase: it keeps its state until a phase changes it. The job
 * started when its timeline began to play.
 */
function jobBodies(
  scenario: Scenario,
  timeline: Phase[],
  jobId: string | undefined,
  startedAt: number
): object[] {
  let spec: JobSpec = { status: 'notStarted' }
  return timeline.map(phase => {
    if ('job' in phase && phase.job) spec = phase.job
    const completed = /^completed$/i.test(spec.status)
    return {
      $schema: `${SCHEMA}/configure-status/2022-03-01-preview2`,
      jobId: jobId ?? scenario.jobId ?? DEFAULT_JOB_ID,
      jobStatus: spec.status,
      jobResult: spec.result ?? 'pending',
      jobStart: new Date(startedAt).toISOString(),
      jobEnd: completed ? '2026-11-21T03:12:40.11Z' : NOT_ENDED,
      errors: spec.errors ?? [],
      ...(spec.resourceUri ? { resourceUri: spec.resourceUri } : {})
    }
  })
}

/** The submission list after each phase; the draft (`/0`) is always there. */
function submissionBodies(timeline: Phase[], guid: string): object[] {
  let specs: SubmissionSpec[] = []
  return timeline.map(phase => {
    if ('submissions' in phase && (phase as IngestionPhase).submissions) {
      specs = (phase as IngestionPhase).submissions ?? []
    }
    return {
      value: [
        { id: `submission/${guid}/0`, product: `product/${guid}`, target: { targetType: 'draft' } },
        ...specs.map((spec, index) => ({
          $schema: `${SCHEMA}/submission/2022-03-01-preview2`,
          id: `submission/${guid}/${spec.number ?? String(1152921515689848000n + BigInt(index))}`,
          product: `product/${guid}`,
          target: { targetType: spec.target },
          lifecycleState: 'generallyAvailable',
          ...(spec.status !== undefined ? { status: spec.status } : {}),
          ...(spec.result !== undefined ? { result: spec.result } : {}),
          ...(spec.created === null
            ? {}
            : {
                created: spec.created ?? `2026-11-${String(10 + index).padStart(2, '0')}T08:00:00Z`
              }),
          ...(spec.errors ? { errors: spec.errors } : {})
        }))
      ]
    }
  })
}

/** One page of a list, with `@nextLink` to the next when the scenario pages its lists. */
function page(scenario: Scenario, url: URL, items: unknown[]): object {
  const size = scenario.pageSize
  if (!size) return { value: items }
  const from = Number(url.searchParams.get('$skipToken') ?? 0) || 0
  const value = items.slice(from, from + size)
  if (from + size >= items.length) return { value }
  const next = new URL(url.href)
  next.searchParams.set('$skipToken', String(from + size))
  if (scenario.nextLinkHost && from === 0) next.host = scenario.nextLinkHost
  return { value, '@nextLink': next.href }
}
