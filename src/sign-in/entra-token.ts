// Why not @azure/identity: measured here, it more than doubles the bundle (about 1.1 MB
// to 2.5 MB), adds about 40 ms to every start, and refuses non-https authorities, which
// rules out tests against the local simulator. The client-credentials grant is one
// form POST; this module is all of it.
import { RequestError, type HttpSession } from '../http/http-session.js'
import { answeredLine, refusalOf } from '../http/refusal.js'

export interface EntraTokenRequest {
  authorityHost: string
  tenantId: string
  clientId: string
  /** What the token is for, in the v2 form: `https://graph.microsoft.com/.default`. */
  scope: string
  /** The app's secret, or a client assertion (a GitHub ID token) for federation. */
  proof: { clientSecret: string } | { clientAssertion: string }
}

export interface EntraToken {
  accessToken: string
  /** Epoch milliseconds: when it was asked for, and when it ends. */
  issuedAt: number
  expiresAt: number
}

// Entra's answer carries expires_in; should it not, assume less than its usual hour.
const ASSUMED_LIFETIME_S = 1_800

/**
 * One client-credentials token request to the Entra ID v2 endpoint. Throws a
 * RequestError: transient for throttling, 5xx and connection trouble; final with
 * Entra's own `error` and AADSTS description otherwise.
 */
export async function requestEntraToken(
  session: HttpSession,
  request: EntraTokenRequest,
  now: () => number,
  signal?: AbortSignal
): Promise<EntraToken> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: request.clientId,
    scope: request.scope
  })
  if ('clientSecret' in request.proof) {
    form.set('client_secret', request.proof.clientSecret)
  } else {
    form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    form.set('client_assertion', request.proof.clientAssertion)
  }
  const url = `${request.authorityHost}/${encodeURIComponent(request.tenantId)}/oauth2/v2.0/token`
  const sentAt = now()
  const answer = await session.request(
    'POST',
    url,
    { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    form.toString(),
    signal
  )

  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(answer.body) as Record<string, unknown>
  } catch {
    // Not a token answer: described below.
  }
  if (answer.status === 200 && typeof json.access_token === 'string' && json.access_token) {
    const lifetime = Number(json.expires_in)
    const seconds = Number.isFinite(lifetime) && lifetime > 0 ? lifetime : ASSUMED_LIFETIME_S
    return { accessToken: json.access_token, issuedAt: sentAt, expiresAt: sentAt + seconds * 1000 }
  }
  if (answer.status === 200) {
    throw new RequestError(`${answeredLine('Entra ID', answer)} without an access_token`, false)
  }
  throw refusalOf('Entra ID', answer, now())
}
