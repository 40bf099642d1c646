import { quote } from '../../http/policy.js'
import type { PublishAnswer, PublishKind, PublishRequest } from '../../status/publishing.js'
import type { Snapshot } from '../../status/snapshot.js'
import type { Look, StatusSource } from '../../status/source.js'
import type { ApiConnection } from '../contract.js'
import { getJsonObject, type Failure } from '../get-json.js'
import { getPagedList } from '../paged-list.js'
import { clip } from '../../text.js'
import { field, record, text } from '../json-fields.js'
import { madeBy, newestPreviewId, readSubmissions } from './read-submissions.js'
import { readJobStatus } from './read-job-status.js'
import { asProductId } from './product-id.js'
import { isGuid } from '../../inputs/ids.js'
import { JOB_ID, sendConfigure } from './publish.js'
import { apiUrl, wordsFor } from './request.js'

/** A configure request this wait sent, followed: its job, then the submission it made. */
interface Started {
  kind: PublishKind
  jobId: string
  about: string
  /** When its job was seen succeeded, this run: the submission it made shows soon after. */
  jobDoneAt?: number
}

/**
 * How long the submission a succeeded job made may take to be listed before the wait
 * says it is not there (a draft without changes makes none).
 */
const LISTED_WITHIN_MS = 15 * 60_000

/**
 * An offer, from its submissions (`GET /submission/{guid}`). An external id (Partner
 * Center's "Offer ID") is resolved to its product id once, at the first look. Once a
 * publishing request was taken, the configure job it started, and then the submission
 * that job made.
 */
export class OfferSubmissionsSource implements StatusSource {
  private productId: string | undefined
  private started: Started | undefined
  // The list as the last look read it: what a preview request is about.
  private lastItems: unknown[] = []

  constructor(
    private readonly connection: ApiConnection,
    private readonly offerId: string,
    requests: readonly PublishRequest[] = []
  ) {
    this.productId = asProductId(offerId)
    this.started = startedBy(requests)
  }

  async look(signal?: AbortSignal): Promise<Look> {
    if (this.productId === undefined) {
      const found = await this.findProduct(signal)
      if (found.kind !== 'ok') return found
      this.productId = found.productId
    }
    const productId = this.productId
    const started = this.started
    if (started && started.jobDoneAt === undefined) {
      const job = await this.lookAtJob(started, productId, signal)
      if (job) return job
    }
    const guid = productId.slice('product/'.length)
    const answer = await getPagedList(
      this.connection,
      apiUrl(this.connection, `submission/${encodeURIComponent(guid)}`),
      wordsFor(`no product ${quote(productId)} is visible to this app${this.appHint()}`),
      'submission list',
      signal
    )
    if (answer.kind !== 'ok') return answer
    this.lastItems = answer.items
    if (!started)
      return { kind: 'ok', snapshot: readSubmissions({ value: answer.items }, productId) }
    const made = madeBy(answer.items, started)
    if (made) return { kind: 'ok', snapshot: readSubmissions({ value: made }, productId) }
    return this.notListedYet(started, productId)
  }

  // A bare GUID is how AL-Go and Partner Center name a Business Central app's product:
  // a 404 here most often means the wait is on the wrong API.
  private appHint(): string {
    return isGuid(this.offerId)
      ? '; if it is an AppSource app (a Business Central app), set `api: partner-center`'
      : ''
  }

  async publish(kind: PublishKind, seen: Snapshot, signal?: AbortSignal): Promise<PublishAnswer> {
    const productId = this.productId ?? seen.productId
    // To preview: what comes after the newest preview; to live: the ready preview itself.
    const about = kind === 'preview' ? newestPreviewId(this.lastItems) : seen.submissionId
    const answer = await sendConfigure(this.connection, kind, productId, about, signal)
    if (answer.kind === 'taken') this.started = { kind, jobId: answer.ref, about }
    return answer
  }

