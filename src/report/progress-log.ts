import { formatDuration } from '../inputs/duration.js'
import { REQUEST_NAMES, type PublishEvent } from '../status/publishing.js'
import { quietSince } from '../status/quiet.js'
import { recordChange, type TargetResult } from '../status/result.js'
import type { PublishStep, Snapshot, StatusMessage } from '../status/snapshot.js'
import type { Look } from '../status/source.js'
import { brief, clip } from '../text.js'
import { isoTime, utcTime } from '../utc-time.js'
import type { Log } from './log.js'

const ANNOTATION_CHARS = 1_000
const NAME_CHARS = 200
// GitHub shows ten warnings and ten errors of a step; past that they are noise.
const MOST_ANNOTATIONS = 20
// A chatty server may change everything at every look: the log stays readable.
const MOST_LINES_PER_LOOK = 20
// Message keys remembered, to annotate each once; bounded like the rest.
const MOST_KEYS = 1_000

/** What a step may still annotate, shared by the logs of its offers. */
export function annotationBudget(): { left: number } {
  return { left: MOST_ANNOTATIONS }
}

/**
 * Turns the stream of looks into one log line per change (offer status, step status,
 * progress, connection trouble), each kept in the result's history, and one annotation
 * per warning or error message. Every count is bounded, however long the wait and however
 * much the server sends: lines per look, annotations, and the history kept.
 */
export class ProgressLog {
  private previous: Snapshot | undefined
  private problem: string | undefined
  private readonly annotated = new Set<string>()
  private notAnnotated = 0
  private quietTold = false

  private readonly logger: Log

  private readonly subject: string
  private readonly name: string | undefined
  private readonly annotations: { left: number }
  private readonly run: number | undefined

  constructor(
    logger: Log,
    /** Where the changes are kept; its snapshot, carried from an earlier run, is the previous. */
    private readonly result: TargetResult,
    options: {
      /** Titles the messages that are not a step's: `Offer`, `Job`. */
      subject: string
      /** When the step waits for several: starts every line and annotation title. */
      name?: string
      /** The annotations left to the step, shared by the logs of its offers. */
      annotations: { left: number }
      /** The workflow run, in a wait handed from run to run: each change names it. */
      run?: number
    }
  ) {
    this.subject = options.subject
    this.name = options.name
    this.annotations = options.annotations
    this.run = options.run
    this.previous = result.snapshot
    const prefix = this.name === undefined ? '' : `${clip(this.name, NAME_CHARS)}: `
    this.logger = prefix
      ? {
          ...logger,
          info: message => logger.info(prefix + message)
        }
      : logger
  }

  readonly observe = (look: Look, at: number): void => {
    if (look.kind === 'ok') {
      if (this.problem) this.logger.info('The status endpoint answers again.')
      this.problem = undefined
      const lines = describeChanges(this.subject, this.previous, look.snapshot)
      for (const text of lines.slice(0, MOST_LINES_PER_LOOK)) this.logger.info(text)
      if (lines.length > MOST_LINES_PER_LOOK) {
        this.logger.info(`… and ${lines.length - MOST_LINES_PER_LOOK} more changes in this look`)
      }
      for (const text of lines) this.change(at, text)
      this.annotate(look.snapshot)
      this.previous = look.snapshot
      this.tellQuiet(at)
    } else if (look.kind === 'transient' && look.problem !== this.problem) {
      this.problem = look.problem
      // Said in words: a newcomer reads a 503 here as the end of the wait.
      this.logger.info(`Will retry: ${look.problem} (trouble that passes; the wait goes on)`)
    }
  }

