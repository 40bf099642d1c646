import type { IncomingMessage } from 'node:http'
import { HttpClient } from '@actions/http-client'
import { parseOfferStatus, type OfferStatus } from './offer-status.js'
import { clip } from './text.js'

/** Every answer of the status endpoint falls in one of three kinds. */
export type StatusAnswer =
  | { kind: 'ok'; offer: OfferStatus }
  /** Worth asking again later (throttling, 5xx, dropped or slow connection). */
  | { kind: 'transient'; problem: string; retryAfterMs?: number }
  /** Asking again will not help (bad request, no rights, not found, unreadable body). */
  | { kind: 'final'; problem: string }

export interface CppClientOptions {
  baseUrl: string
  apiVersion: string
  publisherId: string
  offerId: string
  token: string
  requestTimeoutMs: number
  now?: () => number
}

const USER_AGENT = 'wait-for-marketplace-offer'
const MAX_BODY_BYTES = 8 * 1024 * 1024
const QUOTE_CHARS = 160
const MESSAGE_CHARS = 500

// Connection trouble that a later attempt may not meet.
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'BODY_ABORTED'
])

export class CppClient {
  private http: HttpClient | undefined
  private readonly url: string
  private readonly now: () => number

  constructor(private readonly options: CppClientOptions) {
    const { baseUrl, publisherId, offerId, apiVersion } = options
    this.url =
      `${baseUrl}/api/publishers/${encodeURIComponent(publisherId)}` +
      `/offers/${encodeURIComponent(offerId)}/status?api-version=${encodeURIComponent(apiVersion)}`
    this.now = options.now ?? Date.now
  }

  /** One GET of the offer status, classified. Never throws. */
  async getOfferStatus(signal?: AbortSignal): Promise<StatusAnswer> {
    const http = (this.http ??= new HttpClient(USER_AGENT, [], {
      allowRedirects: false,
      allowRetries: false,
      keepAlive: true,
      socketTimeout: this.options.requestTimeoutMs
    }))
    let message: IncomingMessage | undefined
    const exchange = (async () => {
      const response = await http.get(this.url, {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: `Bearer ${this.options.token}`
      })
      message = response.message
      return { message, body: await readBody(message) }
    })()
    // The request may go on after we stop waiting for it; its failure is then moot.
    exchange.catch(() => undefined)

    const stop = await raceStop(exchange, this.options.requestTimeoutMs, signal)
    if (stop) {
      // Drop the connection so a hung request cannot outlive its timeout.
      message?.destroy()
      this.dispose()
      return stop === 'timeout'
        ? {
            kind: 'transient',
            problem: `no answer within ${this.options.requestTimeoutMs / 1000}s (request-timeout)`
          }
        : { kind: 'transient', problem: 'request cancelled' }
    }
    try {
      const { message, body } = await exchange
      return this.redact(this.classify(message, body))
    } catch (error) {
      return this.redact(classifyNetworkError(error))
    }
  }

  dispose(): void {
    this.http?.dispose()
    this.http = undefined
  }

  private classify(message: IncomingMessage, body: string): StatusAnswer {
    const code = message.statusCode ?? 0
    const answered = `the Cloud Partner Portal answered ${code}${message.statusMessage ? ` ${message.statusMessage}` : ''}`
    if (code >= 200 && code < 300) return parseStatusBody(body, answered)
    if (code === 408 || code === 429 || (code >= 500 && code !== 501)) {
      return {
        kind: 'transient',
        problem: `${answered}${describeErrorBody(body)}`,
        retryAfterMs: parseRetryAfter(header(message, 'retry-after'), this.now())
      }
    }
    if (code >= 300 && code < 400) {
      const location = header(message, 'location')
      return {
        kind: 'final',
        problem: `${answered}, a redirect${location ? ` to ${quote(location)}` : ''}; set base-url to the API root`
      }
    }
    const hint =
      code === 401
        ? ': the token is expired, malformed or not for https://cloudpartner.azure.com'
        : code === 403
          ? ': the token lacks rights to this publisher'
          : ''
    return { kind: 'final', problem: `${answered}${hint}${describeErrorBody(body)}` }
  }

