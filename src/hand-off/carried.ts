// A run started by a hand-off: the state from the dispatch event's inputs, and the
// inputs that name the wait read from it (where the workflow gives them too, they must
// agree). Sign-in, base-url and every other input still come from the workflow.
import { readFileSync } from 'node:fs'
import { InputError } from '../inputs/input-error.js'
import type { InputReader } from '../inputs/input-reader.js'
import { decodeState, type HandOffState } from './state.js'
import { readInputName } from './hand-off-inputs.js'

// The event file is the runner's, but its inputs are whoever dispatched: read it bounded.
const MOST_EVENT_BYTES = 1024 * 1024

/** The wait this step carries on, or none: not a dispatched run, or another step's wait. */
export function readCarried(input: InputReader, env: NodeJS.ProcessEnv): HandOffState | undefined {
  if (env.GITHUB_EVENT_NAME !== 'workflow_dispatch') return undefined
  const name = readInputName(input)
  const value = dispatchedInput(env, name).trim()
  if (!value) return undefined
  const state = decodeState(value, env)
  // Another job or step of the carried-on run runs from its own inputs.
  if (state.job !== (env.GITHUB_JOB ?? '') || state.step !== (env.GITHUB_ACTION ?? '')) {
    return undefined
  }
  return state
}

/** The inputs with those that name the wait taken from the state. */
export function carriedInputs(input: InputReader, state: HandOffState): InputReader {
  const ids = state.results.map(result => result.id)
  const fromState: Record<string, string> = {
    api: state.api,
    'publisher-id': state.publisherId,
    'offer-id': state.idsInput === 'offer-id' ? ids.join('\n') : '',
    'job-id': state.idsInput === 'job-id' ? ids.join('\n') : ''
  }
  for (const [name, carried] of Object.entries(fromState)) {
    const given = (input(name) ?? '').trim()
    if (!given || (name === 'api' && given.toLowerCase() === 'auto')) continue
    if (normalized(given) !== normalized(carried)) {
      throw new InputError(
        name,
        `is ${JSON.stringify(given.slice(0, 100))}, but the wait this run carries on is for ${JSON.stringify(carried.slice(0, 100)) || 'none'}: leave it empty or the same`
      )
    }
  }
  return name => (Object.hasOwn(fromState, name) ? fromState[name] : input(name))
}

function normalized(list: string): string {
  return list
    .split(/[,\n]/)
    .map(item => item.trim().toLowerCase())
    .filter(Boolean)
    .join('\n')
}

function dispatchedInput(env: NodeJS.ProcessEnv, name: string): string {
  try {
    const text = readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8')
    if (text.length > MOST_EVENT_BYTES) return ''
    const event = JSON.parse(text) as { inputs?: Record<string, unknown> }
    const value = event.inputs?.[name]
    return typeof value === 'string' ? value : ''
  } catch {
    return ''
  }
}
