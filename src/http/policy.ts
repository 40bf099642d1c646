// Which answers are worth asking again and how long to wait first: one policy for every
// service the action calls (the status APIs, Entra ID, GitHub).
import { clip } from '../text.js'

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

// Connection trouble before the request could leave: nothing was sent.
const NEVER_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN'
])

/** A failed connection that never carried the request. */
export function isNeverSentNetworkError(code: string | undefined): boolean {
  return code !== undefined && NEVER_SENT_CODES.has(code)
}

/**
 * What the answer to a publishing request (a write, sent at most once) means: `again`,
 * it was not taken and may be sent later (429: asked to come back); `lost`, it may have
 * been taken and its answer did not come (408, 5xx), so it is never sent again blindly;
 * `refused`, it was not taken and sending it again would not help (any other 4xx).
 */
export function writeAnswerKind(status: number): 'taken' | 'again' | 'lost' | 'refused' {
  if (status >= 200 && status < 300) return 'taken'
  if (status === 429) return 'again'
  if (status === 408 || status >= 500) return 'lost'
  return 'refused'
}

/** Timeouts, throttling and server trouble; not 501, which will not change. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501)
}

/** A failed connection (an error code of node or undici) that may work next time. */
export function isTransientNetworkError(code: string | undefined, message = ''): boolean {
  return (
    (code !== undefined && (TRANSIENT_NETWORK_CODES.has(code) || code.startsWith('UND_ERR'))) ||
    /^Request timeout/.test(message)
  )
}

/**
 * Seconds or an HTTP-date, as milliseconds from now; undefined when absent or unreadable.
 * A date is taken relative to the answer's own `Date` when it has one: the runner's
 * clock may be hours off the server's.
 */
export function parseRetryAfter(
  value: string | undefined,
  now: number,
  serverDate?: string
): number | undefined {
  const text = value?.trim().slice(0, 100)
  if (!text) return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  const serverNow = serverDate ? Date.parse(serverDate.slice(0, 100)) : NaN
  return Math.max(0, at - (Number.isNaN(serverNow) ? now : serverNow))
}

/**
 * When a rate limit that counts requests lets them through again (GitHub's
 * `x-ratelimit-reset`, epoch seconds, once `x-ratelimit-remaining` is 0), as milliseconds
 * from now; read against the answer's own `Date` like a Retry-After date.
 */
export function parseRateLimitReset(
  remaining: string | undefined,
  reset: string | undefined,
  now: number,
  serverDate?: string
): number | undefined {
  if (remaining?.trim() !== '0' || !/^\d{1,12}$/.test(reset?.trim() ?? '')) return undefined
  const serverNow = serverDate ? Date.parse(serverDate.slice(0, 100)) : NaN
  return Math.max(0, Number(reset) * 1000 - (Number.isNaN(serverNow) ? now : serverNow))
}

const QUOTE_CHARS = 160

/** The start of what came back, on one line, quoted. */
export function quote(text: string): string {
  return `"${clip(text, QUOTE_CHARS)}"`
}
