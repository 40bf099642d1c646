// The GitHub side of a step: its calls made with `github-token` and bounded by the
// step's time, the claim of a carried-on wait, the check run, and the hand-on to the
// next run. A step without a check run or a hand-off makes no GitHub call, and loads
// none of it.
import type { CallOptions } from './github/client.js'
import type { Claim } from './hand-off/claim.js'
import type { HandedOn } from './hand-off/hand-on.js'
import type { CheckRun } from './report/check-run.js'
import type { Log } from './report/log.js'
import type { RunnerContext } from './runner/context.js'
import type { Effects } from './runner/effects.js'
import { CANCELLED_GRACE_MS } from './runner/signals.js'
import type { Settings } from './settings.js'
import type { EndedResult } from './status/result.js'
import type { WaitClock } from './status/wait-clock.js'
import type { StepWait } from './step.js'
import type { AllEnded } from './wait/wait-for-all.js'

// Past the wait, GitHub gets one request timeout and this much more: a decided wait
// never holds a runner.
export const GRACE_MS = 2_500

export interface GitHubSide {
  checkRun?: CheckRun
  /** Why this run cannot carry the wait on, when its claim was refused. */
  refused?: string
  /** After the wait: the claim checked, the next run dispatched; by when GitHub must be done. */
  handOn(ended: AllEnded, clock: WaitClock): Promise<HandedOn & { endBy: number }>
}

export async function openGitHubSide(
  settings: Settings,
  wait: StepWait,
  runner: RunnerContext,
  effects: Effects,
  log: Log,
  redact: (text: string) => string,
  signal: AbortSignal
): Promise<GitHubSide> {
  const { now } = effects
  const { step } = wait
  const { requestTimeoutMs, checkName, carried, githubToken } = settings
  if (!githubToken) {
    return { handOn: async () => ({ ...(step.chain && { chain: step.chain }), endBy: now() }) }
  }
  const [{ GitHub }, { Checks }, { claimMark, claimWait }, { handOn }, { CheckRun }] =
    await Promise.all([
      import('./github/client.js'),
      import('./github/checks.js'),
      import('./hand-off/claim.js'),
      import('./hand-off/hand-on.js'),
      import('./report/check-run.js')
    ])
  const github = new GitHub({
    token: githubToken,
    apiUrl: runner.apiUrl,
    requestTimeoutMs,
    now,
    sleep: effects.sleep
  })
  const checks = new Checks(github, runner.repository)
  const duringWait = (): CallOptions => ({ endBy: step.wait.deadline + requestTimeoutMs, signal })
  const held = carried?.checkRun
  const claimed =
    held && checkName
      ? await claimWait({ ...carried, checkRun: held }, checkName, checks, runner, duringWait())
      : undefined
  const claim = claimed && 'checkRunId' in claimed ? (claimed as Claim) : undefined
  const refused = claimed && 'refused' in claimed ? claimed.refused : undefined
  const checkRun =
    checkName && !refused
      ? new CheckRun({
          checks,
          step,
          results: wait.results,
          headSha: claim?.headSha ?? runner.headSha,
          ...(claim
            ? { id: claim.checkRunId }
            : { externalId: claimMark(wait.waitId, step.chain?.runCount ?? 1, runner.runKey) }),
          handedOnId: claimMark(wait.waitId, step.chain?.runCount ?? 1, 'next'),
          now,
          redact,
          warn: message => log.warning(message),
          endBy: () => duringWait().endBy
        })
      : undefined
  return {
    ...(checkRun && { checkRun }),
    ...(refused !== undefined && { refused }),
    handOn: async (ended, clock) => {
      const decided = ended.results.every(result => result.outcome !== 'handed-off')
      // A cancelled job is killed within seconds; a decided wait holds the runner no longer.
      const endBy = signal.aborted
        ? now() + CANCELLED_GRACE_MS
        : (decided
            ? now() + requestTimeoutMs
            : Math.min(now() + 3 * requestTimeoutMs, step.wait.deadline + requestTimeoutMs)) +
          GRACE_MS
      const checkRunId = claim?.checkRunId ?? checkRun?.id
      const handed = await handOn(ended.results as EndedResult[], {
        ...(settings.handOff && { handOff: settings.handOff }),
        wait: {
          waitId: wait.waitId,
          api: settings.api.name,
          inputs: settings.apiInputs,
          ...step.wait
        },
        ...(step.chain && { chain: step.chain }),
        ...(checkRunId !== undefined && {
          checkRun: { id: checkRunId, headSha: claim?.headSha ?? runner.headSha }
        }),
        ...(claim && { claim }),
        github,
        runner,
        now: now(),
        servicesOffsetMs: clock.toServices(0),
        holdMs: Math.max(0, ended.nextRequestAt - now()),
        redact,
        call: { endBy, signal }
      })
      if (handed.lost) checkRun?.drop()
      return { ...handed, endBy }
    }
  }
}
