// Each target of the step followed to its end: its source looked at on the schedule, each
// look seen by its log and the check run, under one deadline.
import type { CheckRun } from './report/check-run.js'
import type { Log } from './report/log.js'
import { annotationBudget, ProgressLog } from './report/progress-log.js'
import { logStart } from './report/start.js'
import type { Effects } from './runner/effects.js'
import type { Settings } from './settings.js'
import type { Connection } from './sources/connect.js'
import type { TargetResult } from './status/result.js'
import type { Step } from './status/step.js'
import { waitForAll, type AllEnded } from './wait/wait-for-all.js'

export async function followTargets(
  settings: Settings,
  step: Step,
  results: TargetResult[],
  connection: Connection,
  checkRun: CheckRun | undefined,
  log: Log,
  effects: Effects,
  signal: AbortSignal
): Promise<AllEnded> {
  const { targets } = settings
  const noun = targets[0]?.noun ?? 'offer'
  logStart(log, step, results, noun, effects.now())
  if (settings.handOff?.warning) log.warning(settings.handOff.warning)
  // GitHub shows a few annotations of a step: the cap is the step's, not each offer's.
  const annotations = annotationBudget()
  // Each change names its run once the wait goes from run to run.
  const run = step.chain?.runs.at(-1)?.number
  const entries = targets.map((target, index) => {
    const result = results[index] as TargetResult
    const progress = new ProgressLog(log, result, {
      subject: capitalized(target.noun),
      ...(targets.length > 1 && { name: target.label }),
      annotations,
      ...(run !== undefined && { run })
    })
    return {
      noun: target.noun,
      result,
      progress,
      source: connection.open(target, result.requests),
      onLook: (look: Parameters<ProgressLog['observe']>[0], at: number) => {
        progress.observe(look, at)
        checkRun?.seen(look, at)
      },
      onPublish: progress.published,
      onNextAction: progress.nextAction
    }
  })
  const ended = await waitForAll(
    entries,
    {
      rules: step.rules,
      deadline: () => step.wait.deadline,
      ...(step.handOffAt !== undefined && { handOffAt: step.handOffAt }),
      intervalMs: step.intervalMs,
      maxIntervalMs: step.maxIntervalMs,
      holdMs: step.holdMs,
      // The API's pace, or a faster one the workflow chose: it holds across runs too.
      leastSpacingMs: Math.min(step.leastSpacingMs, step.intervalMs),
      ...(step.publish && { publish: step.publish }),
      run: step.runNumber,
      signal
    },
    effects
  )
  for (const entry of entries) entry.progress.close()
  return ended
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
