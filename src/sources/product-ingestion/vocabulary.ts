// The API's status words (`notStarted`, `running`, `completed` with a `result`) in the
// common vocabulary. A value it does not document is shown as it came, but never read
// as one of ours: `Unknown (succeeded)` cannot match a target or a fail status.
import { sameStatus } from '../../status/statuses.js'
import { clip } from '../../text.js'

export function unknown(value: string): string {
  return `Unknown (${clip(value, 60)})`
}

/** A job's or submission's state as an offer status; '' when it sent none. */
export function offerStatusOf(status: string, result: string): string {
  if (status === '') return ''
  if (sameStatus(status, 'notStarted')) return 'NotStarted'
  if (sameStatus(status, 'running')) return 'Running'
  if (!sameStatus(status, 'completed')) return unknown(status)
  if (sameStatus(result, 'succeeded')) return 'Succeeded'
  if (sameStatus(result, 'failed')) return 'Failed'
  if (sameStatus(result, 'cancelled')) return 'Canceled'
  // A result not yet written: still running, as far as anyone can tell.
  if (result === '' || sameStatus(result, 'pending')) return 'Running'
  // Completed some other way: it will not change, and it is not a success.
  return 'Failed'
}

const STEP_STATUS = new Map(
  Object.entries({
    NotStarted: 'NotStarted',
    Running: 'InProgress',
    Succeeded: 'Complete',
    Failed: 'Rejected',
    Canceled: 'Canceled'
  })
)

/** The same state as a step status; NotStarted when it sent none. */
export function stepStatusOf(status: string, result: string): string {
  const offerStatus = offerStatusOf(status, result)
  return STEP_STATUS.get(offerStatus) ?? (offerStatus || 'NotStarted')
}

/** Why a completed result reads as Failed, when it is one the API does not document. */
export function oddResult(status: string, result: string): string | undefined {
  if (!sameStatus(status, 'completed') || result === '') return undefined
  const known = ['succeeded', 'failed', 'cancelled', 'pending'].some(name =>
    sameStatus(result, name)
  )
  return known
    ? undefined
    : `completed with result ${JSON.stringify(clip(result, 60))}, which this action does not know`
}
