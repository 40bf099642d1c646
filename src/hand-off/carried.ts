// A run started by a hand-off: the state from the dispatch event's inputs, judged
// against this run before any request. The state is carried on only by the workflow,
// job and step that handed it off; its API and targets must be ones the action reads;
// the inputs that name the wait come from it (where the workflow gives them too, they
// must agree). Sign-in, base-url and every other input still come from the workflow.
import { InputError } from '../inputs/input-error.js'
import type { InputReader } from '../inputs/input-reader.js'
import type { RunnerContext } from '../runner/context.js'
import { API_INPUTS, apiNamed } from '../sources/index.js'
import { isoTime } from '../utc-time.js'
import { readInputName, refusal } from './hand-off-inputs.js'
import { decodeState, type HandOffState } from './state.js'

// Runners' clocks differ: a hand-off this far ahead of this run's clock is none of ours.
const CLOCK_SLACK_MS = 6 * 3_600_000

/** The wait this step carries on and its inputs, or none: not a dispatched run, or another step's wait. */
export interface Carried {
  state: HandOffState
  /** The inputs with those that name the wait taken from the state. */
  input: InputReader
}

export function readCarried(
  given: InputReader,
  runner: RunnerContext,
  now: number
): Carried | undefined {
  if (runner.eventName !== 'workflow_dispatch') return undefined
  const value = runner.event.inputs?.[readInputName(given)]
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const state = decodeState(value.trim(), runner)
  // Another workflow, job or step of the carried-on run runs from its own inputs.
  const owner = [state.workflow.toLowerCase(), state.job, state.step]
  if (owner.join('\n') !== [runner.workflow.toLowerCase(), runner.job, runner.step].join('\n')) {
    return undefined
  }
  if (state.handedOffAt > now + CLOCK_SLACK_MS) {
    throw refusal(`h: a hand-off hours after this run's clock (${isoTime(now)})`)
  }
  const input = carriedInputs(given, state)
  checkTargets(state, input)
  return { state, input }
}

// The state's API must be one of ours, its inputs that API's, its targets readable and
// its results theirs: every way it is not is the state's fault, never the workflow's.
function checkTargets(state: HandOffState, input: InputReader): void {
  const api = apiNamed(state.api)
  if (!api) throw refusal(`a: names no API this action knows, ${JSON.stringify(state.api)}`)
  const foreign = Object.keys(state.inputs).find(name => !api.inputs.includes(name))
  if (foreign !== undefined) throw refusal(`g: ${foreign} is not an input of the ${api.title}`)
  let ids: string[]
  try {
    ids = api.readTargets(input).map(target => target.id)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    throw refusal(`g: the ${api.title} refuses its targets (${error.message})`)
  }
  const results = state.results.map(result => result.id)
  if (ids.join('\n') !== results.join('\n')) {
    throw refusal('x: the results are not those of its targets')
  }
}

/** The inputs with the API and those that name the wait taken from the state. */
function carriedInputs(input: InputReader, state: HandOffState): InputReader {
  const fromState = new Map<string, string>([['api', state.api]])
  for (const name of API_INPUTS) fromState.set(name, state.inputs[name] ?? '')
  for (const [name, carried] of fromState) {
    const given = (input(name) ?? '').trim()
    if (!given || (name === 'api' && given.toLowerCase() === 'auto')) continue
    if (normalized(given) !== normalized(carried)) {
      throw new InputError(
        name,
        `is ${JSON.stringify(given.slice(0, 100))}, but the wait this run carries on is for ${JSON.stringify(carried.slice(0, 100)) || 'none'}: leave it empty or the same`
      )
    }
  }
  return name => fromState.get(name) ?? input(name)
}

function normalized(list: string): string {
  return list
    .split(/[,\n]/)
    .map(item => item.trim().toLowerCase())
    .filter(Boolean)
    .join('\n')
}
