// The two runs of a wait handed from run to run, as the hand-off tests make them: the
// first with a Cloud Partner Portal wait that hands off after 1.5s, the next as the
// workflow_dispatch run it started, with the state in its event.
import type { GitHubSpec, Phase } from '../simulator/scenario.js'
import type { Simulator } from '../simulator/server.js'
import { DISPATCHED_RUN_ENV, type ActionOptions } from '../scripts/run-action.js'
import type { VirtualTime } from './in-process.js'

export const TOKEN = 'cpp-token-hand-off'

/** A Cloud Partner Portal offer playing `timeline`, and GitHub as `github` says. */
export function serve(time: VirtualTime, timeline: Phase[], github: GitHubSpec = {}) {
  return time.serve({ token: TOKEN, timeline, github })
}

export function firstRun(sim: Simulator, inputs: Record<string, string> = {}): ActionOptions {
  return {
    inputs: {
      'publisher-id': 'contoso',
      'offer-id': 'contoso-vm',
      token: TOKEN,
      'base-url': sim.url,
      interval: '1s',
      'max-interval': '1s',
      timeout: '1h',
      'hand-off-after': '1.5s',
      'check-name': 'Marketplace publish',
      ...inputs
    },
    env: { GITHUB_API_URL: sim.url }
  }
}

/** The run the first one dispatched: the state in its event, no target inputs. */
export function nextRun(
  sim: Simulator,
  state: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
): ActionOptions {
  const first = firstRun(sim, { 'publisher-id': '', 'offer-id': '', ...inputs })
  return {
    ...first,
    env: {
      ...first.env,
      ...DISPATCHED_RUN_ENV,
      ...env
    },
    event: { inputs: { 'marketplace-wait': state } }
  }
}

/** The state the `index`th dispatch carried. */
export const stateOf = (sim: Simulator, index = 0): string =>
  sim.github.dispatches[index]?.body.inputs?.['marketplace-wait'] ?? ''
