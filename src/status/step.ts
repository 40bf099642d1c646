// One step of a workflow as every part of the action sees it: what ends its waits,
// their deadline, and what every report needs. Built once from the settings and the
// runner; the wait and the reports read it, and nothing else of the settings.
import type { PublishKind } from './publishing.js'
import type { RunChain } from './result.js'

/** The statuses that end a wait, and how. */
export interface StatusRules {
  targetStatuses: string[]
  failOnStatuses: string[]
  failOnStepStatuses: string[]
}

export interface Step {
  rules: StatusRules
  failOnTimeout: boolean
  writeSummary: boolean
  requestTimeoutMs: number
  intervalMs: number
  maxIntervalMs: number
  /** The least time between two requests the API asks for; 0: none. */
  leastSpacingMs: number
  /** This run's start, on its clock. */
  startedAt: number
  /**
   * The whole wait's start and deadline (its first run's), on this run's clock: moved
   * once should the services say this run's clock is off.
   */
  wait: { startedAt: number; deadline: number }
  /** When this run hands a wait still undecided on; never when absent. */
  handOffAt?: number
  /** How long the first request of this run waits: what the last run left of a hold. */
  holdMs: number
  /** The publishing request each wait sends once it is due (`publish`). */
  publish?: PublishKind
  /** This run's number (GITHUB_RUN_NUMBER): each request remembers it; 0 when unknown. */
  runNumber: number
  /** This run's page. */
  runUrl: string
  /** The runs of a wait handed from run to run, up to this one. */
  chain?: RunChain
  /** The check run's name, when one shows the wait. */
  checkName?: string
  /** For the log's first line: the API, where, and how the step signed in. */
  service: { title: string; baseUrl: string; signedIn: string }
}
