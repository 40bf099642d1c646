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

const USER_AGENT = 'wait-for-marketplace-offer'
const MAX_BODY_BYTES = 8 * 1024 * 1024

/**
 * HTTP requests on @actions/http-client (which honours the runner's proxy settings)
 * with a limit on the whole exchange, cancellation, and no redirects followed.
 */
export class HttpSession {
  private http: HttpClient | undefined

  constructor(private readonly timeoutMs: number) {}

  /** The whole answer, or a RequestError. Never follows a redirect. */
  async request(
    method: string,
    url: string,
    headers: Record<string, string>,
    body?: string,
    signal?: AbortSignal
  ): Promise<HttpAnswer> {
    const http = (this.http ??= new HttpClient(USER_AGENT, [], {
      allowRedirects: false,
      allowRetries: false,
      keepAlive: true,
      socketTimeout: this.timeoutMs
    }))
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
      throw stop === 'timeout'
        ? new RequestError(`no answer within ${this.timeoutMs / 1000}s (request-timeout)`, true)
        : new RequestError('request cancelled', true)
    }
    try {
      const { message, text } = await exchange
      return {
        status: message.statusCode ?? 0,
        statusText: message.statusMessage ?? '',
        headers: message.headers,
        body: text
      }
    } catch (error) {
      throw networkError(error)
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
