import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { HttpClient } from '@actions/http-client'
import { clip } from '../text.js'
import { honourNoProxy } from './no-proxy.js'
import { isNeverSentNetworkError, isTransientNetworkError, isTransientStatus } from './policy.js'

// The package does not export its handler type.
type RequestHandler = NonNullable<ConstructorParameters<typeof HttpClient>[1]>[number]

/** A whole HTTP answer: status, headers and body text. */
export interface HttpAnswer {
  status: number
  statusText: string
  headers: IncomingHttpHeaders
  body: string
}

/** What an answer that was not what was asked for says of itself. */
export interface RefusalFacts {
  /** The HTTP status, when an answer came. */
  status?: number
  /** A rate limit, not a refusal: it passes. */
  rateLimited?: boolean
  /** The request never left: no connection carried it. */
  neverSent?: boolean
}

/**
 * A request that got no usable answer, from any service the action calls;
 * `transient` when a later attempt may fare better.
 */
export class RequestError extends Error {
  readonly status: number | undefined
  readonly rateLimited: boolean
  readonly neverSent: boolean

  constructor(
    message: string,
    readonly transient: boolean,
    /** How long the server asked us to wait (Retry-After, a rate limit's reset), when it said. */
    readonly retryAfterMs?: number,
    facts: RefusalFacts = {}
  ) {
    super(message)
    this.name = 'RequestError'
    this.status = facts.status
    this.rateLimited = facts.rateLimited ?? false
    this.neverSent = facts.neverSent ?? false
  }
}

/** What bounds a session's requests beyond `request-timeout`, and who hears its answers. */
export interface SessionLimits {
  /** The time the next request may take at most: what is left to the deadline. */
  leftMs?(): number
  /** Sees the headers of every answer (the services' `Date`, for the wait's clock). */
  onAnswer?(headers: IncomingHttpHeaders): void
}

const USER_AGENT = 'wait-for-marketplace-offer'
const MAX_BODY_BYTES = 8 * 1024 * 1024
const STATUS_TEXT_CHARS = 100

/**
 * HTTP requests on @actions/http-client (which honours the runner's proxy settings)
 * with a limit on the whole exchange, cancellation, and no redirects followed. Every
 * answer's text, headers included, has the known secrets cut out before anything reads
 * or shortens it: a server that echoes a token cannot get a piece of it into a message.
 * A request that is stopped ends alone: the others on the same client go on.
 */
export class HttpSession {
  private http: HttpClient | undefined
  // The signal of the request being prepared: http-client prepares it synchronously.
  private preparing: AbortSignal | undefined

  constructor(
    private readonly timeoutMs: number,
    private readonly redact: (text: string) => string,
    private readonly limits: SessionLimits = {}
  ) {}

  /** The whole answer, or a RequestError. Never follows a redirect. */
  async request(
    method: string,
    url: string,
    headers: Record<string, string>,
    body?: string,
    signal?: AbortSignal
  ): Promise<HttpAnswer> {
    const http = (this.http ??= new HttpClient(USER_AGENT, [this.handler], {
      allowRedirects: false,
      allowRetries: false,
      keepAlive: true,
      socketTimeout: this.timeoutMs
    }))
    honourNoProxy(url)
    const left = this.limits.leftMs?.() ?? Infinity
    if (left <= 0) {
      throw new RequestError('no answer before the deadline', true, undefined, { neverSent: true })
    }
    const limitMs = Math.min(this.timeoutMs, left)
    const stopThis = new AbortController()
    let message: IncomingMessage | undefined
    this.preparing = stopThis.signal
    const exchange = (async () => {
      const pending = http.request(method, url, body ?? null, headers)
      this.preparing = undefined
      const response = await pending
      message = response.message
      return { message, text: await readBody(message) }
    })()
    // The request may go on after we stop waiting for it; its failure is then moot.
    exchange.catch(() => undefined)

    const stop = await raceStop(exchange, limitMs, signal)
    if (stop) {
      // Drop this request's connection so that a hung request cannot outlive its timeout.
      stopThis.abort()
      message?.destroy()
      if (stop === 'aborted') throw new RequestError('request cancelled', true)
      throw limitMs < this.timeoutMs
        ? new RequestError('no answer before the deadline', true)
        : new RequestError(`no answer within ${this.timeoutMs / 1000}s (request-timeout)`, true)
    }
    try {
      const { message, text } = await exchange
      this.limits.onAnswer?.(message.headers)
      return {
        status: message.statusCode ?? 0,
        statusText: clip(this.redact(message.statusMessage ?? ''), STATUS_TEXT_CHARS),
        headers: this.redactHeaders(message.headers),
        body: this.redact(text)
      }
    } catch (error) {
      throw error instanceof RequestError ? error : networkError(error)
    }
  }

  dispose(): void {
    this.http?.dispose()
    this.http = undefined
  }

  private redactHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
    // fromEntries defines own fields: a header named `__proto__` stays a header.
    return Object.fromEntries(
      Object.entries(headers)
        .filter(([name]) => name !== 'set-cookie')
        .map(([name, value]) => [name, typeof value === 'string' ? this.redact(value) : value])
    )
  }

  // http-client's public hook on every request it prepares (its only one).
  private readonly handler: RequestHandler = {
    prepareRequest: options => {
      // Node stops the request, and only it, when this aborts.
      if (this.preparing) options.signal = this.preparing
      // http-client hands a URL's hostname to the connection as it is, and an IPv6
      // literal's keeps its brackets (`[::1]`), which no name lookup finds.
      const host = options.host
      if (host?.startsWith('[') && host.endsWith(']')) options.host = host.slice(1, -1)
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('not used'))
  }
}

export function header(answer: HttpAnswer, name: string): string | undefined {
  const value = Object.hasOwn(answer.headers, name) ? answer.headers[name] : undefined
  return Array.isArray(value) ? value[0] : value
}

// How the tunnel of http-client reports a proxy that refused CONNECT: it calls that a
// reset connection, which it is not.
const PROXY_REFUSAL = /tunneling socket could not be established, statusCode=(\d{3})/
const PROXY_HINTS: Partial<Record<number, string>> = {
  407: ': it asks for credentials; give them in the proxy URL (HTTPS_PROXY=http://user:password@host:port)',
  403: ': it does not let this host through; allow it there, or name it in NO_PROXY'
}

function networkError(error: unknown): RequestError {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  const refused = PROXY_REFUSAL.exec(message ?? '')
  if (refused) {
    const status = Number(refused[1])
    return new RequestError(
      `the proxy refused the connection: it answered CONNECT with ${status}${PROXY_HINTS[status] ?? ''}`,
      isTransientStatus(status),
      undefined,
      { neverSent: true }
    )
  }
  const text = clip(
    `${message ?? String(error)}${code && !message?.includes(code) ? ` (${code})` : ''}`,
    500
  )
  const facts = { neverSent: isNeverSentNetworkError(code) }
  return isTransientNetworkError(code, message)
    ? new RequestError(`connection problem: ${text}`, true, undefined, facts)
    : new RequestError(`request failed: ${text}`, false, undefined, facts)
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
        // Final: the same request would bring the same body again, and again.
        reject(
          new RequestError(
            `the answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB (more than ${size} bytes${lengthOf(message)}); no status fits that`,
            false
          )
        )
        message.destroy()
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

function lengthOf(message: IncomingMessage): string {
  const length = Number(message.headers['content-length'])
  return Number.isFinite(length) ? `, ${length} announced` : ''
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
