import type { PublishStep, Snapshot, StatusMessage } from '../../status/snapshot.js'
import { displayStatus } from '../../status/statuses.js'
import { bounded, list, record, text } from '../json-fields.js'

// Far more than any offer has; a server that sends more gets the first ones read.
const STEPS_READ = 10_000
const MESSAGES_KEPT = 50
const LINKS_KEPT = 20
const ID_CHARS = 200

/**
 * Reads a parsed status body. Tolerant by design: a missing, null or mistyped field
 * becomes empty rather than an exception, and unknown statuses are carried through.
 */
export function readOfferStatus(body: Record<string, unknown>): Snapshot {
  return {
    status: displayStatus(text(body.status)),
    steps: list(body.steps).slice(0, STEPS_READ).map(parseStep),
    messages: list(body.messages).slice(-MESSAGES_KEPT).map(parseMessage),
    previewLinks: links(body.previewLinks),
    liveLinks: links(body.liveLinks),
    productId: '',
    submissionId: ''
  }
}

function parseStep(value: unknown, index: number): PublishStep {
  const step = record(value)
  const id = text(step.id).slice(0, ID_CHARS) || `step-${index + 1}`
  return {
    id,
    name: text(step.stepName) || text(step.name) || id,
    description: text(step.description),
    status: displayStatus(text(step.status)),
    // The reference's field table misspells it processPercentage.
    progress: percentage(step.progressPercentage ?? step.processPercentage),
    estimatedTimeFrame: text(step.estimatedTimeFrame),
    messages: list(step.messages).slice(-MESSAGES_KEPT).map(parseMessage)
  }
}

function parseMessage(value: unknown): StatusMessage {
  if (typeof value === 'string') return { html: value, level: '', timestamp: '' }
  const message = record(value)
  return {
    html: text(message.messageHtml) || text(message.message) || text(message.text),
    level: text(message.level).toLowerCase(),
    timestamp: text(message.timestamp)
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
