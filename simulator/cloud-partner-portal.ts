// The Cloud Partner Portal's offer-status endpoint, as the simulator plays it.
import {
  REFERENCE_STEPS,
  type MessageSpec,
  type Phase,
  type Scenario,
  type StatusPhase
} from './scenario.js'
import type { SimulatedApi } from './simulated-api.js'

const API_VERSION = '2017-10-31'
const STATUS_PATH = /^\/api\/publishers\/([^/]+)\/offers\/([^/]+)\/status$/

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
      const match = STATUS_PATH.exec(url.pathname)
      if (request.method !== 'GET' || !match) {
        return { refuse: [404, `No such resource: ${url.pathname}`] }
      }
      if (url.searchParams.get('api-version') !== API_VERSION) {
        return { refuse: [400, `Unsupported api-version; use ${API_VERSION}.`] }
      }
      const refusal = authorize()
      if (refusal) return { refuse: refusal }
      const [publisherId = '', offerId = ''] = [match[1], match[2]].map(s =>
        decodeURIComponent(s ?? '')
      )
      if (scenario.offers?.[offerId]) return { play: 'offer-status', timeline: offerId }
      if (
        scenario.timeline.length === 0 ||
        (scenario.publisherId !== undefined && publisherId !== scenario.publisherId) ||
        (scenario.offerId !== undefined && offerId !== scenario.offerId)
      ) {
        return { refuse: [404, `Offer '${offerId}' of publisher '${publisherId}' was not found.`] }
      }
      return { play: 'offer-status' }
    },
    bodies: (_, timeline) => offerBodies(scenario, timeline),
    errorBody(status, code, message) {
      const [defaultCode, defaultMessage] = ERROR_CODES[status] ?? [`Http${status}`, 'Error.']
      return { error: { code: code ?? defaultCode, message: message ?? defaultMessage } }
    }
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
