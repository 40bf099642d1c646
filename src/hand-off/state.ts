// The hand-off state: the wait alone (never a token or secret, for dispatch inputs are
// public), as compact JSON sent base64url-encoded so that a `run:` script quoting the
// input cannot be injected by it. Read back it is untrusted input: every field is
// checked here to be one the action itself writes, and the run then checks it against
// itself (carried.ts); it never decides anything on its own.
import { LONGEST_WAIT_MS, refusal } from './hand-off-inputs.js'
import type { RunnerContext } from '../runner/context.js'
import {
  array,
  count,
  packResults,
  PackedResultError,
  unpackResults
} from '../status/result-json.js'
import type { RunChain, TargetResult } from '../status/result.js'
import { hasControlChar } from '../text.js'

export interface HandOffState {
  repository: string
  /** The workflow, job and step that own the wait: no other carries it on. */
  workflow: string
  job: string
  step: string
  /** This wait's own id, made at its first run; its check run carries it. */
  waitId: string
  /** The `api` the wait runs on, and that API's inputs as the first run read them. */
  api: string
  inputs: Record<string, string>
  /** On the services' clock: the wait's start, its deadline, and this hand-off. */
  startedAt: number
  deadline: number
  handedOffAt: number
  /** How long the next run holds its first request: a Retry-After, the API's pace. */
  holdMs: number
  results: TargetResult[]
  /** The wait's check run, on the first run's commit. */
  checkRun?: { id: number; headSha: string }
  /** The first runs of the chain and the latest ones. */
  runs: ChainRun[]
  /** Runs of the chain so far, the one that handed off included. */
  runCount: number
}

export type ChainRun = RunChain['runs'][number]

/** As sent, base64url: GitHub keeps inputs far larger, people read the run page. */
export const STATE_CHARS = 16 * 1024
const JSON_BYTES = (STATE_CHARS / 4) * 3
const FIRST_RUNS_KEPT = 3
const LAST_RUNS_KEPT = 20
export const MOST_RUNS = 500
// A Retry-After the next run honours: a day is more than any service has asked.
const LONGEST_HOLD_MS = 86_400_000
const TEXT = 200
const INPUT_CHARS = 12_000
const WAIT_ID = /^[0-9a-f]{16}$/
// What a run can hand on: the undecided wait again, and what has ended as it ended.
const HANDED_ON = new Set(['waiting', 'success', 'failure', 'timeout', 'error'])

/** The state as the dispatch input's value. */
export function encodeState(state: HandOffState): string {
  const runs =
    state.runs.length > FIRST_RUNS_KEPT + LAST_RUNS_KEPT
      ? [...state.runs.slice(0, FIRST_RUNS_KEPT), ...state.runs.slice(-LAST_RUNS_KEPT)]
      : state.runs
  const rest = {
    v: 2,
    r: state.repository,
    w: state.workflow,
    j: state.job,
    t: state.step,
    i: state.waitId,
    a: state.api,
    g: state.inputs,
    s: state.startedAt,
    d: state.deadline,
    h: state.handedOffAt,
    q: state.holdMs,
    ...(state.checkRun && { c: [state.checkRun.id, state.checkRun.headSha] }),
    u: runs.map(run => [run.number, run.url]),
    n: state.runCount
  }
  const room = JSON_BYTES - Buffer.byteLength(JSON.stringify(rest)) - 10
  const json = JSON.stringify({ ...rest, x: packResults(state.results, room) })
  return Buffer.from(json).toString('base64url')
}

/** The state a dispatch input holds; an InputError naming `hand-off-input` if it is none. */
export function decodeState(value: string, runner: RunnerContext): HandOffState {
  if (value.length > STATE_CHARS) throw refusal(`longer than ${STATE_CHARS} characters`)
  if (!/^[A-Za-z0-9_-]+$/.test(value)) throw refusal('not base64url')
  let field: Record<string, unknown>
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new PackedResultError('not an object')
    }
    field = parsed as Record<string, unknown>
  } catch {
    throw refusal('not JSON')
  }
  try {
    return readFields(field, runner)
  } catch (error) {
    if (error instanceof PackedResultError) throw refusal(error.message)
    throw error
  }
}

