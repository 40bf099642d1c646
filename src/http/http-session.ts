import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { HttpClient } from '@actions/http-client'
import { clip } from '../text.js'
import { isTransientNetworkError } from './policy.js'

/** A whole HTTP answer: status, headers and body text. */
export interface HttpAnswer {
  status: number
  statusText: string
  headers: IncomingHttpHeaders
  body: string
}

/** A request that got no usable answer; `transient` when a later attempt may fare better. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    /** How long the server asked us to wait (Retry-After), when it said. */
    readonly retryAfterMs?: number
  ) {
    super(message)
    this.name = 'RequestError'
  }
}

/** The reason to abort a request's signal with when the wait's deadline has passed. */
export class DeadlinePassed extends Error {
  constructor() {
    super('the deadline passed')
    this.name = 'DeadlinePassed'
  }
}

const USER_AGENT = 'wait-for-marketplace-offer'
const MAX_BODY_BYTES = 8 * 1024 * 1024
const STATUS_TEXT_CHARS = 100

/**
 * HTTP requests on @actions/http-client (which honours the runner's proxy settings)
 * with a limit on the whole exchange, cancellation, and no redirects followed. Every
 * answer's text has the known secrets cut out before anything reads it: a server that
 * echoes a token cannot get it into a message, however that message is later cut.
 */
export class HttpSession {
  private http: HttpClient | undefined

  constructor(
    private readonly timeoutMs: number,
    private readonly redact: (text: string) => string = text => text
  ) {}

  /** The whole answer, or a RequestError. Never follows a redirect. */
  async request(
    method: string,
    url: string,
    headers: Record<string, string>,
    body?: string,
    signal?: AbortSignal
  ): Promise<HttpAnswer> {
    const http = (this.http ??= withIpv6Literals(
      new HttpClient(USER_AGENT, [], {
        allowRedirects: false,
        allowRetries: false,
        keepAlive: true,
        socketTimeout: this.timeoutMs
      })
    ))
    let message: IncomingMessage | undefined
    const exchange = (async () => {
      const response = await http.request(method, url, body ?? null, headers)
      message = response.message
      return { message, text: await readBody(message) }
    })()
    // The request may go on after we stop waiting for it; its failure is then moot.
    exchange.catch(() => undefined)

    const stop = await raceStop(exchange, this.timeoutMs, signal)
    if (stop) {
      // Drop the connection so a hung request cannot outlive its timeout.
      message?.destroy()
      this.dispose()
      if (stop === 'timeout') {
        throw new RequestError(`no answer within ${this.timeoutMs / 1000}s (request-timeout)`, true)
      }
      throw signal?.reason instanceof DeadlinePassed
        ? new RequestError('no answer before the deadline', true)
        : new RequestError('request cancelled', true)
    }
    try {
      const { message, text } = await exchange
      return {
        status: message.statusCode ?? 0,
        statusText: this.redact(clip(message.statusMessage ?? '', STATUS_TEXT_CHARS)),
        headers: message.headers,
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
}

export function header(answer: HttpAnswer, name: string): string | undefined {
  const value = answer.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function networkError(error: unknown): RequestError {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  const text = clip(
    `${message ?? String(error)}${code && !message?.includes(code) ? ` (${code})` : ''}`,
    500
  )
  return isTransientNetworkError(code, message)
    ? new RequestError(`connection problem: ${text}`, true)
    : new RequestError(`request failed: ${text}`, false)
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

/**
 * http-client hands a URL's hostname to the connection as it is, and an IPv6 literal's
 * hostname keeps its brackets (`[::1]`), which no name lookup finds: unwrap it.
 */
function withIpv6Literals(http: HttpClient): HttpClient {
  const client = http as unknown as {
    _prepareRequest(...args: unknown[]): { options: { host?: string } }
  }
  const prepare = client._prepareRequest.bind(client)
  client._prepareRequest = (...args) => {
    const info = prepare(...args)
    const host = info.options.host
    if (host?.startsWith('[') && host.endsWith(']')) info.options.host = host.slice(1, -1)
    return info
  }
  return http
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
