// What each API folder provides to the registry (index.ts) and what its sources are
// given: the contract between the generic wiring and one API.
import type { HttpSession } from '../http/http-session.js'
import type { InputReader } from '../inputs/input-reader.js'
import type { Credential } from '../sign-in/credential.js'
import type { PublishKind, PublishRequest } from '../status/publishing.js'
import type { StatusSource } from '../status/source.js'

/** What a source needs to reach its API; each source takes only these. */
export interface ApiConnection {
  baseUrl: string
  apiVersion: string
  credential: Credential
  session: HttpSession
  /** Headers every request of the API carries (Partner Center's seller id). */
  headers?: Record<string, string>
  /** Removes secrets from text the service sent back. */
  redact(text: string): string
  now(): number
}

/** One offer or job to wait for, as its API read it from the inputs. */
export interface WaitTarget {
  /** The id as the user gave it. */
  id: string
  /** For people, after "Waiting for": `offer contoso/contoso-vm`, `configure job 1f0c…`. */
  label: string
  /** What it is, in a word: `offer`, `job`. */
  noun: string
  /** Why no publishing request can be sent for it, when none can (a configure job). */
  cannotPublish?: string
  /**
   * Its source; `requests`, those an earlier run of the wait sent, say what it follows
   * (each was checked as a hand-off state is, and is checked again before it is used).
   */
  open(connection: ApiConnection, requests: readonly PublishRequest[]): StatusSource
}

/** A status API: its defaults, its sign-in scope, and the inputs only it takes. */
export interface StatusApi {
  /** The value of the `api` input. */
  name: string
  /** For people: `Product Ingestion API`. */
  title: string
  /** The inputs that name its targets, and any other input only it takes. */
  inputs: readonly string[]
  /** Used when the input is absent: each API has its own. */
  defaults: { 'base-url': string; 'api-version': string; interval: string }
  /** The form `api-version` must have, and an example of it. */
  apiVersion: { pattern: RegExp; example: string }
  /** The Entra ID scope of its tokens. */
  scope: string
  /** The least time between two requests the API asks for, across runs too; 0: none. */
  leastSpacingMs: number
  /** Why it does not send a kind of publishing request, for each it does not send. */
  publishRefusals?: Partial<Record<PublishKind, string>>
  /** Reads its inputs into targets; an InputError for any that cannot work here. */
  readTargets(input: InputReader): WaitTarget[]
  /**
   * What the inputs name, for people, whatever they hold (an end before the settings
   * could be read): `offer contoso/contoso-vm`. Never throws.
   */
  describe(input: InputReader): string
}
