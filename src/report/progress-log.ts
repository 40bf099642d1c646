import type { PublishStep, Snapshot, StatusMessage } from '../status/snapshot.js'
import type { Look } from '../status/source.js'
import { brief, clip } from '../text.js'

export interface StatusChange {
  at: number
  text: string
}

/** The part of @actions/core the log writes to. */
export interface Logger {
  info(message: string): void
  warning(message: string, properties?: { title?: string }): void
  error(message: string, properties?: { title?: string }): void
}

const ANNOTATION_CHARS = 1_000
const NAME_CHARS = 200

/**
 * Turns the stream of answers into one log line per change (offer status, step status,
 * progress, connection trouble) and one annotation per warning or error message.
 */
export class ProgressLog {
  readonly changes: StatusChange[] = []
  private previous: Snapshot | undefined
  private problem: string | undefined
  private readonly annotated = new Set<string>()

  /** `subject` titles the messages that are not a step's: `Offer`, `Job`. */
  constructor(
    private readonly logger: Logger,
    private readonly subject = 'Offer'
  ) {}

  readonly observe = (answer: Look, at: number): void => {
    if (answer.kind === 'ok') {
      if (this.problem) this.logger.info('The status endpoint answers again.')
      this.problem = undefined
      for (const text of describeChanges(this.subject, this.previous, answer.snapshot)) {
        this.changes.push({ at, text })
        this.logger.info(text)
      }
      this.annotate(answer.snapshot)
      this.previous = answer.snapshot
    } else if (answer.kind === 'transient' && answer.problem !== this.problem) {
      this.problem = answer.problem
      this.logger.info(`Will retry: ${answer.problem}`)
    }
  }

  private annotate(snapshot: Snapshot): void {
    const sources: [string, StatusMessage[]][] = [
      [this.subject, snapshot.messages],
      ...snapshot.steps.map((step): [string, StatusMessage[]] => [step.name, step.messages])
    ]
    for (const [title, messages] of sources) {
      for (const message of messages) {
        if (message.level !== 'warning' && message.level !== 'error') continue
        const key = [title, message.level, message.timestamp, message.html].join('\u0000')
        if (this.annotated.has(key)) continue
        this.annotated.add(key)
        const text = brief(message.html, ANNOTATION_CHARS)
        this.logger[message.level](text, { title: `Publishing: ${clip(title, NAME_CHARS)}` })
      }
    }
  }
}

/** Lines for what differs between two reads; everything on the first read. */
function describeChanges(subject: string, before: Snapshot | undefined, after: Snapshot): string[] {
  const lines: string[] = []
  if (before?.status !== after.status) {
    lines.push(`${subject} status: ${clip(after.status, NAME_CHARS) || '(none)'}`)
  }
  const earlier = new Map(before?.steps.map(step => [step.id, step]))
  for (const step of after.steps) {
    const old = earlier.get(step.id)
    if (old && old.status === step.status && old.progress === step.progress) continue
    if (!before && step.status === 'NotStarted') continue
    lines.push(`Step ${clip(step.name, NAME_CHARS)}: ${describeStep(step)}`)
  }
  return lines
}

function describeStep(step: PublishStep): string {
  const status = clip(step.status, NAME_CHARS) || '(none)'
  return step.progress !== null && step.progress > 0 && step.progress < 100
    ? `${status} ${step.progress}%`
    : status
}
