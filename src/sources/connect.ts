// The sources' connection to the chosen API: one sign-in and one HTTP session for every
// wait of the step, and one deadline for every request of a look.
import { setMaxListeners } from 'node:events'
import { DeadlinePassed, HttpSession } from '../http/http-session.js'
import { createCredential } from '../sign-in/credential.js'
import { requestGitHubIdToken } from '../sign-in/github-id-token.js'
import type { Secrets } from '../sign-in/secrets.js'
import type { SignIn } from '../sign-in/sign-in-inputs.js'
import type { StatusSource } from '../status/source.js'
import type { WaitTarget } from './contract.js'

/** What the connection is made of, as the settings read it. */
export interface ConnectionSettings {
  signIn: SignIn
  /** The Entra ID scope of the chosen API's tokens. */
  scope: string
  baseUrl: string
  apiVersion: string
  timeoutMs: number
  requestTimeoutMs: number
}

// Several listeners a wait (a sleep, a request), for at most 50 waits: no leak.
const MOST_LISTENERS = 200

export interface Connection {
  open(target: WaitTarget): StatusSource
  /** Aborts at the deadline plus one request timeout, or on cancellation. */
  lookSignal: AbortSignal
  close(): void
}

/** The sources' connection to the API, with the sign-in the settings read. */
export function connect(
  settings: ConnectionSettings,
  secrets: Secrets,
  cancelled: AbortSignal,
  startedAt: number,
  env: NodeJS.ProcessEnv
): Connection {
  const signInSession = new HttpSession(settings.requestTimeoutMs, secrets.redact)
  const apiSession = new HttpSession(settings.requestTimeoutMs, secrets.redact)
  const credential = createCredential(settings.signIn, {
    scope: settings.scope,
    session: signInSession,
    now: Date.now,
    mask: secrets.add,
    getIDToken: (audience, signal) => requestGitHubIdToken(signInSession, env, audience, signal),
    env
  })
  // One credential and one session for every wait: one sign-in, renewed once for all.
  const api = {
    baseUrl: settings.baseUrl,
    apiVersion: settings.apiVersion,
    credential,
    session: apiSession,
    redact: secrets.redact,
    now: Date.now
  }
  // One look may make several requests (a token, a renewal, a lookup): together they
  // must not outlast the deadline by more than one request timeout.
  const deadline = new AbortController()
  const timer = setTimeout(
    () => deadline.abort(new DeadlinePassed()),
    startedAt + settings.timeoutMs + settings.requestTimeoutMs - Date.now()
  )
  timer.unref()
  const lookSignal = AbortSignal.any([cancelled, deadline.signal])
  setMaxListeners(MOST_LISTENERS, lookSignal)
  return {
    open: target => target.open(api),
    lookSignal,
    close: () => {
      clearTimeout(timer)
      apiSession.dispose()
      signInSession.dispose()
    }
  }
}
