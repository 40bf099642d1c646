import { displayStatus, sameStatus } from './statuses.js'

export interface StatusMessage {
  /** As the service sent it: may hold HTML markup. */
  html: string
  level: string
  timestamp: string
}

export interface PublishStep {
  id: string
  name: string
  description: string
  status: string
  /** 0-100, or null when the service gave none. */
  progress: number | null
  estimatedTimeFrame: string
  messages: StatusMessage[]
}

export interface OfferStatus {
  /** PascalCase when known, as sent otherwise, '' when absent. */
  status: string
  steps: PublishStep[]
  messages: StatusMessage[]
  previewLinks: unknown[]
  liveLinks: unknown[]
}

/**
 * Reads a parsed status body. Tolerant by design: a missing, null or mistyped field
 * becomes empty rather than an exception, and unknown statuses are carried through.
 */
export function parseOfferStatus(body: Record<string, unknown>): OfferStatus {
  return {
    status: displayStatus(text(body.status)),
    steps: list(body.steps).map(parseStep),
    messages: list(body.messages).map(parseMessage),
    previewLinks: list(body.previewLinks),
    liveLinks: list(body.liveLinks)
  }
}

/** The first step that is not Complete: where publishing is now. */
export function currentStep(offer: OfferStatus): PublishStep | undefined {
  return offer.steps.find(step => !sameStatus(step.status, 'Complete'))
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

function text(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return ''
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function percentage(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isFinite(n)) return null
  return Math.min(100, Math.max(0, Math.round(n)))
}
