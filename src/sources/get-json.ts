// The one request every API makes: an authorized GET of a JSON document, every answer
// sorted by the HTTP policy into ok, transient or final.
import { header, RequestError, type HttpAnswer } from '../http/http-session.js'
import { describeErrorBody } from '../http/error-body.js'
import { quote } from '../http/policy.js'
import { answeredLine, refusalOf } from '../http/refusal.js'
import type { Look } from '../status/source.js'
import type { ApiConnection } from './contract.js'
import { clip } from '../text.js'

/** How one API's answers read to people. */
export interface ServiceWords {
  /** `the Cloud Partner Portal` */
  service: string
  /** Why a 401 may come with a fresh token, and with a given one. */
  unauthorized: { renewed: string; given: string }
  /** A hint after the status, by status code. */
  hints?: Partial<Record<number, string>>
}

/**
 * The words of an API: its name, the audience its tokens must have, where the app must
 * have been added for them to work, and a hint for some statuses (a 404's: what is not
 * there for this request).
 */
export function serviceWords(
  service: string,
  {
    audience,
    addedTo,
    hints = {}
  }: { audience: string; addedTo: string; hints?: ServiceWords['hints'] }
): ServiceWords {
  return {
    service,
    unauthorized: {
      renewed: `even to a new token: the app may not have been added ${addedTo}`,
      given: `the token is expired or lacks rights (it must be an Entra ID token for ${audience})`
    },
    hints: Object.fromEntries(
      Object.entries(hints).map(([status, hint]) => [status, hint ? `: ${hint}` : ''])
    )
  }
}

/** A look that got no JSON, and the status the service answered with, when it answered. */
export type Failure = Exclude<Look, { kind: 'ok' }> & { status?: number }
/** A JSON document, or why there is none. */
export type JsonAnswer = { kind: 'ok'; json: unknown; body: string; answered: string } | Failure

const MESSAGE_CHARS = 500

/** One GET, with a renewed token once after a 401. Never throws but for a defect. */
async function getJson(
  connection: ApiConnection,
  url: string,
  words: ServiceWords,
  signal?: AbortSignal
): Promise<JsonAnswer> {
  let answer = await ask(connection, url, words, signal)
  let renewed = false
  if (answer instanceof Unauthorized && connection.credential.invalidate(answer.token)) {
    renewed = true
    answer = await ask(connection, url, words, signal)
  }
  if (!(answer instanceof Unauthorized)) return answer
  const why = renewed ? words.unauthorized.renewed : words.unauthorized.given
  return {
    kind: 'final',
    problem: connection.redact(
      `${words.service} answered 401 Unauthorized: ${why}${describeErrorBody(answer.body)}`
    )
  }
}

/** A 401, which a renewable credential may get past. */
class Unauthorized {
  constructor(
    readonly body: string,
    /** The token it refused. */
    readonly token: string
  ) {}
}

async function ask(
  connection: ApiConnection,
  url: string,
  words: ServiceWords,
  signal?: AbortSignal
): Promise<JsonAnswer | Unauthorized> {
  try {
    const token = await connection.credential.getToken(signal)
    const answer = await connection.session.request(
      'GET',
      url,
      {
        ...connection.headers,
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: `Bearer ${token}`
      },
      undefined,
      signal
    )
    if (answer.status === 401) return new Unauthorized(answer.body, token)
    const classified = classify(answer, words, connection.now())
    return classified.kind === 'ok'
      ? classified
      : { ...classified, problem: connection.redact(classified.problem) }
  } catch (error) {
    if (!(error instanceof RequestError)) throw error
    return error.transient
      ? {
          kind: 'transient',
          problem: connection.redact(error.message),
          retryAfterMs: error.retryAfterMs
        }
      : { kind: 'final', problem: connection.redact(error.message) }
  }
}

function classify(answer: HttpAnswer, words: ServiceWords, now: number): JsonAnswer {
  const code = answer.status
  const answered = answeredLine(words.service, answer)
  if (code >= 200 && code < 300) return parseBody(answer.body, answered)
  if (code >= 300 && code < 400) {
    const location = header(answer, 'location')
    return {
      kind: 'final',
      problem: `${answered}, a redirect${location ? ` to ${quote(location)}` : ''}; set base-url to the API root`
    }
  }
  const refusal = refusalOf(words.service, answer, now, words.hints?.[code])
  return refusal.transient
    ? {
        kind: 'transient',
        problem: refusal.message,
        retryAfterMs: refusal.retryAfterMs,
        status: code
      }
    : { kind: 'final', problem: refusal.message, status: code }
}

function parseBody(body: string, answered: string): JsonAnswer {
  // A byte-order mark is no reason to fail a publish that went well.
  const text = body.replace(/^\uFEFF/, '')
  if (text.trim() === '') return { kind: 'final', problem: `${answered} with an empty body` }
  try {
    return { kind: 'ok', json: JSON.parse(text), body: text, answered }
  } catch (error) {
    const why = error instanceof Error ? ` (${clip(error.message, MESSAGE_CHARS)})` : ''
    return {
      kind: 'final',
      problem: `${answered} with a body that is not JSON${why}: ${quote(text)}`
    }
  }
}

/** A JSON object, or why there is none: `what` names the object expected (`job status`). */
export async function getJsonObject(
  connection: ApiConnection,
  url: string,
  words: ServiceWords,
  what: string,
  signal?: AbortSignal,
  /** Takes the object out of a shape that wraps it. */
  unwrap: (json: unknown) => unknown = json => json
): Promise<{ kind: 'ok'; object: Record<string, unknown>; answered: string } | Failure> {
  const answer = await getJson(connection, url, words, signal)
  if (answer.kind !== 'ok') return answer
  const json = unwrap(answer.json)
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    return { kind: 'ok', object: json as Record<string, unknown>, answered: answer.answered }
  }
  return {
    kind: 'final',
    problem: connection.redact(
      `${answer.answered} with JSON that is not ${what} object: ${quote(answer.body)}`
    )
  }
}
