import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { cloudPartnerPortal } from './cloud-partner-portal.js'
import { GitHubChecks } from './github.js'
import { partnerCenter } from './partner-center.js'
import { productIngestion } from './product-ingestion.js'
import {
  phaseDurationMs,
  type FaultPhase,
  type Phase,
  type RawPhase,
  type RecordedAnswer,
  type Scenario
} from './scenario.js'
import type { Route, SimulatedApi } from './simulated-api.js'
import { sendJson } from './respond.js'
import { RUNNER_REQUEST_TOKEN, SignInServices } from './sign-in.js'

// Each API the simulator plays: one line each.
const SIMULATED_APIS: Record<NonNullable<Scenario['api']>, (scenario: Scenario) => SimulatedApi> = {
  'cloud-partner-portal': cloudPartnerPortal,
  'product-ingestion': productIngestion,
  'partner-center': partnerCenter
}

/** `POST` here plays every timeline again from its start. */
export const REPLAY_PATH = '/_simulator/replay'

export interface RecordedRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  at: number
  /** The body sent, for the requests that send one (publishing requests). */
  body?: string
  /** The status answered, once the answer is sent. */
  status?: number
}

/** A publishing request the simulator took: its kind, and whose timeline it moved on. */
export interface TakenRequest {
  kind: 'preview' | 'live'
  /** '' for the scenario's own offer, else the name of one of `offers`. */
  timeline: string
  at: number
}

