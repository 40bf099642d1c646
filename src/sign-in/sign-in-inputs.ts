// The sign-in inputs: exactly one way to get a bearer token, checked before any request.
import { readHttpsUrl } from '../inputs/https-url.js'
import { isGuid, readId } from '../inputs/ids.js'
import { InputError, quoteNames } from '../inputs/input-error.js'
import type { InputReader } from '../inputs/input-reader.js'
import { hasControlChar } from '../text.js'

/** The one way to get a bearer token that the inputs give. */
export type SignIn =
  | { kind: 'token'; token: string }
  | {
      kind: 'client-secret'
      tenantId: string
      clientId: string
      clientSecret: string
      authorityHost: string
    }
  | { kind: 'oidc'; tenantId: string; clientId: string; authorityHost: string }

const SIGN_IN_WAYS =
  "sign in one way: 'token'; or 'tenant-id', 'client-id' and 'client-secret'; or 'tenant-id' and 'client-id' (GitHub OIDC)"

/** The way the inputs sign in; `authorityHost` is the input with its default. */
export function readSignIn(
  readInput: InputReader,
  authorityHost: string,
  env: NodeJS.ProcessEnv
): SignIn {
  const given = ['token', 'tenant-id', 'client-id', 'client-secret'].filter(
    name => (readInput(name) ?? '').trim() !== ''
  )
  const has = (name: string): boolean => given.includes(name)
  if (has('token')) {
    if (given.length > 1) throw new InputError(given, `were all given: ${SIGN_IN_WAYS}`)
    return { kind: 'token', token: readToken(readInput) }
  }
  if (!has('tenant-id') || !has('client-id')) {
    if (given.length === 0)
      throw new InputError('token', `is empty and nothing else was given: ${SIGN_IN_WAYS}`)
    const missing = ['tenant-id', 'client-id'].filter(name => !has(name))
    throw new InputError(given, `need ${quoteNames(missing)} as well: ${SIGN_IN_WAYS}`)
  }
  const app = {
    tenantId: readId(readInput, 'tenant-id'),
    clientId: readClientId((readInput('client-id') ?? '').trim()),
    authorityHost: readHttpsUrl('authority-host', authorityHost)
  }
  if (!has('client-secret')) {
    if (!(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)) {
      throw new InputError(
        ['tenant-id', 'client-id'],
        'without client-secret sign in with GitHub OIDC, but this job gets no ID token: add `permissions: id-token: write` to the job'
      )
    }
    return { kind: 'oidc', ...app }
  }
  // Never quote a secret; only refuse what would break the request.
  const clientSecret = (readInput('client-secret') ?? '').trim()
  if (hasControlChar(clientSecret)) {
    throw new InputError('client-secret', 'contains control characters or line breaks')
  }
  return { kind: 'client-secret', ...app, clientSecret }
}

const SHORTEST_TOKEN = 8

/** A token as given, without the `Bearer ` a copied header brings along. */
export function withoutBearer(value: string): string {
  return value.trim().replace(/^bearer\s+/i, '')
}

function readToken(readInput: InputReader): string {
  const token = withoutBearer(readInput('token') ?? '')
  // Never quote the token: it is a secret.
  if (!token || /\s/.test(token) || hasControlChar(token)) {
    throw new InputError('token', 'contains spaces or control characters; pass the bare token')
  }
  // No real token is this short, and every answer has the token cut out of it.
  if (token.length < SHORTEST_TOKEN) {
    throw new InputError(
      'token',
      `is ${token.length} characters long; a real token has far more than ${SHORTEST_TOKEN}`
    )
  }
  return token
}

function readClientId(value: string): string {
  if (!isGuid(value)) {
    throw new InputError(
      'client-id',
      `must be the app's application (client) id, a GUID: ${JSON.stringify(value.slice(0, 60))}`
    )
  }
  return value
}
