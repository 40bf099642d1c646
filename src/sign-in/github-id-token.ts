import { RequestError, type HttpSession } from '../http/http-session.js'
import { answeredLine, refusalOf } from '../http/refusal.js'

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
  const endpoint = "the runner's ID-token endpoint"
  if (answer.status !== 200) throw refusalOf(endpoint, answer, Date.now())
  let value: unknown
  try {
    value = (JSON.parse(answer.body) as { value?: unknown }).value
  } catch {
    // Described below.
  }
  if (typeof value !== 'string' || value === '') {
    throw new RequestError(`${answeredLine(endpoint, answer)} without a token`, false)
  }
  return value
}
