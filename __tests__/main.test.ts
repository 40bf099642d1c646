// run() on its defect path: whatever throws after the wait began, the outputs, the
// summary and the check run still carry the last status seen.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'
import type { Look } from '../src/status/source.js'
import type { TargetResult } from '../src/status/result.js'
import { okLook, snapshotOf } from './builders.js'

const completed: { results: readonly TargetResult[]; endBy: number }[] = []

jest.unstable_mockModule('../src/wait/wait-for-status.js', () => ({
  // One look that succeeds, then a defect inside the wait.
  waitForStatus: async (
    options: { result: TargetResult },
    deps: { onLook?: (look: Look, at: number) => void }
  ) => {
    const { recordLook } = await import('../src/status/result.js')
    const look = okLook(snapshotOf({ status: 'Succeeded' }))
    recordLook(options.result, look, Date.now())
    deps.onLook?.(look, Date.now())
    throw new RangeError('Maximum call stack size exceeded')
  }
}))
jest.unstable_mockModule('../src/report/check-run.js', () => ({
  CheckRun: class {
    id = 42
    constructor(private readonly options: { results: readonly TargetResult[] }) {}
    seen(): void {}
    drop(): void {}
    async created(): Promise<void> {}
    async complete(endBy: number): Promise<void> {
      completed.push({ results: this.options.results.map(result => ({ ...result })), endBy })
    }
  }
}))
const { run } = await import('../src/main.js')

const ENV = {
  INPUT_TOKEN: 'main-test-token',
  'INPUT_PUBLISHER-ID': 'contoso',
  'INPUT_OFFER-ID': 'contoso-vm',
  'INPUT_CHECK-NAME': 'Marketplace publish',
  'INPUT_GITHUB-TOKEN': 'ghs_main_test',
  INPUT_SUMMARY: 'true',
  GITHUB_STEP_SUMMARY: '/dev/null',
  GITHUB_REPOSITORY: 'contoso/offers'
}

beforeEach(() => {
  core.reset()
  completed.length = 0
})
afterEach(() => {
  process.exitCode = undefined
})

describe('run() on a defect', () => {
  it('keeps the last status, fails the step with the reason, and completes the check run', async () => {
    const started = Date.now()
    await run({
      env: ENV,
      now: Date.now,
      sleep: async () => undefined,
      random: () => 0.5,
      cancellation: () => ({ signal: new AbortController().signal, dispose: () => undefined }),
      core
    })
    expect(core.outputs).toMatchObject({ outcome: 'error', status: 'Succeeded', polls: '1' })
    expect(core.lines).toContain(
      '::error::error: unexpected error: Maximum call stack size exceeded (1 poll in 0s)'
    )
    expect(core.summaries[0]).toContain('## ⚠️ Marketplace offer contoso/contoso-vm: Succeeded')
    expect(completed).toHaveLength(1)
    expect(completed[0]?.results).toEqual([expect.objectContaining({ outcome: 'error', polls: 1 })])
    expect(completed[0]?.results[0]?.snapshot?.status).toBe('Succeeded')
    // A decided wait gives GitHub a few seconds, never the rest of the timeout.
    expect(completed[0]?.endBy).toBeLessThan(started + 10_000)
    expect(core.outputs['check-run-id']).toBe('42')
  })
})