  // A server may echo what it was sent: never let the token through in its words.
  private redact(answer: StatusAnswer): StatusAnswer {
    if (answer.kind === 'ok' || !answer.problem.includes(this.options.token)) return answer
    return { ...answer, problem: answer.problem.split(this.options.token).join('***') }
  }
}

/** Seconds or an HTTP-date, as milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const text = value?.trim()
  if (!text) return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

function parseStatusBody(body: string, answered: string): StatusAnswer {
  if (body.trim() === '') return { kind: 'final', problem: `${answered} with an empty body` }
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch (error) {
    const why = error instanceof Error ? ` (${oneLine(error.message)})` : ''
    return {
      kind: 'final',
      problem: `${answered} with a body that is not JSON${why}: ${quote(body)}`
    }
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return {
      kind: 'final',
      problem: `${answered} with JSON that is not an offer status object: ${quote(body)}`
    }
  }
  return { kind: 'ok', offer: parseOfferStatus(json as Record<string, unknown>) }
}

/** `: CODE: message` from the error shapes Azure front ends use, else a quote of the body. */
function describeErrorBody(body: string): string {
  if (body.trim() === '') return ''
  try {
    const json = JSON.parse(body) as Record<string, unknown>
    const inner = (typeof json.error === 'object' && json.error) || json
    const { code, message, Message } = inner as Record<string, unknown>
    const description = json.error_description
    const parts = [
      code ?? (typeof json.error === 'string' ? json.error : undefined),
      message ?? Message ?? description
    ]
      .filter(part => typeof part === 'string' && part.trim() !== '')
      .map(part => oneLine(part as string))
    if (parts.length > 0) return `: ${parts.join(': ')}`
  } catch {
    // Not JSON: quote it below.
  }
  return `: ${quote(body)}`
}

function classifyNetworkError(error: unknown): StatusAnswer {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  const text = `${message ?? String(error)}${code && !message?.includes(code) ? ` (${code})` : ''}`
  if (
    (code && (TRANSIENT_NETWORK_CODES.has(code) || code.startsWith('UND_ERR'))) ||
    /^Request timeout/.test(message ?? '')
  ) {
    return { kind: 'transient', problem: `connection problem: ${oneLine(text)}` }
  }
  return { kind: 'final', problem: `request failed: ${oneLine(text)}` }
}

function readBody(message: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const aborted = (): void =>
      reject(
        Object.assign(new Error('the connection closed before the whole body arrived'), {
          code: 'BODY_ABORTED'
        })
      )
    message.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        message.destroy()
        reject(new Error(`the response is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`))
        return
      }
      chunks.push(chunk)
    })
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    message.on('aborted', aborted)
    message.on('error', aborted)
    message.on('close', () => {
      if (!message.complete) aborted()
    })
  })
}

function raceStop(
  exchange: Promise<unknown>,
  timeoutMs: number,
  signal: AbortSignal | undefined
): Promise<'timeout' | 'aborted' | undefined> {
  if (signal?.aborted) return Promise.resolve('aborted')
  return new Promise(resolve => {
    const timer = setTimeout(() => finish('timeout'), timeoutMs)
    const onAbort = (): void => finish('aborted')
    signal?.addEventListener('abort', onAbort, { once: true })
    function finish(result: 'timeout' | 'aborted' | undefined): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      resolve(result)
    }
    exchange.then(
      () => finish(undefined),
      () => finish(undefined)
    )
  })
}

function header(message: IncomingMessage, name: string): string | undefined {
  const value = message.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function oneLine(text: string): string {
  return clip(text, MESSAGE_CHARS)
}

/** The start of what came back, on one line, quoted. */
function quote(text: string): string {
  return `"${clip(text, QUOTE_CHARS)}"`
}
