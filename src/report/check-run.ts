import { worstOf, type Outcome, type RunChain, type TargetResult } from '../status/result.js'
import type { Look } from '../status/source.js'
import { clip } from '../text.js'
import { chainMark, judgeCarried, type CarriedCheckRun } from './check-run-chain.js'
import { checkTitle, conclusionOf, overviewTitle } from './check-run-title.js'
import { GitHubCalls } from './github-calls.js'
import { GitHubCallError } from '../github/github-call.js'
import {
  checkTarget,
  connectChecks,
  type CheckRunFields,
  type CheckTarget,
  type ChecksApi
} from './github-checks.js'
import { CHECK_SUMMARY_BYTE_LIMIT, renderReport } from './summary.js'

/** Creates the check run (in the background) with the GitHub API of the runner's environment. */
export async function startCheckRun(
  options: Omit<CheckRunOptions, 'api' | 'target'>,
  githubToken: string,
  env: NodeJS.ProcessEnv
): Promise<CheckRun> {
  const target = checkTarget(env)
  const checkRun = new CheckRun({
    ...options,
    target,
    api: await connectChecks(githubToken, target)
  })
  checkRun.start()
  return checkRun
}

export interface CheckRunOptions {
  name: string
  /** Each offer's or job's result as the wait fills it in: read, never written. */
  results: readonly TargetResult[]
  /** The runs of a wait handed from run to run; at the end, where it went on. */
  chain?: RunChain
  /** The check run of the wait this run carries on: updated, never made again. */
  carried?: CarriedCheckRun
  targetStatuses: string[]
  failOnTimeout: boolean
  api: ChecksApi
  target: CheckTarget
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  warn(message: string): void
  /**
   * Epoch ms after which no retry pause may end (the wait's deadline and a request
   * timeout); without it, pauses of a few seconds only.
   */
  endBy?: number
}

// Fewer writes than polls: the checks API is rate limited and a person reads it.
const UPDATE_EVERY_MS = 60_000
// What the check run gets of a cancelled job's last seconds.
const CANCELLED_BUDGET_MS = 1_500

/**
 * Shows the wait as a check run on the commit: created in progress, updated when the
 * status changes (at most about once a minute), completed with the outcome. GitHub
 * calls run in order, beside the wait, and never decide the step.
 */
export class CheckRun {
  id: number | undefined
  private readonly calls: GitHubCalls
  private sentAt = Number.NEGATIVE_INFINITY
  private sentChanges = -1
  // No update is sent before this: GitHub rate-limited one, and the next carries it.
  private quietUntil = Number.NEGATIVE_INFINITY
  // Settles once the create call has ended, however it ended.
  private creating: Promise<void> = Promise.resolve()
  /** Set when the carried check run shows the wait went on without this run. */
  forked: string | undefined

  /** The commit the check run is on. */
  get headSha(): string {
    return this.options.carried?.headSha ?? this.options.target.headSha
  }

  constructor(private readonly options: CheckRunOptions) {
    this.calls = new GitHubCalls({ ...options, created: () => this.id !== undefined })
    this.calls.endBy = options.endBy
  }

  /**
   * Resolves once the check run exists (or cannot), or after `ms`: its id is an output,
   * but waiting for GitHub must never hold up the outputs for long.
   */
  async created(ms: number, signal?: AbortSignal): Promise<void> {
    // Ends the pause too once the check run exists: no timer outlives this call.
    const ended = new AbortController()
    const pause = this.options.sleep(
      ms,
      signal ? AbortSignal.any([signal, ended.signal]) : ended.signal
    )
    await Promise.race([this.creating, pause])
    ended.abort()
  }

  start(): void {
    const { carried } = this.options
    if (carried) {
      this.calls.enqueue(async () => {
        const found = await this.calls.call(signal => this.options.api.get(carried.id, signal))
        const verdict = judgeCarried(found, carried)
        if (verdict.kind === 'ours') this.id = carried.id
        else if (verdict.kind === 'fork') this.forked = verdict.problem
        else this.options.warn(verdict.problem)
      })
      this.creating = this.calls.queue
      return
    }
    const fields: CheckRunFields = {
      ...this.fields(),
      started_at: new Date(this.options.now()).toISOString(),
      details_url: this.options.target.runUrl
    }
    this.calls.enqueue(async () => {
      this.id = await this.calls.call(signal =>
        this.options.api.create(this.options.name, fields, signal)
      )
    })
    this.creating = this.calls.queue
  }

