// The one write every API makes: a publishing request, sent once. A 401 is refused
// before anything is done, so it alone is sent again, once, with a renewed token; every
// other answer is sorted by the write policy: taken, not taken (ask again later),
// refused, or lost (it may have been taken, so it is never sent again blindly).
import { describeErrorBody } from '../http/error-body.js'
import { RequestError, type HttpAnswer } from '../http/http-session.js'
import { writeAnswerKind } from '../http/policy.js'
import { answeredLine, refusalOf } from '../http/refusal.js'
import type { PublishAnswer } from '../status/publishing.js'
import type { ApiConnection } from './contract.js'
import type { ServiceWords } from './get-json.js'

/** A request the service took: its answer, for the API to read what it started. */
export type SendAnswer =
  | { kind: 'taken'; answer: HttpAnswer; answered: string }
  | Exclude<PublishAnswer, { kind: 'taken' | 'lost' }>
  | { kind: 'lost'; problem: string }

/** Sends `method url` with `body` (JSON text) once; never throws but for a defect. */
export async function sendRequest(
  connection: ApiConnection,
  method: 'POST',
  url: string,
  body: string | undefined,
  words: ServiceWords,
  signal?: AbortSignal
): Promise<SendAnswer> {
  let answer = await send(connection, method, url, body, signal)
  if (answer instanceof Refused401 && connection.credential.invalidate(answer.token)) {
    answer = await send(connection, method, url, body, signal)
  }
  if (answer instanceof Refused401) {
    return {
      kind: 'refused',
      problem: connection.redact(
        `${words.service} answered 401 Unauthorized: ${words.unauthorized.renewed}${describeErrorBody(answer.body)}`
      )
    }
  }
  if (!('status' in answer)) return answer
  const answered = answeredLine(words.service, answer)
  const kind = writeAnswerKind(answer.status)
  if (kind === 'taken') return { kind, answer, answered }
  const refusal = refusalOf(words.service, answer, connection.now(), words.hints?.[answer.status])
  const problem = connection.redact(refusal.message)
  return kind === 'again'
    ? { kind, problem, retryAfterMs: refusal.retryAfterMs }
    : { kind, problem }
}

class Refused401 {
  constructor(
    readonly body: string,
    readonly token: string
  ) {}
}

async function send(
  connection: ApiConnection,
  method: string,
  url: string,
  body: string | undefined,
  signal?: AbortSignal
): Promise<HttpAnswer | Refused401 | Exclude<SendAnswer, { kind: 'taken' }>> {
  let token: string
  try {
    token = await connection.credential.getToken(signal)
  } catch (error) {
    if (!(error instanceof RequestError)) throw error
    // No request left: a sign-in that failed sent nothing to the API.
    const problem = connection.redact(error.message)
    return error.transient ? { kind: 'again', problem } : { kind: 'refused', problem }
  }
  try {
    const answer = await connection.session.request(
      method,
      url,
      {
        ...connection.headers,
        accept: 'application/json',
        'content-type': 'application/json; charset=utf-8',
        authorization: `Bearer ${token}`
      },
      body,
      signal
    )
    return answer.status === 401 ? new Refused401(answer.body, token) : answer
  } catch (error) {
    if (!(error instanceof RequestError)) throw error
    const problem = connection.redact(error.message)
    if (error.neverSent) return { kind: 'again', problem }
    return { kind: 'lost', problem }
  }
}
