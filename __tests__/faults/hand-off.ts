// The fault catalogue's rows: a wait handed from run to run, with forged, replayed and
// raced states, clocks that disagree, and a GitHub that holds its answers. Each row
// plays a first run that hands the wait off, then the run it dispatched.
import type { Phase } from '../../simulator/scenario.js'
import type { Simulator } from '../../simulator/server.js'
import { DISPATCHED_RUN_ENV, type ActionOptions, type ActionRun } from '../../scripts/run-action.js'
import { RUNNING, SUCCEEDED, type FaultCase, type PlayContext } from './case.js'

const HOUR = 3_600_000
// The first run polls every second and hands the wait off after two.
const HANDING_OFF = {
  interval: '1s',
  'max-interval': '1s',
  timeout: '1h',
  'hand-off-after': '2s'
}
const ON_FOR_EVER: Phase[] = [{ ...RUNNING, times: 1_000 }]
const THEN_SUCCEEDED: Phase[] = [{ ...RUNNING, times: 3 }, SUCCEEDED]

/** The state the first run dispatched (the `index`th dispatch). */
function dispatched(sim: Simulator, index = 0): string {
  return sim.github.dispatches[index]?.body.inputs?.['marketplace-wait'] ?? ''
}

/** The state with some of its fields changed: a forged or tampered state. */
function edited(state: string, change: (fields: Record<string, unknown>) => void): string {
  const fields = JSON.parse(Buffer.from(state, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >
  change(fields)
  return Buffer.from(JSON.stringify(fields)).toString('base64url')
}

/** The run a dispatch starts: a workflow_dispatch run with the state, no target inputs. */
function carriedOn(
  options: ActionOptions,
  state: string,
  env: Record<string, string> = {},
  inputs: Record<string, string> = {}
): ActionOptions {
  return {
    ...options,
    inputs: { ...options.inputs, 'publisher-id': '', 'offer-id': '', ...inputs },
    env: {
      ...options.env,
      ...DISPATCHED_RUN_ENV,
      ...env
    },
    event: { inputs: { 'marketplace-wait': state } }
  }
}

// Where the carried-on run's requests start, by simulator.
const carriedFrom = new WeakMap<Simulator, number>()

/** The carried-on run: requests from its first on. */
function requestsAfterHandOff(sim: Simulator): Simulator['requests'] {
  return sim.requests.slice(carriedFrom.get(sim) ?? sim.requests.length)
}

/** Runs `options` as the carried-on run. */
function runCarried(context: PlayContext, options: ActionOptions & { clockOffsetMs?: number }) {
  carriedFrom.set(context.sim, context.sim.requests.length)
  return context.run(options)
}

/** A first run that hands off, then the dispatched run with the state `change` made of it. */
function handedOn(
  change: (state: string, sim: Simulator) => string = state => state,
  env: Record<string, string> = {},
  inputs: Record<string, string> = {}
) {
  return async (context: PlayContext): Promise<ActionRun> => {
    const { sim, options } = context
    const first = await context.run(options)
    if (first.outputs.outcome !== 'handed-off') {
      throw new Error(`run 1 ended ${first.outputs.outcome}`)
    }
    return runCarried(context, carriedOn(options, change(dispatched(sim), sim), env, inputs))
  }
}

const refusedState = (
  fault: string,
  change: (fields: Record<string, unknown>) => void,
  problem: RegExp,
  extra: Partial<FaultCase> = {}
): FaultCase => ({
  fault,
  does: 'refuses it in one line naming `hand-off-input`, before any request, every output set',
  outcome: 'error',
  exitCode: 1,
  github: {},
  inputs: HANDING_OFF,
  timeline: THEN_SUCCEEDED,
  play: handedOn(state => edited(state, change)),
  check: (run, sim, expect) => {
    expect(run.stdout).toMatch(/::error::Input 'hand-off-input' holds no hand-off state/)
    expect(run.stdout).toMatch(problem)
    expect(requestsAfterHandOff(sim)).toEqual([])
  },
  ...extra
})

export const HAND_OFF: FaultCase[] = [
  {
    fault: "a state naming a check run that is not this wait's (another check of another commit)",
    does: 'leaves that check run alone and ends `error`: a state never chooses which check run is written',
    outcome: 'error',
    exitCode: 1,
    github: { existing: [{ name: 'Build', head_sha: 'f'.repeat(40) }] },
    inputs: HANDING_OFF,
    timeline: THEN_SUCCEEDED,
    play: handedOn(state =>
      edited(state, fields => {
        fields.c = [1000, ...(fields.c as unknown[]).slice(1)]
      })
    ),
    check: (run, sim, expect) => {
      expect(run.stdout).toMatch(/check run 1000 is not this wait's/)
      expect(sim.github.checkRuns[0]?.calls).toEqual([])
      expect(sim.github.checkRuns[0]?.fields).toMatchObject({
        name: 'Build',
        status: 'in_progress'
      })
    }
  },
  {
    fault: 'a state dispatched to another workflow whose job and step ids are the same',
    does: 'is not carried on there: that step waits from its own inputs',
    outcome: 'success',
    exitCode: 0,
    github: {},
    inputs: { ...HANDING_OFF, 'check-name': '' },
    timeline: THEN_SUCCEEDED,
    play: handedOn(
      state => state,
      {
        GITHUB_WORKFLOW_REF:
          'contoso/marketplace-offers/.github/workflows/deploy.yml@refs/heads/main'
      },
      { 'publisher-id': 'contoso', 'offer-id': 'contoso-vm', 'hand-off-after': '' }
    ),
    check: (run, _, expect) => {
      expect(run.stdout).not.toContain('Carrying on')
      expect(run.outputs.polls).toBe('1')
    }
  },
  refusedState(
    'a state with an outcome no run hands on (`handed-off`)',
    fields => {
      const [result] = fields.x as Record<string, unknown>[]
      if (result) result.o = 'handed-off'
    },
    /x\[0\]\.o: handed-off is no outcome a run hands on/
  ),
  refusedState(
    'a state that was handed off a day ahead of this run',
    fields => {
      for (const key of ['s', 'd', 'h']) fields[key] = (fields[key] as number) + 24 * HOUR
      for (const result of fields.x as Record<string, unknown>[]) {
        for (const key of ['s', 'e']) result[key] = (result[key] as number) + 24 * HOUR
        result.h = []
        result.f = []
      }
    },
    /a hand-off hours after this run's clock/
  ),
  refusedState(
    'a state whose result starts after the wait (so its own deadline comes later)',
    fields => {
      const [result] = fields.x as Record<string, unknown>[]
      if (result) result.s = (fields.s as number) + 1_000
    },
    /x\[0\]\.s: not the start of the wait/
  ),
  refusedState(
    'a state whose history names a run the wait has not had (a later run number)',
    fields => {
      const [result] = fields.x as Record<string, unknown>[]
      if (result) result.f = [['Preview', 'InProgress', fields.s, 999_999]]
    },
    /x\[0\]: a run the wait has not had/
  ),
  refusedState(
    'a state with a deadline 20 days after its start, carried on with `check-name`',
    fields => {
      fields.d = (fields.s as number) + 20 * 24 * HOUR
    },
    /over the 14d a wait with a check run may last/
  ),
  refusedState(
    'a state naming an API the action does not know',
    fields => {
      fields.a = 'microsoft-store'
    },
    /names no API this action knows/
  ),
  {
    fault: 'two runs started from one state',
    does: 'one chain goes on: the run that lost the claim ends `error`, naming the run that carries the wait on',
    outcome: 'error',
    exitCode: 1,
    github: {},
    inputs: HANDING_OFF,
    timeline: ON_FOR_EVER,
    play: async ({ sim, options, run }) => {
      await run(options)
      const state = dispatched(sim)
      const runs = await Promise.all([
        run(carriedOn(options, state)),
        run(carriedOn(options, state, { GITHUB_RUN_ID: '2001', GITHUB_RUN_NUMBER: '3' }))
      ])
      const [winner, loser] = runs.sort(
        (a, b) => Number(a.outputs.outcome === 'error') - Number(b.outputs.outcome === 'error')
      ) as [ActionRun, ActionRun]
      if (winner.outputs.outcome !== 'handed-off') throw new Error('no run carried the wait on')
      return loser
    },
    check: (run, sim, expect) => {
      expect(sim.github.dispatches).toHaveLength(2)
      expect(run.stdout).toMatch(
        /run https:\/\/github\.com\/contoso\/marketplace-offers\/actions\/runs\/200[01] holds it|carried on by run https:\/\/github\.com\/contoso\/marketplace-offers\/actions\/runs\/200[01]/
      )
      expect(sim.github.checkRuns).toHaveLength(1)
    }
  },
  {
    fault: 'a Retry-After that reaches past the hand-off',
    does: 'is honoured by the next run: its first request waits what was left of it',
    outcome: 'success',
    exitCode: 0,
    github: {},
    inputs: { ...HANDING_OFF, 'check-name': '' },
    timeline: [RUNNING, { fault: 429, retryAfter: 5 }, RUNNING, SUCCEEDED],
    play: handedOn(state => state, {}, { 'hand-off-after': '1m' }),
    check: (_, sim, expect) => {
      const throttled = sim.requests.find(request => request.status === 429)
      const next = requestsAfterHandOff(sim).find(request => request.url.includes('/status'))
      expect((next?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(5_000)
    }
  },
  {
    fault: "the Product Ingestion API's one request a minute, across a hand-off",
    does: "holds in the next run: its first request comes a minute after the last run's",
    apis: ['product-ingestion'],
    outcome: 'success',
    exitCode: 0,
    github: {},
    inputs: {
      'check-name': '',
      interval: '1m',
      'max-interval': '1m',
      timeout: '1h',
      'hand-off-after': '1m'
    },
    timeline: [{ ...RUNNING, times: 2 }, SUCCEEDED],
    play: handedOn(state => state, {}, { 'job-id': '' }),
    check: (_, sim, expect) => {
      const jobs = sim.requests.filter(request => request.url.includes('/configure/'))
      const handedOffAt = sim.requests.findIndex(request => request.url.includes('/dispatches'))
      const lastBefore = jobs.filter(request => sim.requests.indexOf(request) < handedOffAt).at(-1)
      const firstAfter = jobs.find(request => sim.requests.indexOf(request) > handedOffAt)
      expect((firstAfter?.at ?? 0) - (lastBefore?.at ?? 0)).toBeGreaterThanOrEqual(60_000)
    }
  },
  {
    fault: "a carried-on run whose clock is an hour behind the services'",
    does: "reads the deadline on the services' clock: ends at the first run's deadline, `elapsed-seconds` never negative",
    outcome: 'timeout',
    exitCode: 1,
    github: {},
    inputs: {
      'check-name': '',
      interval: '1m',
      'max-interval': '1m',
      timeout: '10m',
      'hand-off-after': '1m'
    },
    timeline: ON_FOR_EVER,
    play: async context => {
      await context.run(context.options)
      return runCarried(context, {
        ...carriedOn(context.options, dispatched(context.sim), {}, { 'hand-off-after': '20m' }),
        clockOffsetMs: -HOUR
      })
    },
    check: (run, sim, expect) => {
      const elapsed = Number(run.outputs['elapsed-seconds'])
      expect(elapsed).toBeGreaterThanOrEqual(590)
      expect(elapsed).toBeLessThanOrEqual(620)
      const [first] = sim.requests
      expect((sim.requests.at(-1)?.at ?? 0) - (first?.at ?? 0)).toBeLessThanOrEqual(601_000)
    }
  },
  {
    fault: 'a carried-on run whose completing check-run call never answers',
    does: 'ends within one request timeout and a few seconds of the decision, with a warning',
    outcome: 'success',
    exitCode: 0,
    github: { hangCompletion: true },
    inputs: HANDING_OFF,
    timeline: THEN_SUCCEEDED,
    play: async ({ sim, options, run }) => {
      await run(options)
      const startedAt = Date.now()
      const carried = await run(carriedOn(options, dispatched(sim)))
      // A request timeout of 1s, a grace of 2.5s: never the rest of the hour.
      if (Date.now() - startedAt > 6_000) throw new Error('the decided run held the runner')
      return carried
    },
    check: (run, _, expect) => {
      expect(run.stdout).toMatch(/::warning::Check run "Marketplace publish" not completed/)
    }
  },
  {
    fault: 'GitHub down when a carried-on run claims the wait',
    does: 'each call ends at its request timeout; the run ends `error`, saying to re-run it, and never forks the wait',
    outcome: 'error',
    exitCode: 1,
    github: {},
    inputs: HANDING_OFF,
    timeline: ON_FOR_EVER,
    play: async context => {
      await context.run(context.options)
      context.sim.github.hang()
      return runCarried(context, carriedOn(context.options, dispatched(context.sim)))
    },
    check: (run, sim, expect) => {
      expect(run.stdout).toMatch(
        /could not claim the wait in check run 1000 \(GitHub gave no answer within 1s\).*re-run this job/
      )
      expect(requestsAfterHandOff(sim).filter(request => request.url.includes('/status'))).toEqual(
        []
      )
    }
  },
  {
    fault: 'a dispatch answered with a run page on another host',
    does: "sets `next-run-url` to this workflow's runs page instead",
    outcome: 'handed-off',
    exitCode: 0,
    github: { dispatch: 'elsewhere' },
    inputs: { ...HANDING_OFF, 'check-name': '' },
    timeline: ON_FOR_EVER,
    check: (run, _, expect) => {
      expect(run.outputs['next-run-url']).toBe(
        'https://github.com/contoso/marketplace-offers/actions/workflows/publish.yml'
      )
      expect(run.summary).not.toContain('github.example')
    }
  },
  {
    fault: 'a dispatch that never answers',
    does: 'gives it one request timeout, never sends it again, and ends `error` saying a run may have started',
    outcome: 'error',
    exitCode: 1,
    github: { dispatch: 'hang' },
    inputs: { ...HANDING_OFF, 'check-name': '' },
    timeline: ON_FOR_EVER,
    play: async ({ options, run }) => {
      const startedAt = Date.now()
      const ended = await run(options)
      if (Date.now() - startedAt > 8_000) throw new Error('the dispatch held the runner')
      return ended
    },
    check: (run, sim, expect) => {
      expect(run.stdout).toMatch(/it may have started a run, so it is not sent again/)
      expect(sim.github.dispatches).toHaveLength(1)
    }
  }
]
