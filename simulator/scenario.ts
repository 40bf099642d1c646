import { readFile } from 'node:fs/promises'
import { parseDuration } from '../src/inputs/duration.js'

/**
 * A scenario file: what the simulated status API answers, request by request. Phases
 * play in order; each lasts `times` requests or `for` a duration (from the first
 * request it served), one request when neither is given; the last phase answers for
 * ever.
 */
export interface Scenario {
  description?: string
  /**
   * The action's inputs this scenario is meant to be waited with, besides those that
   * name its targets (`target-status`, `hand-off-after`, `publish`…).
   */
  inputs?: Record<string, string>
  /** The API played: the Cloud Partner Portal unless `product-ingestion`. */
  api?: 'cloud-partner-portal' | 'product-ingestion' | 'partner-center'
  /** Cloud Partner Portal: when set, requests for other ids get 404. */
  publisherId?: string
  offerId?: string
  /** Product Ingestion API: the offer's external id; lookups of others find nothing. */
  externalId?: string
  /** Product Ingestion and Partner Center ingestion APIs: the product's guid; other products get 404. */
  productGuid?: string
  /** Partner Center ingestion API: when set, requests without this `x-ms-publisherId` get 400. */
  sellerId?: string
  /** Product Ingestion API: when set, status requests for other jobs get 404. */
  jobId?: string
  /**
   * Product Ingestion API: what every product lookup answers in `value`, as given (other
   * offers' products, several, odd shapes), instead of the scenario's own product.
   */
  products?: unknown[]
  /** Product Ingestion API: lists (products, submissions) in pages of this many, linked by `@nextLink`. */
  pageSize?: number
  /** Product Ingestion API: the `@nextLink` of the first page points at this host instead. */
  nextLinkHost?: string
  /**
   * Several offers, each on a timeline of its own, by offer id (the Cloud Partner
   * Portal's) or external id (the Product Ingestion API's, each its own product).
   */
  offers?: Record<string, Phase[]>
  /** Product Ingestion API: several configure jobs, each on a timeline of its own. */
  jobs?: Record<string, Phase[]>
  /** When set, requests with another bearer token get 401. */
  token?: string
  /** The offer's steps; the reference's six when absent. */
  steps?: StepTemplate[]
  timeline: Phase[]
  /** An Entra ID app: when set, the API also takes the tokens it issues, until they expire. */
  entra?: EntraSpec
  /** How the simulated GitHub checks API answers. */
  github?: GitHubSpec
  /**
   * Publishing requests (a POST of `publish: preview` or `live`): how they are answered
   * and what a taken one starts. For the scenario's own offer; `publishingOf` for the
   * offers of `offers`, by name.
   */
  publishing?: PublishingSpec
  publishingOf?: Record<string, PublishingSpec>
  /**
   * Answers as a service recorded them, before any timeline: the first whose `match` (a
   * regular expression) finds the request's path and query answers it, `times` times
   * (for ever when absent).
   */
  recorded?: RecordedAnswer[]
}

export interface RecordedAnswer {
  match: string
  times?: number
  status?: number
  headers?: Record<string, string>
  /** The body as the service sent it: text, or a JSON value. */
  body?: string
  json?: unknown
}

/** How the API takes publishing requests, and what a taken one starts. */
export interface PublishingSpec {
  /**
   * What a taken request of each kind starts: the timeline that plays from that request
   * on, in place of the one before (its job, operation, new submissions).
   */
  preview?: Phase[]
  live?: Phase[]
  /** The first requests get these answers and are not taken: 429 with `retryAfter`, 409, 403… */
  refusals?: FaultPhase[]
  /** A taken request's answer is lost: never sent (`hang`), the connection reset, or a 5xx. */
  lostAnswer?: 'hang' | 'reset' | 500 | 502 | 503 | 504
  /** A taken request's answer, instead of the service's usual one (odd shapes). */
  answer?: { status?: number; headers?: Record<string, string>; json?: unknown }
}

