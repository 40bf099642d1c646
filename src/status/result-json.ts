// Results as compact JSON and back: a wait handed from one workflow run to the next
// travels in a dispatch input, which is small and public. What comes back is untrusted:
// every field is checked and bounded, every text made one plain line.
import { hasControlChar, clip } from '../text.js'
import {
  MOST_CHANGES_KEPT,
  MOST_PHASES,
  type Outcome,
  type StatusChange,
  type StepPhase,
  type TargetResult
} from './result.js'
import { PUBLISH_KINDS, type PublishKind, type PublishRequest } from './publishing.js'
import type { PublishStep, Snapshot } from './snapshot.js'

/** A request in short: kind, time, run (0: none), ref, about, lost (1) or not (0). */
type PackedRequest = [PublishKind, number, number, string, string, 0 | 1]

/**
 * One result in short keys; a snapshot keeps its status, ids and steps only. Its
 * requests are never cut: they are what keeps each one from being sent twice.
 */
type Packed = {
  i: string
  l: string
  o: TargetResult['outcome']
  r: string
  p: number
  s: number
  e: number
  c: number
  h: ([number, string] | [number, string, number])[]
  f: ([string, string, number] | [string, string, number, number])[]
  n?: { s: string; p: string; u: string; t: [string, string, string, number | null][] }
  q?: PackedRequest[]
  a?: PublishKind
}

const OUTCOMES: readonly TargetResult['outcome'][] = [
  'waiting',
  'success',
  'failure',
  'timeout',
  'error',
  'cancelled',
  'handed-off'
] satisfies (Outcome | 'waiting')[]

// What is kept of each piece, from the most to the least: the first level that fits wins.
const LEVELS = [
  { reason: 500, steps: 50, changes: 100, phases: 60 },
  { reason: 200, steps: 10, changes: 30, phases: 20 },
  { reason: 100, steps: 3, changes: 10, phases: 6 },
  { reason: 40, steps: 1, changes: 3, phases: 0 },
  { reason: 0, steps: 0, changes: 0, phases: 0 }
]
const ID_CHARS = 200
// An operation's path, as the Cloud Partner Portal answers it.
const REF_CHARS = 300
const TEXT_CHARS = 500
const MOST_RESULTS = 50
const MOST_STEPS = 50

/**
 * The results as plain JSON values, each piece cut (the latest changes kept, reasons
 * shortened, fewer steps) until the JSON of all of them fits in `bytes`.
 */
export function packResults(results: readonly TargetResult[], bytes: number): Packed[] {
  let packed: Packed[] = []
  for (const level of LEVELS) {
    packed = results.map(result => pack(result, level))
    if (Buffer.byteLength(JSON.stringify(packed)) <= bytes) break
  }
  return packed
}

function pack(result: TargetResult, level: (typeof LEVELS)[number]): Packed {
  const { snapshot } = result
  const changes = level.changes > 0 ? result.changes.slice(-level.changes) : []
  return {
    i: clip(result.id, ID_CHARS),
    l: clip(result.label, ID_CHARS),
    o: result.outcome,
    r: clip(result.reason, level.reason),
    p: result.polls,
    s: result.startedAt,
    e: result.endedAt,
    c: result.changeCount,
    h: changes.map(({ at, text, run }) =>
      run === undefined ? [at, clip(text, ID_CHARS)] : [at, clip(text, ID_CHARS), run]
    ),
    f: (level.phases > 0 ? result.phases.slice(-level.phases) : []).map(
      ({ step, status, at, run }): Packed['f'][number] => {
        const packed = [clip(step, ID_CHARS), clip(status, ID_CHARS), at] as const
        return run === undefined ? [...packed] : [...packed, run]
      }
    ),
    ...(result.requests.length > 0 && { q: result.requests.map(packRequest) }),
    ...(result.adopted && { a: result.adopted }),
    ...(snapshot && {
      n: {
        s: clip(snapshot.status, ID_CHARS),
        p: clip(snapshot.productId, ID_CHARS),
        u: clip(snapshot.submissionId, ID_CHARS),
        t: stepsKept(snapshot.steps, level.steps).map(step => [
          clip(step.id, ID_CHARS),
          clip(step.name, ID_CHARS),
          clip(step.status, ID_CHARS),
          step.progress === null ? null : Math.round(step.progress)
        ])
      }
    })
  }
}

function packRequest(request: PublishRequest): PackedRequest {
  return [
    request.kind,
    request.at,
    request.run ?? 0,
    clip(request.ref, REF_CHARS),
    clip(request.about, ID_CHARS),
    request.lost ? 1 : 0
  ]
}

// The current step and the ones around it say where publishing is.
function stepsKept(steps: PublishStep[], most: number): PublishStep[] {
  if (steps.length <= most) return steps
  const current = Math.max(
    0,
    steps.findIndex(step => step.status !== 'Complete')
  )
  const from = Math.min(Math.max(0, current - Math.floor(most / 2)), steps.length - most)
  return steps.slice(from, from + most)
}

/** Why a packed value was refused: names the field. */
export class PackedResultError extends Error {}

/** Results read back from packed JSON values; a PackedResultError names the first bad field. */
export function unpackResults(value: unknown): TargetResult[] {
  const list = array(value, 'results', MOST_RESULTS)
  if (list.length === 0) throw new PackedResultError('results: none')
  return list.map((item, index) => unpack(item, `results[${index}]`))
}

