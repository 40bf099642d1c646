import { sameStatus } from './statuses.js'

/** What one look at an offer or job found, in the one vocabulary of every API. */
export interface Snapshot {
  /** An offer status of statuses.ts when known; as sent otherwise; '' when absent. */
  status: string
  steps: PublishStep[]
  messages: StatusMessage[]
  /** As the service sent them, for the outputs. */
  previewLinks: unknown[]
  liveLinks: unknown[]
  /** The links the API vouches for (https, on its own hosts): only these are clickable. */
  safeLinks: string[]
  /** The API's own ids for what was looked at, where it has them; '' otherwise. */
  productId: string
  submissionId: string
  /** The product's page in Partner Center, where the API's ids name one. */
  portalUrl?: string
}

export interface PublishStep {
  id: string
  name: string
  description: string
  status: string
  /** 0-100, or null when the API gave none. A hint the schedule may use. */
  progress: number | null
  /** Free text (`~2-3 days`), '' when none. A hint the schedule may use. */
  estimatedTimeFrame: string
  messages: StatusMessage[]
  /** When the service says the step started (epoch ms), where it says so. */
  startedAt?: number
}

export interface StatusMessage {
  /** As the service sent it: may hold HTML markup. */
  html: string
  /** `information`, `warning`, `error`, or what the service said, lower case. */
  level: string
  timestamp: string
  /** What the message is about (a certification report), where the API vouches for it. */
  link?: string
}

/** The first step that is not Complete: where publishing is now. */
export function currentStep(snapshot: Snapshot): PublishStep | undefined {
  return snapshot.steps.find(step => !sameStatus(step.status, 'Complete'))
}

/** A message of the offer or of one of its steps (then named). */
export interface PlacedMessage {
  step?: string
  message: StatusMessage
}

/**
 * The warnings and errors of the offer, then of each step (the given step's first):
 * where the service says why, in whichever place it says it.
 */
export function noteworthyMessages(snapshot: Snapshot, firstStepId?: string): PlacedMessage[] {
  const steps = [
    ...snapshot.steps.filter(step => step.id === firstStepId),
    ...snapshot.steps.filter(step => step.id !== firstStepId)
  ]
  return [
    ...snapshot.messages.filter(isNoteworthy).map(message => ({ message })),
    ...steps.flatMap(step =>
      step.messages.filter(isNoteworthy).map(message => ({ step: step.name, message }))
    )
  ]
}

function isNoteworthy(message: StatusMessage): boolean {
  return message.level === 'warning' || message.level === 'error'
}
