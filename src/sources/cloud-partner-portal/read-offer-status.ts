import { ownLink } from '../../status/links.js'
import type { PublishKind } from '../../status/publishing.js'
import type { PublishStep, Snapshot, StatusMessage } from '../../status/snapshot.js'
import { displayStatus, sameStatus } from '../../status/statuses.js'
import { bounded, field, list, record, text } from '../json-fields.js'

// Where a link of the Cloud Partner Portal may point to be shown as one: its own hosts,
// Azure's portal and the marketplaces that show a preview.
const OWN_HOSTS = [
  'cloudpartner.azure.com',
  'portal.azure.com',
  'azuremarketplace.microsoft.com',
  'appsource.microsoft.com',
  'marketplace.microsoft.com'
]

// Far more than any offer has; a server that sends more gets the first ones read.
const STEPS_READ = 10_000
const MESSAGES_KEPT = 50
const LINKS_KEPT = 20
const ID_CHARS = 200

/**
 * Reads a parsed status body. Tolerant by design: a missing, null or mistyped field
 * becomes empty rather than an exception, field names are read in any case, and unknown
 * statuses are carried through. The service says "preview ready, waiting for go-live"
 * as an offer `running` with a step (`publisher-signoff`) `waitingForPublisherReview`:
 * that offer reads as WaitingForPublisherReview.
 */
export function readOfferStatus(body: Record<string, unknown>): Snapshot {
  const steps = list(field(body, 'steps')).slice(0, STEPS_READ).map(parseStep)
  const status = displayStatus(text(field(body, 'status')))
  const previewReady =
    sameStatus(status, 'Running') &&
    steps.some(step => sameStatus(step.status, 'WaitingForPublisherReview'))
  const previewLinks = links(field(body, 'previewLinks'))
  const liveLinks = links(field(body, 'liveLinks'))
  return {
    status: previewReady ? 'WaitingForPublisherReview' : status,
    steps,
    messages: list(field(body, 'messages')).slice(-MESSAGES_KEPT).map(parseMessage),
    previewLinks,
    liveLinks,
    safeLinks: [...previewLinks, ...liveLinks].flatMap(link => ownLink(link, OWN_HOSTS) ?? []),
    productId: '',
    submissionId: ''
  }
}

// An operation's status, in the offer-status words: the reference says `not started`,
// `running`, `failed` and `completed`; clients also meet `complete` and `canceled`.
const OPERATION_STATUSES: Record<string, string> = {
  notstarted: 'NotStarted',
  running: 'Running',
  failed: 'Failed',
  canceled: 'Canceled',
  cancelled: 'Canceled'
}
const DONE = new Set(['completed', 'complete', 'succeeded'])

/**
 * An operation (`GET {Location}` of a publish or go-live) as an offer status: its steps
 * and links read as the offer's. Done, a publish's operation has made the preview
 * (WaitingForPublisherReview) and a go-live's the live offer (Succeeded); a publish's
 * still running with a step waiting for the publisher has made the preview too.
 */
export function readOperation(body: Record<string, unknown>, kind: PublishKind): Snapshot {
  const snapshot = readOfferStatus(body)
  const key = text(field(body, 'status'))
    .toLowerCase()
    .replace(/[\s_-]/g, '')
  const status = DONE.has(key)
    ? kind === 'preview'
      ? 'WaitingForPublisherReview'
      : 'Succeeded'
    : (OPERATION_STATUSES[key] ?? snapshot.status)
  return {
    ...snapshot,
    status: sameStatus(snapshot.status, 'WaitingForPublisherReview') ? snapshot.status : status
  }
}

function parseStep(value: unknown, index: number): PublishStep {
  const step = record(value)
  const id = text(field(step, 'id')).slice(0, ID_CHARS) || `step-${index + 1}`
  return {
    id,
    name: text(field(step, 'stepName')) || text(field(step, 'name')) || id,
    description: text(field(step, 'description')),
    status: displayStatus(text(field(step, 'status'))),
    // The reference's field table misspells it processPercentage.
    progress: percentage(field(step, 'progressPercentage') ?? field(step, 'processPercentage')),
    estimatedTimeFrame: text(field(step, 'estimatedTimeFrame')),
    messages: list(field(step, 'messages')).slice(-MESSAGES_KEPT).map(parseMessage)
  }
}

function parseMessage(value: unknown): StatusMessage {
  if (typeof value === 'string') return { html: value, level: '', timestamp: '' }
  const message = record(value)
  return {
    html:
      text(field(message, 'messageHtml')) ||
      text(field(message, 'message')) ||
      text(field(message, 'text')),
    level: text(field(message, 'level')).toLowerCase(),
    timestamp: text(field(message, 'timestamp'))
  }
}

function links(value: unknown): unknown[] {
  return list(value)
    .slice(0, LINKS_KEPT)
    .map(link => bounded(link))
}

function percentage(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isFinite(n)) return null
  return Math.min(100, Math.max(0, Math.round(n)))
}
