// The hand-off state: the wait alone (never a token or secret, for dispatch inputs are
// public), as compact JSON sent base64url-encoded so that a `run:` script quoting the
// input cannot be injected by it. Read back it is untrusted input, checked field by field.
import { runsUrl } from '../github/runs-url.js'
import { InputError } from '../inputs/input-error.js'
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
  /** The `api` input's value the wait runs on. */
  api: string
  /** `offer-id` or `job-id`: which input the results' ids came from. */
  idsInput: 'offer-id' | 'job-id'
  publisherId: string
  startedAt: number
  deadline: number
  results: TargetResult[]
  checkRun?: { id: number; headSha: string; name: string }
  /** The job and step that own the wait (GITHUB_JOB, GITHUB_ACTION). */
  job: string
  step: string
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
const LONGEST_WAIT_MS = 30 * 86_400_000
const TEXT = 200

/** The state as the dispatch input's value. */
export function encodeState(state: HandOffState): string {
  const runs =
    state.runs.length > FIRST_RUNS_KEPT + LAST_RUNS_KEPT
      ? [...state.runs.slice(0, FIRST_RUNS_KEPT), ...state.runs.slice(-LAST_RUNS_KEPT)]
      : state.runs
  const rest = {
    v: 1,
    r: state.repository,
    a: state.api,
    k: state.idsInput,
    p: state.publisherId,
    s: state.startedAt,
    d: state.deadline,
    ...(state.checkRun && { c: [state.checkRun.id, state.checkRun.headSha, state.checkRun.name] }),
    j: state.job,
    t: state.step,
    u: runs.map(run => [run.number, run.url]),
    n: state.runCount
  }
  const room = JSON_BYTES - Buffer.byteLength(JSON.stringify(rest)) - 10
  const json = JSON.stringify({ ...rest, x: packResults(state.results, room) })
  return Buffer.from(json).toString('base64url')
}

/** The state a dispatch input holds; an InputError naming `hand-off-input` if it is none. */
export function decodeState(value: string, env: NodeJS.ProcessEnv): HandOffState {
  const refuse = (problem: string): InputError =>
    new InputError('hand-off-input', `holds no hand-off state this action can carry on: ${problem}`)
  if (value.length > STATE_CHARS) throw refuse(`longer than ${STATE_CHARS} characters`)
  if (!/^[A-Za-z0-9_-]+$/.test(value)) throw refuse('not base64url')
  let field: Record<string, unknown>
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new PackedResultError('not an object')
    }
    field = parsed as Record<string, unknown>
  } catch {
    throw refuse('not JSON')
  }
  try {
    if (field.v !== 1) throw new PackedResultError('v: not version 1')
    const repository = text(field.r, 'r')
    if (repository.toLowerCase() !== (env.GITHUB_REPOSITORY ?? '').toLowerCase()) {
      throw new PackedResultError(`r: names another repository, ${JSON.stringify(repository)}`)
    }
    const idsInput = text(field.k, 'k')
    if (idsInput !== 'offer-id' && idsInput !== 'job-id') {
      throw new PackedResultError('k: neither offer-id nor job-id')
    }
    const startedAt = count(field.s, 's')
    const deadline = count(field.d, 'd')
    if (deadline < startedAt || deadline - startedAt > LONGEST_WAIT_MS) {
      throw new PackedResultError('d: not a deadline of a wait of at most 30 days')
    }
    const runCount = count(field.n, 'n')
    if (runCount < 1 || runCount > MOST_RUNS) throw new PackedResultError('n: not a run count')
    const state: HandOffState = {
      repository,
      api: text(field.a, 'a'),
      idsInput,
      publisherId: text(field.p, 'p'),
      startedAt,
      deadline,
      results: unpackResults(field.x),
      job: text(field.j, 'j'),
      step: text(field.t, 't'),
      runs: array(field.u, 'u', FIRST_RUNS_KEPT + LAST_RUNS_KEPT).map((item, index) => {
        const [number, url] = array(item, `u[${index}]`, 2)
        return {
          number: count(number, `u[${index}][0]`),
          url: runUrl(url, `u[${index}][1]`, runsUrl(env))
        }
      }),
      runCount
    }
    if (field.c !== undefined) {
      const [id, headSha, name] = array(field.c, 'c', 3)
      const sha = text(headSha, 'c[1]')
      if (!/^[0-9a-f]{40}$/.test(sha)) throw new PackedResultError('c[1]: not a commit')
      state.checkRun = { id: count(id, 'c[0]'), headSha: sha, name: text(name, 'c[2]') }
    }
    return state
  } catch (error) {
    if (error instanceof PackedResultError) throw refuse(error.message)
    throw error
  }
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
