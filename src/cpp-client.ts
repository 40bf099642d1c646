import type { Credential } from './credential.js'
import {
  describeErrorBody,
  header,
  quote,
  RequestError,
  type HttpAnswer,
  type HttpSession
} from './http-request.js'
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
  credential: Credential
  session: HttpSession
  /** Removes secrets from text the service sent back. */
  redact: (text: string) => string
  now?: () => number
}

const MESSAGE_CHARS = 500

export class CppClient {
  private readonly url: string
  private readonly now: () => number

  constructor(private readonly options: CppClientOptions) {
    const { baseUrl, publisherId, offerId, apiVersion } = options
    this.url =
      `${baseUrl}/api/publishers/${encodeURIComponent(publisherId)}` +
      `/offers/${encodeURIComponent(offerId)}/status?api-version=${encodeURIComponent(apiVersion)}`
    this.now = options.now ?? Date.now
  }

  /**
   * One look at the offer status, classified. A 401 renews a renewable credential and
   * asks once more at once. Never throws.
   */
  async getOfferStatus(signal?: AbortSignal): Promise<StatusAnswer> {
    let answer = await this.ask(signal)
    let renewed = false
    if (answer instanceof Unauthorized && this.options.credential.invalidate()) {
      renewed = true
      answer = await this.ask(signal)
    }
    if (!(answer instanceof Unauthorized)) return answer
    const why = renewed
      ? 'even to a new token: the app may not have been added to the publisher in Partner Center'
      : 'the token is expired or lacks rights (it must be an Entra ID token for https://cloudpartner.azure.com)'
    return this.redacted({
      kind: 'final',
      problem: `the Cloud Partner Portal answered 401 Unauthorized: ${why}${describeErrorBody(answer.body)}`
    })
  }

  private async ask(signal?: AbortSignal): Promise<StatusAnswer | Unauthorized> {
    try {
      const token = await this.options.credential.getToken(signal)
      const answer = await this.options.session.request(
        'GET',
        this.url,
        {
          accept: 'application/json',
          'content-type': 'application/json',
          authorization: `Bearer ${token}`
        },
        undefined,
        signal
      )
      if (answer.status === 401) return new Unauthorized(answer.body)
      return this.redacted(this.classify(answer))
    } catch (error) {
      if (!(error instanceof RequestError)) throw error
      return this.redacted({
        kind: error.transient ? 'transient' : 'final',
        problem: error.message
      })
    }
  }

  private classify(answer: HttpAnswer): StatusAnswer {
    const code = answer.status
    const answered = `the Cloud Partner Portal answered ${code}${answer.statusText ? ` ${answer.statusText}` : ''}`
    if (code >= 200 && code < 300) return parseStatusBody(answer.body, answered)
    if (code === 408 || code === 429 || (code >= 500 && code !== 501)) {
      return {
        kind: 'transient',
        problem: `${answered}${describeErrorBody(answer.body)}`,
        retryAfterMs: parseRetryAfter(header(answer, 'retry-after'), this.now())
      }
    }
    if (code >= 300 && code < 400) {
      const location = header(answer, 'location')
      return {
        kind: 'final',
        problem: `${answered}, a redirect${location ? ` to ${quote(location)}` : ''}; set base-url to the API root`
      }
    }
    const hint = code === 403 ? ': the token lacks rights to this publisher' : ''
    return { kind: 'final', problem: `${answered}${hint}${describeErrorBody(answer.body)}` }
  }

  private redacted(answer: StatusAnswer): StatusAnswer {
    return answer.kind === 'ok'
      ? answer
      : { ...answer, problem: this.options.redact(answer.problem) }
  }
}

/** A 401, which a renewable credential may get past. */
class Unauthorized {
  constructor(readonly body: string) {}
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
    const why = error instanceof Error ? ` (${clip(error.message, MESSAGE_CHARS)})` : ''
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
