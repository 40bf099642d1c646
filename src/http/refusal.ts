// One way to turn an answer that is not what was asked for into an error, for every
// service the action calls: what it answered, whether asking again may help (the one
// HTTP policy), how long it asked to wait, and its own words.
import { header, RequestError, type HttpAnswer } from './http-session.js'
import { describeErrorBody } from './error-body.js'
import { isTransientStatus, parseRetryAfter } from './policy.js'

/** `Entra ID answered 503 Service Unavailable`. */
export function answeredLine(who: string, answer: HttpAnswer): string {
  return `${who} answered ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`
}

/** The refusal as an error; `hint` says, after the status, what it means here. */
export function refusalOf(
  who: string,
  answer: HttpAnswer,
  now: number,
  hint?: string
): RequestError {
  const transient = isTransientStatus(answer.status)
  return new RequestError(
    `${answeredLine(who, answer)}${hint ?? ''}${describeErrorBody(answer.body)}`,
    transient,
    transient
      ? parseRetryAfter(header(answer, 'retry-after'), now, header(answer, 'date'))
      : undefined
  )
}