function unpack(value: unknown, at: string): TargetResult {
  const field = record(value, at)
  const outcome = text(field.o, `${at}.o`, 20) as TargetResult['outcome']
  if (!OUTCOMES.includes(outcome)) throw new PackedResultError(`${at}.o: not an outcome`)
  const changes = array(field.h, `${at}.h`, MOST_CHANGES_KEPT).map((item, index): StatusChange => {
    const where = `${at}.h[${index}]`
    const [when, said, run] = array(item, where, 3)
    const change: StatusChange = { at: time(when, `${where}[0]`), text: text(said, `${where}[1]`) }
    if (run !== undefined) change.run = count(run, `${where}[2]`)
    return change
  })
  const result: TargetResult = {
    id: text(field.i, `${at}.i`, ID_CHARS),
    label: text(field.l, `${at}.l`, ID_CHARS),
    outcome,
    reason: text(field.r, `${at}.r`, LEVELS[0]?.reason),
    polls: count(field.p, `${at}.p`),
    startedAt: time(field.s, `${at}.s`),
    endedAt: time(field.e, `${at}.e`),
    changes,
    changeCount: Math.max(count(field.c, `${at}.c`), changes.length),
    phases: array(field.f, `${at}.f`, MOST_PHASES).map((item, index) => {
      const where = `${at}.f[${index}]`
      const [step, status, when, run] = array(item, where, 4)
      const phase: StepPhase = {
        step: text(step, `${where}[0]`, ID_CHARS),
        status: text(status, `${where}[1]`, ID_CHARS),
        at: time(when, `${where}[2]`)
      }
      if (run !== undefined) phase.run = count(run, `${where}[3]`)
      return phase
    }),
    requests: array(field.q ?? [], `${at}.q`, PUBLISH_KINDS.length).map((item, index) =>
      unpackRequest(item, `${at}.q[${index}]`)
    )
  }
  const kinds = result.requests.map(request => request.kind)
  if (new Set(kinds).size < kinds.length) throw new PackedResultError(`${at}.q: a kind twice`)
  if (field.a !== undefined) result.adopted = kind(field.a, `${at}.a`)
  if (result.endedAt < result.startedAt) throw new PackedResultError(`${at}.e: before the start`)
  if (field.n !== undefined) result.snapshot = unpackSnapshot(field.n, `${at}.n`)
  return result
}

function unpackRequest(value: unknown, at: string): PublishRequest {
  const [which, when, run, ref, about, lost] = array(value, at, 6)
  const request: PublishRequest = {
    kind: kind(which, `${at}[0]`),
    at: time(when, `${at}[1]`),
    ref: text(ref, `${at}[3]`, REF_CHARS),
    about: text(about, `${at}[4]`, ID_CHARS)
  }
  const number = count(run, `${at}[2]`)
  if (number > 0) request.run = number
  if (lost !== 0 && lost !== 1) throw new PackedResultError(`${at}[5]: not 0 or 1`)
  if (lost === 1) request.lost = true
  return request
}

function kind(value: unknown, at: string): PublishKind {
  const found = PUBLISH_KINDS.find(known => known === value)
  if (!found) throw new PackedResultError(`${at}: not preview or live`)
  return found
}

function unpackSnapshot(value: unknown, at: string): Snapshot {
  const field = record(value, at)
  const steps = array(field.t, `${at}.t`, MOST_STEPS).map((item, index): PublishStep => {
    const where = `${at}.t[${index}]`
    const [id, name, status, progress] = array(item, where, 4)
    return {
      id: text(id, `${where}[0]`, ID_CHARS),
      name: text(name, `${where}[1]`, ID_CHARS),
      description: '',
      status: text(status, `${where}[2]`, ID_CHARS),
      progress: progress === null ? null : percent(progress, `${where}[3]`),
      estimatedTimeFrame: '',
      messages: []
    }
  })
  return {
    status: text(field.s, `${at}.s`, ID_CHARS),
    productId: text(field.p, `${at}.p`, ID_CHARS),
    submissionId: text(field.u, `${at}.u`, ID_CHARS),
    steps,
    messages: [],
    previewLinks: [],
    liveLinks: [],
    safeLinks: []
  }
}

function record(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PackedResultError(`${at}: not an object`)
  }
  return value as Record<string, unknown>
}

/** A list of at most `most` items; a PackedResultError naming `at` otherwise. */
export function array(value: unknown, at: string, most: number): unknown[] {
  if (!Array.isArray(value)) throw new PackedResultError(`${at}: not a list`)
  if (value.length > most) throw new PackedResultError(`${at}: more than ${most}`)
  return value
}

// Server text once: one plain line, refused rather than cleaned when it breaks a line.
function text(value: unknown, at: string, most = TEXT_CHARS): string {
  if (typeof value !== 'string') throw new PackedResultError(`${at}: not text`)
  if (value.length > most) throw new PackedResultError(`${at}: longer than ${most} characters`)
  if (hasControlChar(value))
    throw new PackedResultError(`${at}: holds a line break or control character`)
  return clip(value, most)
}

/** A whole number, not negative; a PackedResultError naming `at` otherwise. */
export function count(value: unknown, at: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new PackedResultError(`${at}: not a whole number`)
  }
  return value as number
}

// Epoch milliseconds from 2020 to 2100: a wait of this action, not any number.
function time(value: unknown, at: string): number {
  const ms = count(value, at)
  if (ms < Date.UTC(2020, 0, 1) || ms > Date.UTC(2100, 0, 1)) {
    throw new PackedResultError(`${at}: not a time of this wait`)
  }
  return ms
}

function percent(value: unknown, at: string): number {
  const n = count(value, at)
  if (n > 100) throw new PackedResultError(`${at}: not a percentage`)
  return n
}
