// Every demo of `npm run demo`, run in virtual time on its scenario as the demo runs it
// (a hand-off's second run too): each ends as it says it does.
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { loadScenario } from '../simulator/scenario.js'
import { demoInputs, DEMOS, dispatchedRun } from '../scripts/demos.js'
import { ROOT } from '../scripts/run-action.js'
import { VirtualTime } from './in-process.js'

describe('npm run demo', () => {
  it.each(Object.keys(DEMOS))('%s says why where it exits non-zero', name => {
    const demo = DEMOS[name] as (typeof DEMOS)[string]
    const exitsNonZero = demo.outcome !== 'success' && demo.outcome !== 'handed-off'
    expect(Boolean(demo.ending)).toBe(exitsNonZero)
  })

  it.each(Object.keys(DEMOS))('%s ends as it says', async name => {
    const demo = DEMOS[name] as (typeof DEMOS)[string]
    const time = new VirtualTime()
    const sim = await time.serve(
      await loadScenario(join(ROOT, 'simulator', 'scenarios', `${demo.scenario}.json`))
    )
    try {
      const inputs = demoInputs(demo, sim.url)
      const env = { GITHUB_API_URL: sim.url }
      let run = await time.run({ inputs, env })
      const next = dispatchedRun(run, sim)
      if (next) run = await time.run({ inputs, env: { ...env, ...next.env }, event: next.event })
      expect(run.outputs.outcome).toBe(demo.outcome)
      expect(run.summary).toMatch(/^## /)
    } finally {
      await sim.close()
    }
  })
})
