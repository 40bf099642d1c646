import { quote } from '../../http/policy.js'
import type { PublishAnswer, PublishKind, PublishRequest } from '../../status/publishing.js'
import type { PublishStep, Snapshot } from '../../status/snapshot.js'
import type { Look, StatusSource } from '../../status/source.js'
import type { ApiConnection } from '../contract.js'
import { getJsonObject, type Failure } from '../get-json.js'
import { getPagedList, type PagedList } from '../paged-list.js'
import {
  newestSubmission,
  productSnapshot,
  readReports,
  readValidations,
  readWorkflowSteps,
  saysWhy,
  submissionStatus,
  submissionWithId,
  type Submission,
  type Why
} from './read-submission.js'
import { promote, SUBMISSION_ID } from './promote.js'
import { productUrl, underBaseUrl, withSellerId, wordsFor } from './request.js'

const NO_WHY: Why = { validations: [], reports: [], unread: [] }

/**
 * A product's newest submission (once one was promoted, that one): its list read to the
 * end, then its workflow steps; its validations and certification reports once each
 * time it fails or turns ready for go-live. What only explains a status never decides
 * it: a read that fails leaves the status as read, with a warning, and is tried again at
 * the next change.
 */
export class ProductSubmissionSource implements StatusSource {
  private readonly connection: ApiConnection
  // What was read about the newest submission, and for which of its states.
  private why = { key: '', read: NO_WHY }
  // The steps last read, by submission: kept when its details cannot be read.
  private steps = { id: '', steps: [] as PublishStep[] }
  // The submission a promote of this wait pushed live: followed from then on.
  private promoted: string | undefined

  constructor(
    connection: ApiConnection,
    private readonly productId: string,
    sellerId: string,
    requests: readonly PublishRequest[] = []
  ) {
    this.connection = withSellerId(connection, sellerId)
    this.promoted = requests.find(
      request => request.kind === 'live' && !request.lost && SUBMISSION_ID.test(request.ref)
    )?.ref
  }

  async publish(kind: PublishKind, seen: Snapshot, signal?: AbortSignal): Promise<PublishAnswer> {
    const answer = await promote(this.connection, this.productId, kind, seen.submissionId, signal)
    if (answer.kind === 'taken') this.promoted = answer.ref
    return answer
  }

  async look(signal?: AbortSignal): Promise<Look> {
    const listed = await this.newest(signal)
    if (listed.kind !== 'ok') return listed
    let { submission } = listed
    const unread = listed.cut ? [`The submission list ended early (${listed.cut}).`] : []
    if (!submission) {
      return { kind: 'ok', snapshot: productSnapshot(this.productId, undefined, [], NO_WHY) }
    }
    let details = await this.details(submission, signal)
    if (details.kind !== 'ok' && details.status === 404) {
      // A submission listed a moment ago answered 404: Partner Center has done so for
      // submissions in preview (navcontainerhelper#4126). Not proof it is gone: the list
      // again, and its newest.
      const again = await this.newest(signal)
      if (again.kind !== 'ok') return again
      unread.push(
        `The details of submission ${quote(submission.id)} answered 404 although it is listed; the product's submissions were listed again${
          again.submission && again.submission.id !== submission.id
            ? ` and submission ${quote(again.submission.id)} followed`
            : ''
        }.`
      )
      submission = again.submission ?? submission
      details = await this.details(submission, signal)
    }
    let steps: PublishStep[]
    if (details.kind === 'ok') {
      steps = readWorkflowSteps(details.object, submissionStatus(submission) === 'Canceled')
      this.steps = { id: submission.id, steps: structuredClone(steps) }
    } else if (details.status === 404) {
      // Its status stands, as listed; its steps as last read.
      steps = this.steps.id === submission.id ? structuredClone(this.steps.steps) : []
      unread.push(
        `The workflow steps of submission ${quote(submission.id)} could not be read (${details.problem}); its status is the one the submission list gives.`
      )
    } else {
      return details
    }
    const why = await this.whyOf(submission, signal)
    return {
      kind: 'ok',
      snapshot: productSnapshot(this.productId, submission, steps, {
        ...why,
        unread: [...unread, ...why.unread]
      })
    }
  }

  // The product's submissions, read to the end (`publishOption` asked for: it says
  // whether a ready submission goes live by itself), and the newest of them.
  private async newest(
    signal?: AbortSignal
  ): Promise<Failure | (PagedList & { submission: Submission | undefined })> {
    const submissions = await getPagedList(
      this.connection,
      `${productUrl(this.connection, this.productId, 'submissions')}?$expand=PublishOption`,
      wordsFor(`no product ${quote(this.productId)} is visible to this app and seller`),
      'submission list',
      signal,
      { goneLaterPages: true }
    )
    if (submissions.kind !== 'ok') return submissions
    const promoted = this.promoted && submissionWithId(submissions.items, this.promoted)
    return { ...submissions, submission: promoted || newestSubmission(submissions.items) }
  }

  private details(submission: Submission, signal?: AbortSignal) {
    return getJsonObject(
      this.connection,
      productUrl(this.connection, this.productId, 'submissions', submission.id, 'workflowdetails'),
      wordsFor(`the submission ${quote(submission.id)} is not there`),
      'a workflow details',
      signal
    )
  }

  /** What the validations and reports say, read once for each failed or ready state. */
  private async whyOf(submission: Submission, signal?: AbortSignal): Promise<Why> {
    if (!saysWhy(submission)) return NO_WHY
    const key = [submission.id, submission.substate, submission.pending]
      .join('\u0000')
      .toLowerCase()
    if (this.why.key === key) return this.why.read
    const words = wordsFor(`the submission ${quote(submission.id)} is not there`)
    const read = (what: 'validations' | 'reports', url: string) =>
      getPagedList(this.connection, url, words, `${what.slice(0, -1)} list`, signal, {
        goneLaterPages: true
      })
    const part = (what: string) =>
      productUrl(this.connection, this.productId, 'submissions', submission.id, what)
    // Where the failed update says to look, when it says so under base-url.
    const validationsUrl =
      (submission.pendingHref && underBaseUrl(this.connection, submission.pendingHref)) ||
      part('validations')
    const [validations, reports] = [
      await read('validations', validationsUrl),
      await read('reports', part('reports'))
    ]
    const unread = [
      ['validations', validations],
      ['certification reports', reports]
    ].flatMap(([what, answer]) => {
      const list = answer as PagedList | Failure
      if (list.kind !== 'ok') {
        return [
          `The ${what as string} of submission ${quote(submission.id)} could not be read (${list.problem}); they are read again at its next change.`
        ]
      }
      return list.cut ? [`The ${what as string} list ended early (${list.cut}).`] : []
    })
    this.why = {
      key,
      read: {
        validations: validations.kind === 'ok' ? readValidations(validations.items) : [],
        reports: reports.kind === 'ok' ? readReports(reports.items) : [],
        unread
      }
    }
    return this.why.read
  }
}
