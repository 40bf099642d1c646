// The two sign-in services the action talks to besides the status API:
// Entra ID's token endpoint and the runner's OIDC ID-token endpoint.
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson } from './respond.js'
import { durationMs, type EntraSpec } from './scenario.js'

export const RUNNER_REQUEST_TOKEN = 'simulated-runner-request-token'
const ENTRA_AUDIENCE = 'api://AzureADTokenExchange'
const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/

export interface TokenRequest {
  tenant: string
  form: Record<string, string>
  at: number
}

/** What the sign-in services issued and were asked, for tests to look at. */
export class SignInServices {
  readonly tokenRequests: TokenRequest[] = []
  readonly idTokensIssued: string[] = []
  private readonly accessTokens = new Map<string, { issuedAt: number; expiresAt: number }>()
  private readonly startedAt: number
  private readonly idTokens = new Map<string, { expiresAt: number; audience: string }>()
  private errorsServed = 0

  /** `scope`: the one the simulated API's tokens must be issued for. */
  constructor(
    private readonly spec: EntraSpec | undefined,
    private readonly scope: string,
    private readonly now: () => number
  ) {
    this.startedAt = now()
  }

  get accessTokensIssued(): string[] {
    return [...this.accessTokens.keys()]
  }

  /** Whether an access token was issued here and has not expired, nor been revoked. */
  accepts(accessToken: string): boolean {
    const token = this.accessTokens.get(accessToken)
    return token !== undefined && this.now() < token.expiresAt && !this.revoked(accessToken)
  }

  /** Whether an access token issued here was revoked (`revokeAfter`). */
  revoked(accessToken: string): boolean {
    const token = this.accessTokens.get(accessToken)
    const revokeAfter =
      this.spec?.revokeAfter === undefined ? undefined : durationMs(this.spec.revokeAfter)
    if (token === undefined || revokeAfter === undefined) return false
    const revokedAt = this.startedAt + revokeAfter
    return this.now() >= revokedAt && token.issuedAt < revokedAt
  }

  /** Handles the request if it is for one of these services. */
  handle(request: IncomingMessage, body: string, response: ServerResponse): boolean {
    const url = new URL(request.url ?? '/', 'http://simulator')
    if (url.pathname === '/_runner/idtoken' && request.method === 'GET') {
      if (!this.spec?.idTokenHangs) this.issueIdToken(request, url, response)
      return true
    }
    const tenant = TOKEN_PATH.exec(url.pathname)?.[1]
    if (tenant !== undefined && request.method === 'POST') {
      this.issueAccessToken(decodeURIComponent(tenant), new URLSearchParams(body), response)
      return true
    }
    return false
  }

  private issueIdToken(request: IncomingMessage, url: URL, response: ServerResponse): void {
    if (request.headers.authorization !== `Bearer ${RUNNER_REQUEST_TOKEN}`) {
      return sendJson(response, 401, { message: 'Bad runner request token' })
    }
    const audience = url.searchParams.get('audience') ?? ''
    const now = this.now()
    const lifetime = durationMs(this.spec?.idTokenLifetime ?? '5m') ?? 300_000
    const payload = {
      iss: 'https://token.actions.githubusercontent.com',
      aud: audience,
      sub: 'repo:contoso/marketplace-offers:ref:refs/heads/main',
      iat: Math.floor(now / 1000),
      exp: Math.floor((now + lifetime) / 1000),
      jti: randomBytes(8).toString('hex')
    }
    const token = [{ alg: 'RS256', typ: 'JWT' }, payload]
      .map(part => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .concat(randomBytes(16).toString('base64url'))
      .join('.')
    this.idTokens.set(token, { expiresAt: now + lifetime, audience })
    this.idTokensIssued.push(token)
    sendJson(response, 200, { count: 1, value: token })
  }

  private issueAccessToken(tenant: string, form: URLSearchParams, response: ServerResponse): void {
    const fields = Object.fromEntries(form)
    this.tokenRequests.push({ tenant, form: fields, at: this.now() })
    const spec = this.spec
    if (!spec) return entraError(response, 400, 'invalid_request', 'AADSTS90002: Tenant not found.')
    const scripted = spec.errors?.[this.errorsServed]
    if (scripted) {
      this.errorsServed++
      if (scripted.hang) return // never answers; close() drops the connection
      if (scripted.retryAfter !== undefined) {
        response.setHeader('retry-after', String(scripted.retryAfter))
      }
      return entraError(
        response,
        scripted.status ?? 400,
        scripted.error ?? 'invalid_request',
        (scripted.description ?? 'AADSTS50000: There was an error issuing a token.') +
          (scripted.echoForm ? ` Request: ${form.toString()}` : '')
      )
    }
    const refusal = this.refusal(spec, tenant, fields)
    if (refusal) return entraError(response, ...refusal)

    const lifetime = durationMs(spec.tokenLifetime ?? '1h') ?? 3_600_000
    const accessToken = `sim-access-${randomBytes(12).toString('hex')}`
    this.accessTokens.set(accessToken, { issuedAt: this.now(), expiresAt: this.now() + lifetime })
    sendJson(response, 200, {
      token_type: 'Bearer',
      expires_in: Math.round(lifetime / 1000),
      ext_expires_in: Math.round(lifetime / 1000),
      access_token: accessToken
    })
  }

  private refusal(
    spec: EntraSpec,
    tenant: string,
    form: Record<string, string>
  ): [number, string, string] | undefined {
    if (tenant !== spec.tenantId) {
      return [400, 'invalid_request', `AADSTS90002: Tenant '${tenant}' not found.`]
    }
    if (form.grant_type !== 'client_credentials') {
      return [
        400,
        'unsupported_grant_type',
        'AADSTS70003: The app requested an unsupported grant type.'
      ]
    }
    if (form.client_id !== spec.clientId) {
      return [
        400,
        'unauthorized_client',
        `AADSTS700016: Application with identifier '${form.client_id}' was not found.`
      ]
    }
    if (form.scope !== this.scope) {
      return [400, 'invalid_scope', `AADSTS70011: The provided scope '${form.scope}' is not valid.`]
    }
    if (form.client_secret !== undefined) {
      return form.client_secret === spec.clientSecret
        ? undefined
        : [401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.']
    }
    if (form.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
      return [
        400,
        'invalid_request',
        'AADSTS900144: The request body must contain client_secret or client_assertion.'
      ]
    }
    const idToken = this.idTokens.get(form.client_assertion ?? '')
    if (!idToken || idToken.audience !== ENTRA_AUDIENCE) {
      return [400, 'invalid_client', 'AADSTS700213: No matching federated identity record found.']
    }
    if (this.now() >= idToken.expiresAt) {
      return [
        400,
        'invalid_client',
        'AADSTS700024: Client assertion is not within its valid time range.'
      ]
    }
    return undefined
  }
}

function entraError(
  response: ServerResponse,
  status: number,
  error: string,
  description: string
): void {
  sendJson(response, status, {
    error,
    error_description: `${description}\r\nTrace ID: 00000000-0000-0000-0000-000000000000\r\nCorrelation ID: 00000000-0000-0000-0000-000000000000\r\nTimestamp: 2026-01-01 00:00:00Z`,
    error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)]
  })
}
