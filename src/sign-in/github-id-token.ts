import { header, RequestError, type HttpSession } from '../http/http-session.js'
import { describeErrorBody, isTransientStatus, parseRetryAfter } from '../http/policy.js'

/**
 * A GitHub OIDC ID token for `audience` from the runner's endpoint, as core.getIDToken
 * asks for it, but on the action's own HTTP session: bounded by `request-timeout`,
 * stopped by cancellation and the deadline, and judged by the one HTTP policy.
 */
export async function requestGitHubIdToken(
  session: HttpSession,
  env: NodeJS.ProcessEnv,
  audience: string,
  signal?: AbortSignal
): Promise<string> {
  const url = `${env.ACTIONS_ID_TOKEN_REQUEST_URL ?? ''}&audience=${encodeURIComponent(audience)}`
  const answer = await session.request(
    'GET',
    url,
    {
      accept: 'application/json',
      authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''}`
    },
    undefined,
    signal
  )
  const answered =
    `the runner's ID-token endpoint answered ${answer.status} ${answer.statusText}`.trim()
  if (answer.status !== 200) {
    throw new RequestError(
      `${answered}${describeErrorBody(answer.body)}`,
      isTransientStatus(answer.status),
      parseRetryAfter(header(answer, 'retry-after'), Date.now(), header(answer, 'date'))
    )
  }
  let value: unknown
  try {
    value = (JSON.parse(answer.body) as { value?: unknown }).value
  } catch {
    // Described below.
  }
  if (typeof value !== 'string' || value === '') {
    throw new RequestError(`${answered} without a token`, false)
  }
  return value
}