  /**
   * Sees every look once its result has it; sends an update when something changed and
   * a minute has passed.
   */
  readonly seen = (look: Look, at: number): void => {
    if (look.kind === 'ok') this.update(at)
  }

  private update(at: number): void {
    const total = this.options.results.reduce((sum, result) => sum + result.changeCount, 0)
    if (total === this.sentChanges || at - this.sentAt < UPDATE_EVERY_MS) return
    if (at < this.quietUntil) return
    this.sentAt = at
    this.sentChanges = total
    const fields = this.fields()
    this.calls.enqueue(async () => {
      if (this.id === undefined) return
      const id = this.id
      try {
        await this.calls.call(signal => this.options.api.update(id, fields, signal), 'update')
      } catch (error) {
        // A rate limit on an update in passing: a later update says all of it.
        if (!(error instanceof GitHubCallError && error.rateLimited)) throw error
        this.quietUntil = this.options.now() + (error.retryAfterMs ?? UPDATE_EVERY_MS)
        this.sentChanges = -1
      }
    })
  }

  /**
   * Completes the check run with the outcome, once every result has ended; resolves when
   * GitHub has it, gave up, or `budgetMs` (the time left to the run) has passed: then
   * every call under way stops.
   */
  async complete(budgetMs?: number, cancelled?: AbortSignal, chain?: RunChain): Promise<void> {
    if (chain) this.options.chain = chain
    const { results } = this.options
    if (budgetMs !== undefined) this.calls.endBy = this.options.now() + Math.max(0, budgetMs)
    const worst = worstOf(results.map(result => result.outcome as Outcome))
    const quick = worst === 'cancelled' || cancelled?.aborted === true
    // Handed on, the wait goes on: the check run stays in progress, marked with how far.
    const handedOn = chain?.nextRunUrl !== undefined
    const fields: CheckRunFields = handedOn
      ? { ...this.fields(), ...chainMark(chain.runCount) }
      : {
          ...this.fields(),
          status: 'completed',
          conclusion: conclusionOf(worst, this.options.failOnTimeout),
          completed_at: new Date(Math.max(...results.map(r => r.endedAt))).toISOString()
        }
    this.calls.enqueue(async () => {
      if (this.id !== undefined) {
        const id = this.id
        await this.calls.call(
          signal => this.options.api.update(id, fields, signal),
          quick ? 'quick' : 'retry'
        )
      }
    })
    if (budgetMs === undefined) return this.calls.queue
    let timer: NodeJS.Timeout | undefined
    let shortened: (() => void) | undefined
    const outOfTime = new Promise<'out of time'>(resolve => {
      const end = (ms: number): void => {
        clearTimeout(timer)
        timer = setTimeout(() => resolve('out of time'), Math.max(0, ms))
      }
      // A cancelled job is killed within seconds: then the check run gets a moment only.
      shortened = () => end(Math.min(budgetMs, CANCELLED_BUDGET_MS))
      if (cancelled?.aborted) shortened()
      else {
        end(budgetMs)
        cancelled?.addEventListener('abort', shortened, { once: true })
      }
    })
    const race = await Promise.race([this.calls.queue.then(() => 'done' as const), outOfTime])
    clearTimeout(timer)
    if (shortened) cancelled?.removeEventListener('abort', shortened)
    if (race === 'out of time') this.calls.stop()
  }

  private fields(): CheckRunFields {
    const { results } = this.options
    const [only] = results
    return {
      status: 'in_progress',
      output: {
        title: clip(results.length === 1 && only ? checkTitle(only) : overviewTitle(results), 200),
        summary: renderReport(
          results.map(result => ({
            result,
            targetStatuses: this.options.targetStatuses,
            runUrl: this.options.target.runUrl,
            ...(this.options.chain && { chain: this.options.chain })
          })),
          CHECK_SUMMARY_BYTE_LIMIT
        )
      }
    }
  }
}
