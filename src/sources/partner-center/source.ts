import { quote } from '../../http/policy.js'
import type { StatusMessage } from '../../status/snapshot.js'
import type { Look, StatusSource } from '../../status/source.js'
import type { ApiConnection } from '../contract.js'
import { getJsonObject } from '../get-json.js'
import { getPagedList } from '../paged-list.js'
import {
  newestSubmission,
  productSnapshot,
  readReports,
  readValidations,
  readWorkflowSteps,
  saysWhy,
  submissionStatus
} from './read-submission.js'
import { productUrl, serviceWords, withSellerId } from './request.js'

interface Why {
  /** The submission and substate it was read for: read again when the substate turns. */
  key: string
  validations: StatusMessage[]
  reports: StatusMessage[]
}

/**
 * A product's newest submission: its list read to the end, then its workflow steps;
 * its validations and certification reports once each time it turns Failed,
 * FailedInCertification or ReadyToPublish.
 */
export class ProductSubmissionSource implements StatusSource {
  private readonly connection: ApiConnection
  private why: Why = { key: '', validations: [], reports: [] }

  constructor(
    connection: ApiConnection,
    private readonly productId: string,
    sellerId: string
  ) {
    this.connection = withSellerId(connection, sellerId)
  }

  async look(signal?: AbortSignal): Promise<Look> {
    const submissions = await getPagedList(
      this.connection,
      productUrl(this.connection, this.productId, 'submissions'),
      serviceWords(`no product ${quote(this.productId)} is visible to this app and seller`),
      'submission list',
      signal
    )
    if (submissions.kind !== 'ok') return submissions
    const submission = newestSubmission(submissions.items)
    if (!submission) {
      return { kind: 'ok', snapshot: productSnapshot(this.productId, undefined, [], this.why) }
    }
    const words = serviceWords(`the submission ${quote(submission.id)} is gone`)
    const details = await getJsonObject(
      this.connection,
      productUrl(this.connection, this.productId, 'submissions', submission.id, 'workflowdetails'),
      words,
      'a workflow details',
      signal
    )
    if (details.kind !== 'ok') return details
    // What was read stays with its submission (its report links too) until a newer one.
    if (!this.why.key.startsWith(`${submission.id}\u0000`)) {
      this.why = { key: `${submission.id}\u0000`, validations: [], reports: [] }
    }
    const key = `${submission.id}\u0000${submission.substate.toLowerCase()}`
    if (saysWhy(submission) && this.why.key !== key) {
      const read = await this.readWhy(submission.id, signal)
      if (read.kind !== 'ok') return read
      this.why = { key, ...read.why }
    }
    const steps = readWorkflowSteps(details.object, submissionStatus(submission) === 'Canceled')
    return { kind: 'ok', snapshot: productSnapshot(this.productId, submission, steps, this.why) }
  }

  private async readWhy(
    submissionId: string,
    signal?: AbortSignal
  ): Promise<{ kind: 'ok'; why: Omit<Why, 'key'> } | Exclude<Look, { kind: 'ok' }>> {
    const words = serviceWords(`the submission ${quote(submissionId)} is gone`)
    const read = (what: 'validations' | 'reports') =>
      getPagedList(
        this.connection,
        productUrl(this.connection, this.productId, 'submissions', submissionId, what),
        words,
        `${what.slice(0, -1)} list`,
        signal
      )
    const validations = await read('validations')
    if (validations.kind !== 'ok') return validations
    const reports = await read('reports')
    if (reports.kind !== 'ok') return reports
    return {
      kind: 'ok',
      why: { validations: readValidations(validations.items), reports: readReports(reports.items) }
    }
  }
}
