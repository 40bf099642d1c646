// run() on its defect path: whatever throws after the wait began, the outputs, the
// summary and the check run still carry the last status seen.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'
import type { Look } from '../src/status/source.js'
import type { TargetResult } from '../src/status/result.js'

const completed: { results: readonly TargetResult[]; budgetMs?: number }[] = []

jest.unstable_mockModule('@actions/core', () => core)
jest.unstable_mockModule('../src/wait/wait-for-status.js', () => ({
  // One look that succeeds, then a defect inside the wait.
  waitForStatus: async (
    options: { result: TargetResult },
    deps: { onLook?: (look: Look, at: number) => void }
  ) => {
    const { readOfferStatus } =
      await import('../src/sources/cloud-partner-portal/read-offer-status.js')
    const { recordLook } = await import('../src/status/result.js')
    const look: Look = { kind: 'ok', snapshot: readOfferStatus({ status: 'succeeded' }) }
    recordLook(options.result, look, Date.now())
    deps.onLook?.(look, Date.now())
    throw new RangeError('Maximum call stack size exceeded')
  }
}))
jest.unstable_mockModule('../src/report/check-run.js', () => ({
  startCheckRun: async ({ results }: { results: readonly TargetResult[] }) => ({
    id: 42,
    seen: () => undefined,
    created: async () => undefined,
    complete: async (budgetMs?: number) => {
      completed.push({ results: results.map(result => ({ ...result })), budgetMs })
    }
  })
}))
const { run } = await import('../src/main.js')

const INPUTS = {
  INPUT_TOKEN: 'main-test-token',
  'INPUT_PUBLISHER-ID': 'contoso',
  'INPUT_OFFER-ID': 'contoso-vm',
  'INPUT_CHECK-NAME': 'Marketplace publish',
  'INPUT_GITHUB-TOKEN': 'ghs_main_test',
  INPUT_SUMMARY: 'true',
  GITHUB_STEP_SUMMARY: '/dev/null'
}

beforeEach(() => {
  core.reset()
  completed.length = 0
  Object.assign(process.env, INPUTS)
})
afterEach(() => {
  for (const name of Object.keys(INPUTS)) delete process.env[name]
  process.exitCode = undefined
})

describe('run() on a defect', () => {
  it('keeps the last status, fails the step with the reason, and completes the check run', async () => {
    await run()
    expect(core.outputs).toMatchObject({ outcome: 'error', status: 'Succeeded', polls: '1' })
    expect(core.lines).toContain(
      '::error::error: unexpected error: Maximum call stack size exceeded (1 poll in 0s)'
    )
    expect(core.summaries[0]).toContain('## ⚠️ Marketplace offer contoso/contoso-vm: Succeeded')
    expect(completed).toHaveLength(1)
    expect(completed[0]?.results).toEqual([expect.objectContaining({ outcome: 'error', polls: 1 })])
    expect(completed[0]?.results[0]?.snapshot?.status).toBe('Succeeded')
    expect(core.outputs['check-run-id']).toBe('42')
  })
})
