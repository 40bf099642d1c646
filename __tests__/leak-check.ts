import { expect } from '@jest/globals'
import type { ActionRun } from '../scripts/run-action.js'

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
