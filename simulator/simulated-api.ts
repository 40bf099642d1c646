import type { IncomingMessage } from 'node:http'
import type { Phase } from './scenario.js'

/** What a request to the status API gets. */
export type Route =
  /** An error answer with the API's error body. */
  | { refuse: [status: number, message: string] }
  /** A fixed answer, not on the timeline. */
  | { fixed: object }
  /**
   * The current phase of a timeline, shown as this resource: the scenario's own, or that
   * of one of its offers or jobs (`timeline` names it).
   */
  | {
      play: string
      timeline?: string
      /**
       * Read in the same look as the request before it (a submission's details after its
       * list): shown at that request's phase, not moving the timeline on.
       */
      follow?: true
    }
  /**
   * A publishing request of a timeline's offer: if taken, the timeline of its kind plays
   * from now on, and `answer` (given the new timeline's name) is what the service says.
   */
  | {
      publish: 'preview' | 'live'
      timeline?: string
      answer(): { status: number; headers?: Record<string, string>; json?: unknown }
    }

/** One status API as the simulator plays it. */
export interface SimulatedApi {
  /** For people: `Product Ingestion API`. */
  title: string
  /** Where the API's base-url is on the simulator: '' or `/v1.0/ingestion`. */
  root: string
  /** The action's inputs that name what the scenario plays (`api` among them if `auto` would not pick it). */
  targetInputs: Record<string, string>
  /** The Entra ID scope its tokens must have been issued for. */
  scope: string
  /**
   * Where a request goes; `authorize` checks its bearer token and says why it is
   * refused, if it is; `body` is what it sent.
   */
  route(
    request: IncomingMessage,
    url: URL,
    authorize: () => [number, string] | undefined,
    body: string
  ): Route
  /** The page a request asks for of a list body, where the API pages its lists. */
  page?(url: URL, body: object): object
  /**
   * The body of a resource after each phase of a timeline, by phase index; the timeline
   * began to play at `startedAt`.
   */
  bodies(resource: string, timeline: Phase[], name: string | undefined, startedAt: number): object[]
  /** The API's error body. */
  errorBody(status: number, code?: string, message?: string): object
}
