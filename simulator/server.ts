import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
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
import { GitHubChecks } from './github.js'
import { sendJson } from './respond.js'
import { RUNNER_REQUEST_TOKEN, SignInServices } from './sign-in.js'

export interface RecordedRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  at: number
  /** The status answered, once the answer is sent. */
  status?: number
}

export interface Simulator {
  /** The base-url (and authority-host) to give the action. */
  url: string
  /** Every request received, in order. */
  requests: RecordedRequest[]
  /** The Entra ID and runner ID-token services. */
  signIn: SignInServices
  /** The GitHub checks API (give the action GITHUB_API_URL = url). */
  github: GitHubChecks
  /** The runner's environment for GitHub OIDC against this simulator. */
  oidcEnv: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string }
  close(): Promise<void>
}

export interface SimulatorOptions {
  port?: number
  host?: string
  /** The simulator's clock, for tests in virtual time. */
  now?: () => number
  /** Serve https with this key and certificate. */
  tls?: { key: string; cert: string }
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
  options: SimulatorOptions = {}
): Promise<Simulator> {
  const now = options.now ?? Date.now
  const requests: RecordedRequest[] = []
  const next = playTimeline(scenario)
  const signIn = new SignInServices(scenario.entra, now)
  const github = new GitHubChecks(scenario.github)

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const record: RecordedRequest = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      at: now()
    }
    requests.push(record)
    response.on('finish', () => (record.status = response.statusCode))
    const body = await readBody(request)
    if (signIn.handle(request, body, response) || github.handle(request, body, response)) return
    const refusal = checkStatusRequest(request, scenario, signIn)
    if (refusal) return sendError(response, refusal[0], refusal[1])
    const { phase, body: offer } = next(now())
    answer(phase, offer, request, response, now)
  }
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch(() => response.destroy())
  }
  const server = options.tls ? createHttpsServer(options.tls, listener) : createHttpServer(listener)
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, resolve)
  })
  const { port } = server.address() as AddressInfo
  const url = `${options.tls ? 'https' : 'http'}://${host}:${port}`
  return {
    url,
    requests,
    signIn,
    github,
    oidcEnv: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/_runner/idtoken?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: RUNNER_REQUEST_TOKEN
    },
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
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

function checkStatusRequest(
  request: IncomingMessage,
  scenario: Scenario,
  signIn: SignInServices
): [number, string] | undefined {
  const url = new URL(request.url ?? '/', 'http://simulator')
  const match = STATUS_PATH.exec(url.pathname)
  if (request.method !== 'GET' || !match) return [404, `No such resource: ${url.pathname}`]
  if (url.searchParams.get('api-version') !== API_VERSION) {
    return [400, `Unsupported api-version; use ${API_VERSION}.`]
  }
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1]
  if (!token) return [401, 'No bearer token was sent.']
  const checked = scenario.token !== undefined || scenario.entra !== undefined
  if (checked && token !== scenario.token && !signIn.accepts(token)) {
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
  response: ServerResponse,
  now: () => number
): void {
  if ('status' in phase) return sendJson(response, 200, body)
  if ('respond' in phase) return sendRaw(response, phase)
  sendFault(phase, body, request, response, now)
}

function sendFault(
  phase: FaultPhase,
  body: object,
  request: IncomingMessage,
  response: ServerResponse,
  now: () => number
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
        headers['retry-after'] = new Date(now() + phase.retryAfterDate * 1000).toUTCString()
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

function sendRaw(response: ServerResponse, phase: RawPhase): void {
  const { status = 200, headers = {}, body, json } = phase.respond
  const text = body ?? (json === undefined ? '' : JSON.stringify(json))
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(text)
}
