import type { PublishStep, Snapshot, StatusMessage } from '../../status/snapshot.js'
import { displayStatus } from '../../status/statuses.js'
import { list, record, text } from '../json-fields.js'

/**
 * Reads a parsed status body. Tolerant by design: a missing, null or mistyped field
 * becomes empty rather than an exception, and unknown statuses are carried through.
 */
export function readOfferStatus(body: Record<string, unknown>): Snapshot {
  return {
    status: displayStatus(text(body.status)),
    steps: list(body.steps).map(parseStep),
    messages: list(body.messages).map(parseMessage),
    previewLinks: list(body.previewLinks),
    liveLinks: list(body.liveLinks),
    productId: '',
    submissionId: ''
  }
}

function parseStep(value: unknown, index: number): PublishStep {
  const step = record(value)
  const id = text(step.id) || `step-${index + 1}`
  return {
    id,
    name: text(step.stepName) || text(step.name) || id,
    description: text(step.description),
    status: displayStatus(text(step.status)),
    // The reference's field table misspells it processPercentage.
    progress: percentage(step.progressPercentage ?? step.processPercentage),
    estimatedTimeFrame: text(step.estimatedTimeFrame),
    messages: list(step.messages).map(parseMessage)
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

function percentage(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isFinite(n)) return null
  return Math.min(100, Math.max(0, Math.round(n)))
}