function readFields(field: Record<string, unknown>, runner: RunnerContext): HandOffState {
  if (field.v !== 2) throw new PackedResultError('v: not version 2')
  const repository = text(field.r, 'r')
  if (repository.toLowerCase() !== runner.repository.toLowerCase()) {
    throw new PackedResultError(`r: names another repository, ${JSON.stringify(repository)}`)
  }
  const waitId = text(field.i, 'i')
  if (!WAIT_ID.test(waitId)) throw new PackedResultError('i: not a wait id')
  const startedAt = count(field.s, 's')
  const deadline = count(field.d, 'd')
  const handedOffAt = count(field.h, 'h')
  if (deadline < startedAt || deadline - startedAt > LONGEST_WAIT_MS) {
    throw new PackedResultError('d: not a deadline of a wait of at most 30 days')
  }
  if (handedOffAt < startedAt || handedOffAt > deadline) {
    throw new PackedResultError('h: not a hand-off between the start and the deadline')
  }
  const holdMs = count(field.q, 'q')
  if (holdMs > LONGEST_HOLD_MS) throw new PackedResultError('q: a hold longer than a day')
  const runCount = count(field.n, 'n')
  if (runCount < 1 || runCount > MOST_RUNS) throw new PackedResultError('n: not a run count')
  const runs = array(field.u, 'u', FIRST_RUNS_KEPT + LAST_RUNS_KEPT).map((item, index) => {
    const [number, url] = array(item, `u[${index}]`, 2)
    return {
      number: count(number, `u[${index}][0]`),
      url: runUrl(url, `u[${index}][1]`, runner.runsUrl)
    }
  })
  const results = unpackResults(field.x)
  const runNumbers = { first: runs[0]?.number ?? 1, last: runs.at(-1)?.number ?? 0 }
  results.forEach((result, index) =>
    checkResult(result, `x[${index}]`, startedAt, handedOffAt, runNumbers)
  )
  if (!results.some(result => result.outcome === 'waiting')) {
    throw new PackedResultError('x: nothing is left to wait for')
  }
  const state: HandOffState = {
    repository,
    workflow: text(field.w, 'w'),
    job: text(field.j, 'j'),
    step: text(field.t, 't'),
    waitId,
    api: text(field.a, 'a'),
    inputs: inputsOf(field.g),
    startedAt,
    deadline,
    handedOffAt,
    holdMs,
    results,
    runs,
    runCount
  }
  if (field.c !== undefined) {
    const [id, headSha] = array(field.c, 'c', 2)
    const sha = text(headSha, 'c[1]')
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new PackedResultError('c[1]: not a commit')
    state.checkRun = { id: count(id, 'c[0]'), headSha: sha }
  }
  return state
}

// Each result as a run writes it: started with the wait, ended by the hand-off, in an
// outcome a run hands on; its times cannot stretch the wait past the state's deadline,
// and what it says a run saw, a run of the wait saw.
function checkResult(
  result: TargetResult,
  at: string,
  startedAt: number,
  handedOffAt: number,
  runNumbers: { first: number; last: number }
) {
  if (!HANDED_ON.has(result.outcome)) {
    throw new PackedResultError(`${at}.o: ${result.outcome} is no outcome a run hands on`)
  }
  if (result.startedAt !== startedAt) {
    throw new PackedResultError(`${at}.s: not the start of the wait`)
  }
  const times = [
    result.endedAt,
    ...result.changes.map(change => change.at),
    ...result.phases.map(phase => phase.at),
    ...result.requests.map(request => request.at)
  ]
  if (times.some(time => time < startedAt || time > handedOffAt)) {
    throw new PackedResultError(`${at}: a time outside the wait before its hand-off`)
  }
  const seenBy = [...result.changes, ...result.phases].flatMap(seen => seen.run ?? [])
  if (seenBy.some(run => run < runNumbers.first || run > runNumbers.last)) {
    throw new PackedResultError(`${at}: a run the wait has not had`)
  }
}

function inputsOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PackedResultError('g: not an object')
  }
  const entries = Object.entries(value)
  if (entries.length > 10) throw new PackedResultError('g: more than 10 inputs')
  const inputs: Record<string, string> = Object.create(null) as Record<string, string>
  for (const [name, item] of entries) {
    if (!/^[a-z][a-z-]{0,40}$/.test(name)) throw new PackedResultError('g: not an input name')
    if (typeof item !== 'string' || item.length > INPUT_CHARS) {
      throw new PackedResultError(`g.${name}: not the text of an input`)
    }
    inputs[name] = item
  }
  return inputs
}

function text(value: unknown, at: string): string {
  if (typeof value !== 'string') throw new PackedResultError(`${at}: not text`)
  if (value.length > TEXT || hasControlChar(value)) {
    throw new PackedResultError(`${at}: not one line of at most ${TEXT} characters`)
  }
  return value
}

// A run of this repository's workflows, nothing else: the summary links it.
function runUrl(value: unknown, at: string, runs: string): string {
  const url = text(value, at)
  if (!url.startsWith(runs) || !/^\d{1,20}$/.test(url.slice(runs.length))) {
    throw new PackedResultError(`${at}: not a run of this repository (${runs}…)`)
  }
  return url
}
