// The sources' connection to the chosen API: one sign-in and one HTTP session for every
// wait of the step, every request bounded by request-timeout and by the deadline, and
// every answer's `Date` heard by the wait's clock.
import type { IncomingHttpHeaders } from 'node:http'
import { HttpSession } from '../http/http-session.js'
import { createCredential } from '../sign-in/credential.js'
import type { Secrets } from '../sign-in/secrets.js'
import type { SignIn } from '../sign-in/sign-in-inputs.js'
import type { PublishRequest } from '../status/publishing.js'
import type { StatusSource } from '../status/source.js'
import type { WaitTarget } from './contract.js'

/** What the connection is made of, as the settings read it. */
export interface ConnectionSettings {
  signIn: SignIn
  /** The Entra ID scope of the chosen API's tokens. */
  scope: string
  baseUrl: string
  apiVersion: string
  requestTimeoutMs: number
}

/** What the connection takes of the step: its clock and deadline. */
export interface ConnectionClock {
  now(): number
  /** The wait's deadline, read at each request: it may move once. */
  deadline(): number
  /** Hears each answer's `Date`. */
  hear(date: IncomingHttpHeaders['date']): void
}

export interface Connection {
  open(target: WaitTarget, requests: readonly PublishRequest[]): StatusSource
  close(): void
}

/** The sources' connection to the API, with the sign-in the settings read. */
export function connect(
  settings: ConnectionSettings,
  secrets: Secrets,
  clock: ConnectionClock,
  env: NodeJS.ProcessEnv
): Connection {
  // One look may make several requests (a token, a renewal, a lookup): together they
  // must not outlast the deadline by more than one request timeout.
  const limits = {
    leftMs: () => clock.deadline() + settings.requestTimeoutMs - clock.now(),
    onAnswer: (headers: IncomingHttpHeaders) => clock.hear(headers.date)
  }
  const signInSession = new HttpSession(settings.requestTimeoutMs, secrets.redact, limits)
  const apiSession = new HttpSession(settings.requestTimeoutMs, secrets.redact, limits)
  const credential = createCredential(settings.signIn, {
    scope: settings.scope,
    session: signInSession,
    now: clock.now,
    mask: secrets.add,
    getIDToken: async (audience, signal) => {
      const { requestGitHubIdToken } = await import('../sign-in/github-id-token.js')
      return requestGitHubIdToken(signInSession, env, audience, signal)
    },
    env
  })
  // One credential and one session for every wait: one sign-in, renewed once for all.
  const api = {
    baseUrl: settings.baseUrl,
    apiVersion: settings.apiVersion,
    credential,
    session: apiSession,
    redact: secrets.redact,
    now: clock.now
  }
  return {
    open: (target, requests) => target.open(api, requests),
    close: () => {
      apiSession.dispose()
      signInSession.dispose()
    }
  }
}