export interface GitHubSpec {
  /** Every checks call answers this status, e.g. 403 for a read-only token. */
  failWith?: number
  /** Every call hangs, checks and dispatches: never answered. */
  hang?: boolean
  /** The call that completes a check run hangs. */
  hangCompletion?: boolean
  /** Check runs there before the action's: another workflow's checks, say. */
  existing?: { name: string; head_sha: string; status?: string; external_id?: string }[]
  /** The first this many checks calls answer 502, then they work. */
  flakyCalls?: number
  /** The first this many checks calls answer 429 with this Retry-After, in seconds. */
  throttledCalls?: number
  retryAfter?: number
  /**
   * These checks calls (1 is the create call) hit a rate limit: 429, or 403 as GitHub's
   * secondary rate limit says it, with `retryAfter` when set.
   */
  rateLimited?: { calls: number[]; status: 403 | 429 }
  /**
   * How workflow dispatches are answered: with the new run's details (the default);
   * as GitHub Enterprise Server 3.20 does (`return_run_details` refused, then a 204);
   * with a run page on another host (`elsewhere`); refused with a status; or never.
   */
  dispatch?: 'details' | 'ghes' | 'elsewhere' | 403 | 404 | 422 | 500 | 'hang'
}

export interface EntraSpec {
  tenantId: string
  clientId: string
  /** The app secret it accepts; without one, only GitHub OIDC federation signs in. */
  clientSecret?: string
  /** Lifetime of the access tokens it issues; default 1h. */
  tokenLifetime?: string | number
  /** Lifetime of the runner's ID tokens; default 5m. Entra refuses an older assertion. */
  idTokenLifetime?: string | number
  /** Answers to the first token requests, one each, before it issues tokens. */
  errors?: EntraErrorSpec[]
  /** The runner's ID-token endpoint never answers. */
  idTokenHangs?: boolean
  /**
   * This long after the simulator starts, every token issued before is revoked: the API
   * answers 401 to it, as after a key rollover.
   */
  revokeAfter?: string | number
  /** A revoked token's 401 comes this many seconds late, as from a busy front end. */
  revokedAnswerDelay?: number
}

/** An Entra error answer: default 400 with `error` and an AADSTS `description`; or no answer. */
export interface EntraErrorSpec {
  status?: number
  error?: string
  description?: string
  /** Never answer. */
  hang?: boolean
  /** A Retry-After header, in seconds. */
  retryAfter?: number
  /** The description ends with the request's form body as it came (a careless server). */
  echoForm?: boolean
}

export interface StepTemplate {
  id: string
  stepName: string
  description?: string
  estimatedTimeFrame?: string
}

interface Timing {
  times?: number
  for?: string | number
}

/** The offer status and the steps that change; unnamed steps keep their state. */
export interface StatusPhase extends Timing {
  status: string
  /** By step id, or `*` for all: a status, or status, progress and messages. */
  steps?: Record<string, string | StepPatch>
  messages?: MessageSpec[]
  previewLinks?: unknown[]
  liveLinks?: unknown[]
}

export interface StepPatch {
  status?: string
  progress?: number
  messages?: MessageSpec[]
}

export interface MessageSpec {
  level?: string
  text: string
  timestamp?: string
}

export type FaultName = 'html' | 'hang' | 'reset' | 'malformed' | 'truncated' | 'empty' | 'slow'

/** An error status (4xx/5xx, with an Azure-style error body) or a named fault. */
export interface FaultPhase extends Timing {
  fault: number | FaultName
  /** Retry-After in seconds, or a raw header value. */
  retryAfter?: number | string
  /** Retry-After as an HTTP-date this many seconds after the request. */
  retryAfterDate?: number
  code?: string
  message?: string
  /** The HTTP status of an `html` fault (default 502). */
  httpStatus?: number
  /** `slow`: the usual answer, this many seconds late. */
  delay?: number
}

/** Any answer at all, for shapes the other phases cannot make. */
export interface RawPhase extends Timing {
  respond: { status?: number; headers?: Record<string, string>; body?: string; json?: unknown }
}

/** Product Ingestion API: the configure job's status and the offer's submissions. */
export interface IngestionPhase extends Timing {
  job?: JobSpec
  /** Every preview and live submission at this point (the draft is always there). */
  submissions?: SubmissionSpec[]
}

export interface JobSpec {
  /** `notStarted`, `running`, `completed` */
  status: string
  /** `pending`, `succeeded`, `failed`, `cancelled`; default `pending` */
  result?: string
  /** `{code, message, resourceId?, details?}`, as the API sends them. */
  errors?: unknown[]
  resourceUri?: string
}

export interface SubmissionSpec {
  target: 'preview' | 'live'
  /** The submission's number, the last part of its id; default by its place. */
  number?: string
  status?: string
  result?: string
  /** `null`: the field is left out. */
  created?: string | null
  errors?: unknown[]
}

