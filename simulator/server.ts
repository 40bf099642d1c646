import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  REFERENCE_STEPS,
  phaseDurationMs,
  type FaultPhase,
  type MessageSpec,
  type Phase,
  type RawPhase,
  type Scenario,
  type StatusPhase
} from './scenario.js'

export interface RecordedRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  at: number
}

export interface Simulator {
  /** The base-url to give the action. */
  url: string
  /** Every request received, in order. */
  requests: RecordedRequest[]
  close(): Promise<void>
}

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

/** Starts the Cloud Partner Portal simulator on loopback, playing a scenario. */
export async function startSimulator(
  scenario: Scenario,
  options: { port?: number; host?: string } = {}
): Promise<Simulator> {
  const requests: RecordedRequest[] = []
  const next = playTimeline(scenario)

  const server = createServer((request, response) => {
    requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      at: Date.now()
    })
    const refusal = checkRequest(request, scenario)
    if (refusal) return sendError(response, refusal[0], refusal[1])
    const { phase, body } = next(Date.now())
    answer(phase, body, request, response)
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}`,
    requests,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** Returns, for each request, the phase that answers it and the offer body at that point. */
function playTimeline(scenario: Scenario): (now: number) => { phase: Phase; body: object } {
  const bodies = offerBodies(scenario)
  let index = 0
  let served = 0
  let startedAt: number | undefined
  return now => {
    for (;;) {
      const phase = scenario.timeline[index] as Phase
      if (index === scenario.timeline.length - 1) break
      const duration = phaseDurationMs(phase)
      const over =
        duration !== undefined
          ? startedAt !== undefined && now - startedAt >= duration
          : served >= (phase.times ?? 1)
      if (!over) break
      index++
      served = 0
      startedAt = undefined
    }
    served++
    startedAt ??= now
    return { phase: scenario.timeline[index] as Phase, body: bodies[index] as object }
  }
}

/** The offer body after each phase: steps keep their state until a phase changes them. */
function offerBodies(scenario: Scenario): object[] {
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
  return scenario.timeline.map(phase => {
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

function checkRequest(request: IncomingMessage, scenario: Scenario): [number, string] | undefined {
  const url = new URL(request.url ?? '/', 'http://simulator')
  const match = STATUS_PATH.exec(url.pathname)
  if (request.method !== 'GET' || !match) return [404, `No such resource: ${url.pathname}`]
  if (url.searchParams.get('api-version') !== API_VERSION) {
    return [400, `Unsupported api-version; use ${API_VERSION}.`]
  }
  const authorization = request.headers.authorization ?? ''
  if (!/^Bearer \S+$/.test(authorization)) return [401, 'No bearer token was sent.']
  if (scenario.token !== undefined && authorization !== `Bearer ${scenario.token}`) {
    return [401, 'The access token is invalid or expired.']
  }
  const [publisherId, offerId] = [match[1], match[2]].map(s => decodeURIComponent(s ?? ''))
  if (
    (scenario.publisherId !== undefined && publisherId !== scenario.publisherId) ||
    (scenario.offerId !== undefined && offerId !== scenario.offerId)
  ) {
    return [404, `Offer '${offerId}' of publisher '${publisherId}' was not found.`]
  }
  return undefined
}

function answer(
  phase: Phase,
  body: object,
  request: IncomingMessage,
  response: ServerResponse
): void {
  if ('status' in phase) return sendJson(response, 200, body)
  if ('respond' in phase) return sendRaw(response, phase)
  sendFault(phase, body, request, response)
}

function sendFault(
  phase: FaultPhase,
  body: object,
  request: IncomingMessage,
  response: ServerResponse
): void {
  const json = JSON.stringify(body, null, 2)
  switch (phase.fault) {
    case 'hang':
      return // never answers; close() drops the connection
    case 'reset':
      request.socket.resetAndDestroy()
      return
    case 'empty':
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': 0 })
      response.end()
      return
    case 'malformed':
      // The reference's own example: a quote missing before liveLinks.
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(json.replace('"liveLinks"', 'liveLinks"'))
      return
    case 'truncated':
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(json)
      })
      response.write(json.slice(0, json.length >> 1), () => request.socket.destroy())
      return
    case 'html': {
      const status = phase.httpStatus ?? 502
      response.writeHead(status, { 'content-type': 'text/html' })
      response.end(
        `<!DOCTYPE html>\n<html><head><title>${status} Bad Gateway</title></head>` +
          `<body><h1>${status} Bad Gateway</h1><p>The server is temporarily unable to service your request.</p></body></html>\n`
      )
      return
    }
    default: {
      const headers: Record<string, string> = {}
      if (phase.retryAfter !== undefined) headers['retry-after'] = String(phase.retryAfter)
      if (phase.retryAfterDate !== undefined) {
        headers['retry-after'] = new Date(Date.now() + phase.retryAfterDate * 1000).toUTCString()
      }
      sendError(response, phase.fault, phase.message, phase.code, headers)
    }
  }
}

function sendError(
  response: ServerResponse,
  status: number,
  message?: string,
  code?: string,
  headers: Record<string, string> = {}
): void {
  const [defaultCode, defaultMessage] = ERROR_CODES[status] ?? [`Http${status}`, 'Error.']
  response.setHeader('content-type', 'application/json')
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
  sendJson(response, status, {
    error: { code: code ?? defaultCode, message: message ?? defaultMessage }
  })
}

function sendJson(response: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text)
  })
  response.end(text)
}

function sendRaw(response: ServerResponse, phase: RawPhase): void {
  const { status = 200, headers = {}, body, json } = phase.respond
  const text = body ?? (json === undefined ? '' : JSON.stringify(json))
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(text)
}
