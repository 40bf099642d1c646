import { RequestError, type HttpSession } from '../http/http-session.js'
import type { SignIn } from './sign-in-inputs.js'
import type { EntraToken } from './entra-token.js'

/** Where the bearer token of each status request comes from. */
export interface Credential {
  /** A token that is valid for a while yet. Throws a RequestError. */
  getToken(signal?: AbortSignal): Promise<string>
  /**
   * After a 401 for `rejected`: drops that token so that the next one is fresh; false if
   * it cannot be renewed. A token already replaced (another wait got the 401 first) is
   * not renewed again: the next request takes its successor.
   */
  invalidate(rejected: string): boolean
}

export interface CredentialDeps {
  /** The Entra ID scope of the chosen API's tokens. */
  scope: string
  session: HttpSession
  now(): number
  /** Registers a value that must never be shown (core.setSecret). */
  mask(secret: string): void
  /** A GitHub OIDC ID token for an audience. */
  getIDToken(audience: string, signal?: AbortSignal): Promise<string>
  env: NodeJS.ProcessEnv
}

/** The audience Entra ID expects of a GitHub ID token used as a federated credential. */
export const ENTRA_AUDIENCE = 'api://AzureADTokenExchange'
// Renew this long before expiry: a request must never carry a token that dies on the way.
const RENEW_BEFORE_MS = 5 * 60_000

export function createCredential(signIn: SignIn, deps: CredentialDeps): Credential {
  if (signIn.kind === 'token') {
    return { getToken: async () => signIn.token, invalidate: () => false }
  }
  return new EntraCredential(signIn, deps)
}

/** An Entra ID app token, cached with its expiry and renewed a few minutes before it ends. */
class EntraCredential implements Credential {
  private token: EntraToken | undefined
  // Several waits share one credential: one token request serves all that ask meanwhile.
  private pending: Promise<EntraToken> | undefined

  constructor(
    private readonly signIn: Extract<SignIn, { kind: 'client-secret' | 'oidc' }>,
    private readonly deps: CredentialDeps
  ) {}

  async getToken(signal?: AbortSignal): Promise<string> {
    const now = this.deps.now()
    if (this.token && now < this.token.expiresAt - this.renewMargin(this.token)) {
      return this.token.accessToken
    }
    this.pending ??= this.request(signal).finally(() => (this.pending = undefined))
    this.token = await this.pending
    return this.token.accessToken
  }

  private async request(signal?: AbortSignal): Promise<EntraToken> {
    // Loaded at the first sign-in: a wait with a ready token never needs it.
    const { requestEntraToken } = await import('./entra-token.js')
    const token = await requestEntraToken(
      this.deps.session,
      {
        authorityHost: this.signIn.authorityHost,
        tenantId: this.signIn.tenantId,
        clientId: this.signIn.clientId,
        scope: this.deps.scope,
        proof:
          this.signIn.kind === 'client-secret'
            ? { clientSecret: this.signIn.clientSecret }
            : { clientAssertion: await this.idToken(signal) }
      },
      this.deps.now,
      signal
    )
    this.deps.mask(token.accessToken)
    return token
  }

  invalidate(rejected: string): boolean {
    if (this.token?.accessToken === rejected) this.token = undefined
    return true
  }

  // GitHub's ID tokens live minutes and Entra refuses a stale one (AADSTS700024): ask for
  // a fresh one for every token request.
  private async idToken(signal?: AbortSignal): Promise<string> {
    try {
      const idToken = await this.deps.getIDToken(ENTRA_AUDIENCE, signal)
      this.deps.mask(idToken)
      return idToken
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      const transient = error instanceof RequestError ? error.transient : true
      throw new RequestError(
        `could not get a GitHub ID token: ${reason.replace(/\s+/g, ' ').trim()}`,
        transient,
        error instanceof RequestError ? error.retryAfterMs : undefined
      )
    }
  }

  // A few minutes, or half the lifetime of a token shorter than that.
  private renewMargin(token: EntraToken): number {
    return Math.min(RENEW_BEFORE_MS, (token.expiresAt - token.issuedAt) / 2)
  }
}