/** Partner Center ingestion API: the product's newest submission at this point. */
export interface AppSourcePhase extends Timing {
  appSource: AppSourceSpec
}

export interface AppSourceSpec {
  state: string
  substate: string
  /** `pendingUpdateInfo.status`; default Completed. */
  pending?: string
  failureReason?: string
  releaseNumber?: number
  autoPromote?: boolean
  /** Workflow step states by environment and name; derived from the substate when absent. */
  steps?: Record<string, Record<string, string>>
  /** `{errorCode, severity, message, resource}`, as the API sends them. */
  validations?: unknown[]
  /** `{status, reportTimeInUtc, fileUri}`, as the API sends them. */
  reports?: unknown[]
}

export type Phase =
  | StatusPhase
  | IngestionPhase
  | (StatusPhase & IngestionPhase & Partial<AppSourcePhase>)
  | AppSourcePhase
  | FaultPhase
  | RawPhase

/** The reference's example steps. */
export const REFERENCE_STEPS: StepTemplate[] = [
  {
    id: 'displaydummycertify',
    stepName: 'Validate Pre-Requisites',
    description: 'Offer settings provided are validated.',
    estimatedTimeFrame: '< 15 min'
  },
  {
    id: 'displaycertify',
    stepName: 'Certification',
    description: 'Your offer is analyzed by our certification systems for issues.',
    estimatedTimeFrame: '~2-3 days'
  },
  {
    id: 'displayprovision',
    stepName: 'Provisioning',
    description: 'Your virtual machine is being replicated in our production systems.',
    estimatedTimeFrame: '< 1 day'
  },
  {
    id: 'displaypackage',
    stepName: 'Packaging and Lead Generation Registration',
    description: 'Your virtual machine is being packaged for customers.',
    estimatedTimeFrame: '< 1 hour'
  },
  {
    id: 'publisher-signoff',
    stepName: 'Publisher signoff',
    description: 'Offer is available to preview.',
    estimatedTimeFrame: '< 1 hour'
  },
  {
    id: 'live',
    stepName: 'Live',
    description: 'Offer is publicly visible and is available for purchase.',
    estimatedTimeFrame: '~2-5 days'
  }
]

export async function loadScenario(path: string): Promise<Scenario> {
  const text = await readFile(path, 'utf8')
  try {
    return checkScenario(JSON.parse(text))
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : error}`)
  }
}

function checkScenario(value: unknown): Scenario {
  const scenario = value as Scenario
  const several = { ...scenario?.offers, ...scenario?.jobs }
  if (!scenario || !Array.isArray(scenario.timeline ?? [])) {
    throw new Error('a scenario\'s "timeline" is an array')
  }
  scenario.timeline ??= []
  if (scenario.timeline.length === 0 && Object.keys(several).length === 0) {
    throw new Error('a scenario needs a non-empty "timeline", or "offers" or "jobs"')
  }
  for (const [name, timeline] of Object.entries(several)) {
    if (!Array.isArray(timeline) || timeline.length === 0) {
      throw new Error(`the timeline of ${JSON.stringify(name)} needs at least one phase`)
    }
    checkTimeline(timeline)
  }
  checkTimeline(scenario.timeline)
  return scenario
}

function checkTimeline(timeline: Phase[]): void {
  timeline.forEach((phase, index) => {
    // A state phase may describe the same moment on every API (status, job, submissions, appSource).
    const kinds = ['status|job|submissions|appSource', 'fault', 'respond'].filter(kind =>
      kind.split('|').some(key => key in phase)
    )
    if (kinds.length !== 1) {
      throw new Error(
        `timeline[${index}] needs exactly one of a state ("status", "job", "submissions", "appSource"), "fault" or "respond"`
      )
    }
    if (phase.for !== undefined && phaseDurationMs(phase) === undefined) {
      throw new Error(`timeline[${index}].for is not a duration: ${JSON.stringify(phase.for)}`)
    }
  })
}

export function phaseDurationMs(phase: Phase): number | undefined {
  return phase.for === undefined ? undefined : durationMs(phase.for)
}

/** A duration of a scenario: seconds as a number, or text such as `90s` or `1h`. */
export function durationMs(value: string | number): number | undefined {
  return typeof value === 'number' ? value * 1000 : parseDuration(value)
}
