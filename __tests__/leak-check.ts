import { expect } from '@jest/globals'
import type { Simulator } from '../simulator/server.js'
import { takeRuns, type ActionRun } from '../scripts/run-action.js'

const SECRET_INPUTS = ['token', 'client-secret', 'github-token']

/** Every secret is masked for the runner, and shows up nowhere else. */
export function expectNoSecret(run: ActionRun, secrets: string[]): void {
  expect(secrets.length).toBeGreaterThan(0)
  const stdout = run.stdout
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  for (const secret of secrets) {
    for (const text of [stdout, run.stderr, JSON.stringify(run.outputs), run.summary]) {
      expect(text).not.toContain(secret)
    }
    expect(run.stdout).toContain(`::add-mask::${secret}\n`)
  }
}

/**
 * The leak check over every run of a test: the secrets it was given and every token the
 * simulators issued (to any run) appear only in mask commands.
 */
export function expectNoLeaks(...simulators: (Simulator | undefined)[]): void {
  const issued = simulators.flatMap(sim =>
    sim ? [...sim.signIn.accessTokensIssued, ...sim.signIn.idTokensIssued] : []
  )
  for (const run of takeRuns()) {
    const given = SECRET_INPUTS.map(name =>
      (run.inputs[name] ?? '').trim().replace(/^bearer\s+/i, '')
    )
    const secrets = [...new Set([...given, ...issued])].filter(secret => secret !== '')
    if (secrets.length > 0) expectNoSecret(run, secrets)
  }
}
