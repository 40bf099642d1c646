// The step as every part of the action sees it, built once from the settings and the
// runner: its rules, its deadline, and what every report needs; and each target's
// result, fresh or as an earlier run of the wait handed it on.
import type { RunnerContext } from './runner/context.js'
import type { Settings } from './settings.js'
import { shiftResult, waitingResult, type TargetResult } from './status/result.js'
import type { Step } from './status/step.js'

const SIGNED_IN: Record<Settings['signIn']['kind'], string> = {
  token: 'the given token',
  'client-secret': 'an Entra ID app secret',
  oidc: 'GitHub OIDC federation'
}

/** A wait of this step: its id, its step, its results so far. */
export interface StepWait {
  /** The wait's own id: made by its first run, carried from run to run. */
  waitId: string
  step: Step
  results: TargetResult[]
}

export function buildStep(settings: Settings, runner: RunnerContext, now: number): StepWait {
  const { carried, handOff } = settings
  const wait = carried
    ? { startedAt: carried.startedAt, deadline: carried.deadline }
    : { startedAt: now, deadline: now + settings.timeoutMs }
  const reason = `waiting for ${settings.targetStatuses.join(' or ')}`
  const results = settings.targets.map((target, index) => {
    const result = carried?.results[index] ?? waitingResult(target, reason, wait.startedAt)
    result.label = target.label
    return result
  })
  const step: Step = {
    rules: {
      targetStatuses: settings.targetStatuses,
      failOnStatuses: settings.failOnStatuses,
      failOnStepStatuses: settings.failOnStepStatuses
    },
    failOnTimeout: settings.failOnTimeout,
    writeSummary: settings.writeSummary,
    requestTimeoutMs: settings.requestTimeoutMs,
    intervalMs: settings.intervalMs,
    maxIntervalMs: settings.maxIntervalMs,
    leastSpacingMs: settings.api.leastSpacingMs,
    startedAt: now,
    wait,
    ...(handOff && { handOffAt: now + handOff.afterMs }),
    holdMs: carried?.holdMs ?? 0,
    ...(settings.publish && { publish: settings.publish }),
    runNumber: runner.runNumber,
    runUrl: runner.runUrl,
    ...((handOff || carried) && {
      chain: {
        runs: [...(carried?.runs ?? []), { number: runner.runNumber, url: runner.runUrl }],
        runCount: (carried?.runCount ?? 0) + 1
      }
    }),
    ...(settings.checkName && { checkName: settings.checkName }),
    service: {
      title: settings.api.title,
      baseUrl: settings.baseUrl,
      signedIn: SIGNED_IN[settings.signIn.kind]
    }
  }
  return { waitId: carried?.waitId ?? newWaitId(), step, results }
}

/**
 * Moves the times a wait carried on took from the state (on the services' clock) onto
 * this run's clock, once the services say how far off it is.
 */
export function moveOntoThisClock(wait: StepWait, offsetMs: number): void {
  wait.step.wait.startedAt -= offsetMs
  wait.step.wait.deadline -= offsetMs
  for (const result of wait.results) shiftResult(result, -offsetMs)
}

// Sixteen hex digits: an id no other wait of the repository has (it is no secret).
function newWaitId(): string {
  const half = () =>
    Math.floor(Math.random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0')
  return half() + half()
}
