// The story of a long wait, for the summary and the check run: how long each step was
// in each phase, and the runs a wait handed from run to run went through.
import { formatDuration } from '../inputs/duration.js'
import type { RunChain, StepPhase, TargetResult } from '../status/result.js'
import { cell, link } from './markdown.js'

const MAX_STEP_ROWS = 100

// A row per step that changed status: how long it was in each (the last so far).
export function phaseRows(result: TargetResult): string[] {
  const byStep = new Map<string, StepPhase[]>()
  for (const phase of result.phases) {
    const phases = byStep.get(phase.step) ?? []
    phases.push(phase)
    byStep.set(phase.step, phases)
  }
  const changed = [...byStep].filter(([, phases]) => phases.length > 1).slice(0, MAX_STEP_ROWS)
  if (changed.length === 0) return []
  const rows = changed.map(([step, phases]) => {
    const times = phases.map((phase, index) => {
      const status = cell(phase.status || '(none)')
      const next = phases[index + 1]
      if (next) return `${status} ${formatDuration(next.at - phase.at)}`
      // The phase it is in now: how long so far, unless it is the end of the step.
      return phase.status === 'Complete'
        ? status
        : `${status} ${formatDuration(result.endedAt - phase.at)} so far`
    })
    return `| ${cell(step)} | ${times.join(' → ')} |`
  })
  return ['### Time in each phase', '', '| Step | Phases |', '|---|---|', ...rows, '']
}

// `runs of this wait: #1 · #2 · … · #7 (12 runs)`.
export function chainLinks(chain: RunChain): string {
  const runs = chain.runs.map(run => link(run.url, `#${run.number}`))
  const count = chain.runCount > chain.runs.length ? ` (${chain.runCount} runs)` : ''
  return `runs of this wait: ${runs.join(' · ')}${count}`
}
