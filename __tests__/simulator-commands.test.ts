// `npm run simulator -- <scenario>` prints a command that runs the built action on what
// it plays: each scenario's command, run as printed (bash, the bundle under test), ends
// with its outputs and its summary shown, and the outcome its description promises.
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { execFile } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { actionCommand, simulatorEnv, simulatorInputs } from '../simulator/command.js'
import { loadScenario } from '../simulator/scenario.js'
import { startSimulator, type Simulator } from '../simulator/server.js'
import { actionEntry, ROOT, runnerInputs } from '../scripts/run-action.js'

// Each plays its scenario in real time, the slowest about 25 seconds.
jest.setTimeout(60_000)

const SCENARIOS = join(ROOT, 'simulator', 'scenarios')
// How each ends, as its description says.
const OUTCOMES: Record<string, string> = {
  appsource: 'success',
  flaky: 'success',
  fleet: 'failure',
  'go-live': 'success',
  'hand-off': 'handed-off',
  'ingestion-certification': 'failure',
  'ingestion-go-live': 'success',
  'ingestion-preview': 'success',
  preview: 'success',
  publish: 'success',
  rejected: 'failure'
}
const names = readdirSync(SCENARIOS).map(file => basename(file, '.json'))
const running: Simulator[] = []

/** Plays `name` and runs its printed command with bash, as a newcomer would. */
async function runPrintedCommand(name: string): Promise<{ stdout: string; code: number }> {
  const scenario = await loadScenario(join(SCENARIOS, `${name}.json`))
  const simulator = await startSimulator(scenario)
  running.push(simulator)
  const inputs = await runnerInputs(simulatorInputs(scenario, simulator))
  const command = actionCommand(inputs, simulatorEnv(simulator), actionEntry())
  return new Promise(resolve =>
    execFile(
      'bash',
      ['-c', command],
      { cwd: ROOT, env: { PATH: process.env.PATH } },
      (error, out) =>
        resolve({ stdout: out, code: typeof error?.code === 'number' ? error.code : 0 })
    )
  )
}

// All at once: each mostly sleeps between the simulator's steps.
const runs = new Map(names.map(name => [name, runPrintedCommand(name)]))

afterAll(async () => {
  await Promise.all(runs.values())
  await Promise.all(running.map(simulator => simulator.close()))
})

describe('the command npm run simulator prints', () => {
  it('is known for every scenario', () => {
    expect(names.sort()).toEqual(Object.keys(OUTCOMES).sort())
  })

  it.each(names)('%s: runs the built action to its end', async name => {
    const { stdout, code } = await runs.get(name)!
    const [log = '', rest = ''] = stdout.split('\n--- outputs ---\n')
    const [outputs = '', summary = ''] = rest.split('\n--- job summary ---\n')
    const outcome = OUTCOMES[name]
    expect(outputs).toMatch(new RegExp(`^outcome=${outcome}$`, 'm'))
    expect(outputs).toMatch(/^offers=\[/m)
    expect(outputs).not.toContain('ghadelimiter')
    expect(summary).toMatch(/^## /)
    expect(code).toBe(outcome === 'success' || outcome === 'handed-off' ? 0 : 1)
    expect(log).not.toMatch(/::set-output/)
  })
})