export interface Simulator {
  /** The simulator's origin, and the authority-host to give the action. */
  url: string
  /** The API it plays: its title, where its base-url is, the inputs that name its targets. */
  api: Pick<SimulatedApi, 'title' | 'root' | 'targetInputs'>
  /** Every request received, in order. */
  requests: RecordedRequest[]
  /** Every publishing request taken, in order. */
  taken: TakenRequest[]
  /** The Entra ID and runner ID-token services. */
  signIn: SignInServices
  /** The GitHub checks API (give the action GITHUB_API_URL = url). */
  github: GitHubChecks
  /** Called as each request starts (false) and as its answer is done (true): for the bench. */
  onRequest?: (finished: boolean) => void
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

/** Starts the simulator on loopback, playing a scenario on the API it names. */
export async function startSimulator(
  scenario: Scenario,
  options: SimulatorOptions = {}
): Promise<Simulator> {
  const now = options.now ?? Date.now
  const requests: RecordedRequest[] = []
  const api = SIMULATED_APIS[scenario.api ?? 'cloud-partner-portal'](scenario)
  const timelines: Record<string, Phase[]> = {
    '': scenario.timeline,
    ...scenario.offers,
    ...scenario.jobs
  }
  const scripted = { ...timelines }
  const taken: TakenRequest[] = []
  // Publishing requests refused so far, by timeline: the next refusal of its spec answers.
  const refused = new Map<string, number>()
  // Bumped each time a timeline is replaced: the bodies of the one before are not its.
  const generation = new Map<string, number>()
  // A player and the bodies of each resource, per timeline ('' is the scenario's own).
  const players = new Map<string, (now: number) => { phase: Phase; index: number }>()
  // The phase each timeline last showed, for the requests that follow it.
  const shownPhase = new Map<string, { phase: Phase; index: number }>()
  const bodies = new Map<string, object[]>()
  const signIn = new SignInServices(scenario.entra, api.scope, now)
  const answered = new Map<RecordedAnswer, number>()
  const recordedAnswer = (path: string): RecordedAnswer | undefined => {
    const found = scenario.recorded?.find(
      answer =>
        new RegExp(answer.match).test(path) &&
        (answered.get(answer) ?? 0) < (answer.times ?? Infinity)
    )
    if (found) answered.set(found, (answered.get(found) ?? 0) + 1)
    return found
  }
  const github = new GitHubChecks(scenario.github)

  // Filled in once the server listens; the handler only reads it after that.
  const simulator = {} as Simulator
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const record: RecordedRequest = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      at: now()
    }
    requests.push(record)
    if (request.method !== 'GET') record.body = ''
    // Every answer's Date is the simulator's own clock, which a runner's may be far from.
    response.setHeader('date', new Date(now()).toUTCString())
    simulator.onRequest?.(false)
    response.on('close', () => simulator.onRequest?.(true))
    response.on('finish', () => (record.status = response.statusCode))
    const body = await readBody(request)
    if (record.body !== undefined) record.body = body
    if (signIn.handle(request, body, response) || github.handle(request, body, response)) return
    if (request.method === 'POST' && request.url === REPLAY_PATH) {
      // Every timeline plays again from its start, at its next request, as if no
      // publishing request had been taken.
      players.clear()
      shownPhase.clear()
      refused.clear()
      for (const name of Object.keys(timelines)) {
        if (timelines[name] !== scripted[name]) {
          timelines[name] = scripted[name] ?? []
          generation.set(name, (generation.get(name) ?? 0) + 1)
        }
      }
      return sendJson(response, 200, { replaying: true })
    }
    // The simulator's own origin: links it writes (`@nextLink`) point back at it.
    const url = new URL(request.url ?? '/', simulator.url)
    const recorded = recordedAnswer(`${url.pathname}${url.search}`)
    if (recorded) return sendRaw(response, { respond: recorded })
    const route = api.route(request, url, () => authorize(request, scenario, signIn), body)
    if ('refuse' in route) {
      const refuse = (): void =>
        sendJson(
          response,
          route.refuse[0],
          api.errorBody(route.refuse[0], undefined, route.refuse[1])
        )
      const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? ''
      const delay = scenario.entra?.revokedAnswerDelay
      if (delay && route.refuse[0] === 401 && signIn.revoked(token)) {
        setTimeout(refuse, delay * 1000).unref()
        return
      }
      return refuse()
    }
    if ('fixed' in route) return sendJson(response, 200, route.fixed)
    if ('publish' in route) return takePublish(route, request, response)
    const name = route.timeline ?? ''
    const timeline = timelines[name] ?? []
    if (!players.has(name)) players.set(name, playTimeline(timeline))
    const played =
      (route.follow && shownPhase.get(name)) ||
      (players.get(name) as (now: number) => { phase: Phase; index: number })(now())
    shownPhase.set(name, played)
    const { phase, index } = played
    const key = `${name}\u0000${generation.get(name) ?? 0}\u0000${route.play}`
    if (!bodies.has(key))
      bodies.set(key, api.bodies(route.play, timeline, name || undefined, now()))
    const resource = bodies.get(key)?.[index] ?? {}
    const shown = api.page ? api.page(url, resource) : resource
    answer(phase, shown, request, response, now, api)
  }
  // A publishing request: refused as the spec says, else taken (its kind's timeline
  // plays from now on) and answered, or its answer lost.
  const takePublish = (
    route: Extract<Route, { publish: string }>,
    request: IncomingMessage,
    response: ServerResponse
  ): void => {
    const name = route.timeline ?? ''
    const spec = name === '' ? scenario.publishing : scenario.publishingOf?.[name]
    const refusals = refused.get(name) ?? 0
    const refusal = spec?.refusals?.[refusals]
    if (refusal) {
      refused.set(name, refusals + 1)
      return sendFault(refusal, {}, request, response, now, api)
    }
    taken.push({ kind: route.publish, timeline: name, at: now() })
    const started = spec?.[route.publish]
    if (started) {
      timelines[name] = started
      players.set(name, playTimeline(started))
      shownPhase.delete(name)
      generation.set(name, (generation.get(name) ?? 0) + 1)
    }
    const lost = spec?.lostAnswer
    if (lost === 'hang') return
    if (lost === 'reset') {
      request.socket.resetAndDestroy()
      return
    }
    if (lost !== undefined) return sendJson(response, lost, api.errorBody(lost))
    const usual = route.answer()
    const { status = usual.status, headers = {}, json } = spec?.answer ?? usual
    for (const [header, value] of Object.entries(headers)) response.setHeader(header, value)
    sendJson(response, status, json ?? {})
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
  const url = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`
  Object.assign(simulator, {
    url,
    api,
    requests,
    taken,
    signIn,
    github,
    oidcEnv: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/_runner/idtoken?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: RUNNER_REQUEST_TOKEN
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  })
  return simulator
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

/** Returns, for each request, the phase that answers it and its place in the timeline. */
function playTimeline(timeline: Phase[]): (now: number) => { phase: Phase; index: number } {
  let index = 0
  let served = 0
  let startedAt: number | undefined
  return now => {
    for (;;) {
      const phase = timeline[index] as Phase
      if (index === timeline.length - 1) break
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
    return { phase: timeline[index] as Phase, index }
  }
}

/** Why a request's bearer token is refused, if it is. */
function authorize(
  request: IncomingMessage,
  scenario: Scenario,
  signIn: SignInServices
): [number, string] | undefined {
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1]
  if (!token) return [401, 'No bearer token was sent.']
  const checked = scenario.token !== undefined || scenario.entra !== undefined
  if (checked && token !== scenario.token && !signIn.accepts(token)) {
    return [401, 'The access token is invalid or expired.']
  }
  return undefined
}

function answer(
  phase: Phase,
  body: object,
  request: IncomingMessage,
  response: ServerResponse,
  now: () => number,
  api: SimulatedApi
): void {
  if ('respond' in phase) return sendRaw(response, phase)
  if ('fault' in phase) return sendFault(phase, body, request, response, now, api)
  sendJson(response, 200, body)
}

function sendFault(
  phase: FaultPhase,
  body: object,
  request: IncomingMessage,
  response: ServerResponse,
  now: () => number,
  api: SimulatedApi
): void {
  const json = JSON.stringify(body, null, 2)
  switch (phase.fault) {
    case 'hang':
      return // never answers; close() drops the connection
    case 'slow':
      setTimeout(() => sendJson(response, 200, body), (phase.delay ?? 1) * 1000).unref()
      return
    case 'reset':
      request.socket.resetAndDestroy()
      return
    case 'empty':
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': 0 })
      response.end()
      return
    case 'malformed':
      // The reference's own example: a quote missing before a key (liveLinks there).
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(
        json.includes('"liveLinks"')
          ? json.replace('"liveLinks"', 'liveLinks"')
          : json.replace(/"(\w+)":/, '$1":')
      )
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
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
      sendJson(response, phase.fault, api.errorBody(phase.fault, phase.code, phase.message))
    }
  }
}

function sendRaw(response: ServerResponse, phase: RawPhase): void {
  const { status = 200, headers = {}, body, json } = phase.respond
  const text = body ?? (json === undefined ? '' : JSON.stringify(json))
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(text)
}