  /** The job's status while it runs or once it failed; undefined once it succeeded. */
  private async lookAtJob(
    started: Started,
    productId: string,
    signal?: AbortSignal
  ): Promise<Look | undefined> {
    const answer = await getJsonObject(
      this.connection,
      apiUrl(this.connection, `configure/${encodeURIComponent(started.jobId)}/status`),
      wordsFor(
        `the service knows no configure job ${quote(started.jobId)}, which the ${started.kind} request of ${productId} started`
      ),
      'a job status',
      signal
    )
    if (answer.kind !== 'ok') return answer
    const job = readJobStatus(answer.object, started.jobId)
    if (job.status === 'Succeeded') {
      started.jobDoneAt = this.connection.now()
      return undefined
    }
    return { kind: 'ok', snapshot: { ...job, productId: job.productId || productId } }
  }

  private notListedYet(started: Started, productId: string): Look {
    const what =
      started.kind === 'preview'
        ? 'the preview submission it made'
        : `the live submission of ${started.about}`
    const since = started.jobDoneAt ?? this.connection.now()
    if (this.connection.now() - since >= LISTED_WITHIN_MS) {
      return {
        kind: 'final',
        problem: `configure job ${started.jobId} succeeded, but ${what} was not listed within 15m${started.kind === 'preview' ? ': the draft may have had no changes to publish' : ''}`
      }
    }
    const snapshot = readSubmissions({ value: [] }, productId)
    return {
      kind: 'ok',
      snapshot: {
        ...snapshot,
        status: 'Running',
        messages: [
          {
            html: `Configure job ${started.jobId} succeeded; ${what} is not listed yet.`,
            level: 'information',
            timestamp: ''
          }
        ]
      }
    }
  }

  /** The one product whose external id is the offer id, in any case; else why not. */
  private async findProduct(
    signal?: AbortSignal
  ): Promise<Failure | { kind: 'ok'; productId: string }> {
    const answer = await getPagedList(
      this.connection,
      apiUrl(this.connection, 'product', { externalId: this.offerId }),
      wordsFor(`no product has the external id ${quote(this.offerId)}`),
      'product list',
      signal
    )
    if (answer.kind !== 'ok') return answer
    const products = answer.items.map(record)
    const wanted = this.offerId.toLowerCase()
    const matching = products.filter(product => externalIdOf(product).toLowerCase() === wanted)
    const fail = (problem: string): Failure => ({
      kind: 'final',
      problem: this.connection.redact(`${answer.answered}: ${problem}`)
    })
    if (matching.length > 1) {
      return fail(
        `${matching.length} products have the external id ${quote(this.offerId)} (${matching
          .slice(0, 5)
          .map(product => text(field(product, 'id')).slice(0, 80))
          .join(', ')}); give the product id (product/<guid>) instead`
      )
    }
    const [product] = matching
    if (!product) {
      return fail(
        `no product has the external id ${quote(this.offerId)} (Partner Center's "Offer ID")${foundInstead(products)}`
      )
    }
    const productId = asProductId(text(field(product, 'id')))
    if (productId) return { kind: 'ok', productId }
    return fail(
      `the product with the external id ${quote(this.offerId)} has an id that is not product/<guid>: ${quote(text(field(product, 'id')))}`
    )
  }
}

// The request to follow: the latest taken one whose job the state names as a job id.
function startedBy(requests: readonly PublishRequest[]): Started | undefined {
  const taken = requests.filter(request => !request.lost && JOB_ID.test(request.ref))
  const latest = taken.reduce<PublishRequest | undefined>(
    (last, request) => (!last || request.at >= last.at ? request : last),
    undefined
  )
  return latest && { kind: latest.kind, jobId: latest.ref, about: latest.about }
}

// The external id sits under `identity` in the API's answers; some clients read it flat.
function externalIdOf(product: Record<string, unknown>): string {
  return (
    text(field(record(field(product, 'identity')), 'externalId')) ||
    text(field(product, 'externalId'))
  )
}

// What the service listed instead: a gate must know it was given another offer's.
function foundInstead(products: Record<string, unknown>[]): string {
  if (products.length === 0) return ''
  const ids = products
    .slice(0, 5)
    .map(product => quote(clip(externalIdOf(product) || '(none)', 80)))
    .join(', ')
  const more = products.length > 5 ? ` and ${products.length - 5} more` : ''
  return `; the service listed ${products.length === 1 ? 'one product' : `${products.length} products`} with the external id ${ids}${more}`
}
