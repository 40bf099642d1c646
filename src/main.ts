import * as core from '@actions/core'
import { followTargets } from './follow.js'
import { GRACE_MS, openGitHubSide } from './github-side.js'
import { InputError } from './inputs/input-error.js'
import { runnerInputs } from './inputs/input-reader.js'
import type { CheckRun } from './report/check-run.js'
import { earlyStep, reportEarlyEnd } from './report/early-end.js'
import { runnerLog } from './report/log.js'
import {
  finishCheckRun,
  reportResult,
  type ReportStep,
  type ReportTo
} from './report/report-result.js'
import { readRunner } from './runner/context.js'
import { processEffects, type Effects } from './runner/effects.js'
import { readCarriedWait, readSettings, type Settings } from './settings.js'
import { secretsOfRun } from './sign-in/secrets.js'
import { connect, type Connection } from './sources/connect.js'
import { describeTargets } from './sources/index.js'
import { endResult, waitingResult, type TargetResult } from './status/result.js'
import { WaitClock } from './status/wait-clock.js'
import { buildStep, moveOntoThisClock } from './step.js'

/** inputs -> settings -> step -> sources -> wait -> hand-on -> outputs, summary, check run. */
export async function run(effects: Effects = processEffects(core)): Promise<void> {
  const { env, now } = effects
  const startedAt = now()
  const input = runnerInputs(env)
  // Masked before anything else can print them, even an error about another input.
  const secrets = secretsOfRun(input, env, effects.core.setSecret)
  const log = runnerLog(effects.core, secrets.redact)
  const summaryFile = !!env.GITHUB_STEP_SUMMARY
  const to: ReportTo = { core: effects.core, log, redact: secrets.redact, summaryFile }
  const runner = readRunner(env)
  const cancellation = effects.cancellation()
  let step: ReportStep = earlyStep(input, runner.runUrl, startedAt)
  let results: TargetResult[] = []
  let connection: Connection | undefined
  let checkRun: CheckRun | undefined
  try {
    let settings: Settings
    try {
      settings = readSettings(input, runner, await readCarriedWait(input, runner, startedAt))
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      return await reportEarlyEnd(describeTargets(input), error.message, step, to, now())
    }
    const wait = buildStep(settings, runner, startedAt)
    step = wait.step
    results = wait.results
    const clock = new WaitClock(now, offset => settings.carried && moveOntoThisClock(wait, offset))
    const side = await openGitHubSide(
      settings,
      wait,
      runner,
      effects,
      log,
      secrets.redact,
      cancellation.signal
    )
    checkRun = side.checkRun
    connection = connect(
      { ...settings, scope: settings.api.scope },
      secrets,
      { now, deadline: () => wait.step.wait.deadline, hear: date => clock.hear(date) },
      env
    )
    const { refused } = side
    const ended =
      refused === undefined
        ? await followTargets(
            settings,
            wait.step,
            results,
            connection,
            checkRun,
            log,
            effects,
            cancellation.signal
          )
        : { results: results.map(r => endResult(r, 'error', refused, now())), nextRequestAt: 0 }
    const handed = await side.handOn(ended, clock)
    wait.step.chain = handed.chain
    // Outputs and summary before any other GitHub call can hold them: the runner may
    // cancel the job meanwhile. The check run's id, an output too, follows once known.
    const reportedId = checkRun?.id
    await reportResult(ended.results, wait.step, to, reportedId)
    if (handed.lost || !checkRun) return
    const handedOn = handed.chain?.nextRunUrl !== undefined
    await finishCheckRun(
      checkRun,
      reportedId,
      { endBy: handed.endBy, handedOn },
      to,
      cancellation.signal
    )
  } catch (error) {
    // A defect, not bad input or a service answer: still leave every output, the last
    // status seen, a reason, and a completed check run.
    const reason = `unexpected error: ${error instanceof Error ? error.message : error}`
    const known =
      results.length > 0
        ? results
        : [waitingResult({ id: '', label: describeTargets(input) }, reason, startedAt)]
    const failed = known.map(result => endResult(result, 'error', reason, now()))
    await reportResult(failed, step, to, checkRun?.id)
    await checkRun?.complete(now() + GRACE_MS, false)
  } finally {
    connection?.close()
    cancellation.dispose()
  }
}
