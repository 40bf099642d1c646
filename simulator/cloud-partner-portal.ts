// The Cloud Partner Portal as the simulator plays it: an offer's status, its publish and
// go-live requests, and the operation each starts.
import {
  REFERENCE_STEPS,
  type MessageSpec,
  type Phase,
  type Scenario,
  type StatusPhase
} from './scenario.js'
import type { SimulatedApi } from './simulated-api.js'

const API_VERSION = '2017-10-31'
const OFFER_PATH =
  /^\/api\/publishers\/([^/]+)\/offers\/([^/]+)\/(status|publish|golive|operations\/([^/]+))$/
const REQUESTS: Record<string, 'preview' | 'live'> = { publish: 'preview', golive: 'live' }

const ERROR_CODES: Record<number, [string, string]> = {
  400: ['BadRequest', 'The request is malformed.'],
  401: ['Unauthorized', 'The access token is missing, invalid or expired.'],
  403: ['Forbidden', 'The caller has no access to this publisher.'],
  404: ['NotFound', 'The offer does not exist.'],
  409: ['Conflict', 'The offer is being changed by another operation.'],
  429: ['TooManyRequests', 'Too many requests. Retry later.'],
  500: ['InternalServerError', 'An unexpected error occurred.'],
  502: ['BadGateway', 'The gateway received an invalid response.'],
  503: ['ServiceUnavailable', 'The service is temporarily unavailable.'],
  504: ['GatewayTimeout', 'The gateway timed out.']
}

export function cloudPartnerPortal(scenario: Scenario): SimulatedApi {
  const several = Object.keys(scenario.offers ?? {})
  return {
    title: 'Cloud Partner Portal',
    root: '',
    targetInputs: {
      'publisher-id': scenario.publisherId ?? 'contoso',
      'offer-id': several.length > 0 ? several.join(', ') : (scenario.offerId ?? 'contoso-vm')
    },
    scope: 'https://cloudpartner.azure.com/.default',
    route(request, url, authorize) {
      const match = OFFER_PATH.exec(url.pathname)
      const [, publisher = '', offer = '', what = '', operation] = match ?? []
      const kind = REQUESTS[what]
      const method = kind ? 'POST' : 'GET'
      if (!match || request.method !== method) {
        return { refuse: [404, `No such resource: ${request.method} ${url.pathname}`] }
      }
      if (url.searchParams.get('api-version') !== API_VERSION) {
        return { refuse: [400, `Unsupported api-version; use ${API_VERSION}.`] }
      }
      const refusal = authorize()
      if (refusal) return { refuse: refusal }
      const [publisherId, offerId] = [publisher, offer].map(s => decodeURIComponent(s))
      const timeline = scenario.offers?.[offerId ?? ''] ? offerId : undefined
      if (
        timeline === undefined &&
        (scenario.timeline.length === 0 ||
          (scenario.publisherId !== undefined && publisherId !== scenario.publisherId) ||
          (scenario.offerId !== undefined && offerId !== scenario.offerId))
      ) {
        return { refuse: [404, `Offer '${offerId}' of publisher '${publisherId}' was not found.`] }
      }
      const at = timeline ? { timeline } : {}
      if (kind) {
        return {
          publish: kind,
          ...at,
          // The operation, relative, as the service answers it.
          answer: () => ({
            status: 202,
            headers: {
              location: `/api/publishers/${publisher}/offers/${offer}/operations/${operationId(kind, offerId ?? '')}?api-version=${API_VERSION}`
            }
          })
        }
      }
      if (operation !== undefined) {
        const known = (['preview', 'live'] as const).some(
          k => operationId(k, offerId ?? '') === decodeURIComponent(operation)
        )
        if (!known) return { refuse: [404, `Operation '${operation}' was not found.`] }
        return { play: 'operation', ...at }
      }
      return { play: 'offer-status', ...at }
    },
    bodies: (resource, timeline) =>
      resource === 'operation'
        ? offerBodies(scenario, timeline).map(operationBody)
        : offerBodies(scenario, timeline),
    errorBody(status, code, message) {
      const [defaultCode, defaultMessage] = ERROR_CODES[status] ?? [`Http${status}`, 'Error.']
      return { error: { code: code ?? defaultCode, message: message ?? defaultMessage } }
    }
  }
}

/** The id of the operation a request of `kind` for an offer starts. */
function operationId(kind: 'preview' | 'live', offerId: string): string {
  const n = [...offerId].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 0xffffff, 7)
  return `56615b67-${kind === 'preview' ? '0001' : '0002'}-4c3e-9b1a-${n.toString(16).padStart(12, '0')}`
}

// An operation reads as its offer's status, with the reference's operation statuses.
const OPERATION_STATUSES: Record<string, string> = {
  succeeded: 'completed',
  notstarted: 'notStarted'
}

// An operation has no notification e-mails of its own (a migrated offer's go to the
// seller contact), and a status of its own kind.
function operationBody(offer: object): object {
  const { status, ...rest } = offer as { status: string }
  delete (rest as { notificationEmails?: string }).notificationEmails
  return {
    id: '',
    status: OPERATION_STATUSES[status.toLowerCase()] ?? status,
    cancellationRequestState: null,
    ...rest
  }
}

/** The offer body after each phase: steps keep their state until a phase changes them. */
function offerBodies(scenario: Scenario, timeline: Phase[]): object[] {
  const steps = (scenario.steps ?? REFERENCE_STEPS).map(template => ({
    estimatedTimeFrame: template.estimatedTimeFrame ?? '',
    id: template.id,
    stepName: template.stepName,
    description: template.description ?? '',
    status: 'notStarted',
    messages: [] as object[],
    progressPercentage: 0
  }))
  let body: object = offerBody('running', steps, [], {})
  return timeline.map(phase => {
    if (!('status' in phase)) return body
    for (const [id, patch] of Object.entries(phase.steps ?? {})) {
      const change = typeof patch === 'string' ? { status: patch } : patch
      for (const step of steps.filter(s => id === '*' || s.id === id)) {
        if (change.status !== undefined) step.status = change.status
        if (change.progress !== undefined) step.progressPercentage = change.progress
        else if (/^complete$/i.test(step.status)) step.progressPercentage = 100
        if (change.messages) step.messages = change.messages.map(toMessage)
      }
    }
    body = offerBody(phase.status, steps, (phase.messages ?? []).map(toMessage), phase)
    return body
  })
}

function offerBody(
  status: string,
  steps: object[],
  messages: object[],
  phase: Partial<StatusPhase>
): object {
  return {
    status,
    messages,
    steps: structuredClone(steps),
    previewLinks: phase.previewLinks ?? [],
    liveLinks: phase.liveLinks ?? [],
    notificationEmails: 'jdoe@contoso.com'
  }
}

function toMessage(spec: MessageSpec): object {
  return {
    messageHtml: spec.text,
    level: spec.level ?? 'information',
    timestamp: spec.timestamp ?? '2026-01-01T00:00:00.0000000Z'
  }
}