  /** Says each step of a publishing request, before it is sent and once it is answered. */
  readonly published = (event: PublishEvent, at: number): void => {
    const name = REQUEST_NAMES[event.kind === 'taken-after-all' ? event.sent.kind : event.request]
    const requested = `${name} requested by run #${this.requestRun(event)} at ${utcTime(at).slice(0, 16)} UTC`
    switch (event.kind) {
      case 'sending':
        return this.logger.info(`${name}: sending the ${name.toLowerCase()} request (publish).`)
      case 'adopted':
        this.logger.info(
          `${name}: not sent, a publish is under way already; the wait follows that one.`
        )
        return this.change(at, `${name} not requested: a publish was under way already`)
      case 'taken-after-all':
        this.logger.info(`${name}: the request whose answer was lost went through after all.`)
        return this.change(at, `${name} request went through after all`)
    }
    const { answer } = event
    switch (answer.kind) {
      case 'taken':
        this.logger.info(`${name}: ${answer.answered}: ${answer.label}; the wait follows it.`)
        return this.change(at, `${requested}: ${answer.label}`)
      case 'lost':
        this.logger.warning(
          `${name}: the answer to the request was lost (${answer.problem}). It may have gone through, so it is not sent again; the wait looks for it in the status.`,
          {
            title: `Publishing: ${this.name === undefined ? '' : `${clip(this.name, NAME_CHARS)}: `}${name.toLowerCase()} answer lost`
          }
        )
        return this.change(at, `${requested}: its answer was lost`)
      case 'again':
        return this.logger.info(
          `Will retry: ${name.toLowerCase()} request not taken: ${answer.problem} (it is sent once it is taken)`
        )
      case 'refused':
        this.logger.info(`${name}: refused: ${answer.problem}`)
        return this.change(at, `${name} request refused`)
    }
  }

  /** Says, once, what a person must do for the wait to end well. */
  readonly nextAction = (text: string, at: number): void => {
    const about = this.name === undefined ? '' : `${clip(this.name, NAME_CHARS)}: `
    this.logger.warning(`${about}${text.charAt(0).toUpperCase()}${text.slice(1)}.`, {
      title: `Publishing: ${about}go-live awaited`
    })
    this.change(at, 'Preview ready: waiting for go-live')
  }

  private requestRun(event: PublishEvent): string {
    const run = event.kind === 'answered' ? event.sent?.run : undefined
    return String(run ?? this.run ?? '?')
  }

  private change(at: number, text: string): void {
    recordChange(this.result, this.run === undefined ? { at, text } : { at, text, run: this.run })
  }

  // Once a run: a stall is news once, not at every look.
  private tellQuiet(at: number): void {
    const since = this.quietTold ? undefined : quietSince(this.result, at)
    if (since === undefined) return
    this.quietTold = true
    this.logger.warning(
      `Nothing has moved (status, step or progress) since ${isoTime(since)}, ${formatDuration(at - since)} ago: publishing may have stalled; Partner Center support can say why.`,
      {
        title: `Publishing: ${this.name === undefined ? '' : `${clip(this.name, NAME_CHARS)}: `}no progress`
      }
    )
  }

  /** Says, once at the end, how many messages were not annotated. */
  close(): void {
    if (this.notAnnotated > 0) {
      this.logger.info(
        `${this.notAnnotated}${this.annotated.size >= MOST_KEYS ? '+' : ''} more warnings and errors of the service were not annotated; the job summary shows each step's latest.`
      )
    }
  }

  private annotate(snapshot: Snapshot): void {
    if (this.annotations.left <= 0 && this.annotated.size >= MOST_KEYS) return
    const sources: [string, StatusMessage[]][] = [
      [this.subject, snapshot.messages],
      ...snapshot.steps.map((step): [string, StatusMessage[]] => [step.name, step.messages])
    ]
    for (const [title, messages] of sources) {
      for (const message of messages) {
        if (message.level !== 'warning' && message.level !== 'error') continue
        const key = [title, message.level, message.timestamp, brief(message.html, 200)].join(
          '\u0000'
        )
        if (this.annotated.has(key)) continue
        if (this.annotations.left <= 0) {
          // Counted once each while there is room to remember them: at least this many.
          if (this.annotated.size < MOST_KEYS) {
            this.annotated.add(key)
            this.notAnnotated++
          }
          continue
        }
        this.annotated.add(key)
        this.annotations.left--
        const text = brief(message.html, ANNOTATION_CHARS)
        const about = this.name === undefined ? '' : `${clip(this.name, NAME_CHARS)}: `
        this.logger[message.level](text, {
          title: `Publishing: ${about}${clip(title, NAME_CHARS)}`
        })
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
