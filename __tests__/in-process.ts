// run() in this process, the way the runner would start it, in virtual time: every
// INPUT_* (action.yml's defaults under the given inputs), the runner's environment and
// event file, a toolkit that records what @actions/core would have written, and a clock
// shared with the simulator that moves only while no request is under way. What a
// child process would show (stdout, outputs, summary, exit code) comes back the same.
import { afterEach, beforeEach } from '@jest/globals'
import { setMaxListeners } from 'node:events'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../src/main.js'
import type { Toolkit } from '../src/runner/effects.js'
import { sleep } from '../src/runner/signals.js'
import type { Scenario } from '../simulator/scenario.js'
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator/server.js'
import {
  inputVariable,
  recordRun,
  RUNNER_ENV,
  runnerInputs,
  type ActionOptions,
  type ActionRun
} from '../scripts/run-action.js'
import { expectNoLeaks } from './leak-check.js'

const UNHEEDED_ANSWER_MS = 250

/**
 * A clock that moves only when every sleeper waits and no request is under way at the
 * simulator: then it jumps to the earliest wake-up. Hours pass in milliseconds.
 */
export class VirtualClock {
  private at: number
  private readonly sleepers: { at: number; wake(): void }[] = []
  private inFlight = 0
  // Answers the action has not yet acted on (by sleeping or asking again), and when the
  // last came: time waits for them a little, as a busy machine may take a moment.
  private unheeded = 0
  private answeredAt = 0
  private pumping = false

  constructor(start = Date.now()) {
    this.at = start
  }

  readonly now = (): number => this.at

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise(resolve => {
      this.heeded()
      if (signal?.aborted) return resolve()
      const sleeper = {
        at: this.at + Math.max(0, ms),
        wake: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        }
      }
      const onAbort = (): void => {
        this.sleepers.splice(this.sleepers.indexOf(sleeper), 1)
        sleeper.wake()
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.sleepers.push(sleeper)
      this.pump()
    })

  /** Follows the simulator's requests: time stands still while one is answered. */
  watch(simulator: Simulator): void {
    simulator.onRequest = finished => {
      this.inFlight += finished ? -1 : 1
      if (!finished) return this.heeded()
      this.unheeded++
      this.answeredAt = Date.now()
      this.pump()
    }
  }

  private heeded(): void {
    this.unheeded = Math.max(0, this.unheeded - 1)
  }

  private pump(): void {
    if (this.pumping) return
    this.pumping = true
    // A moment of real time first: whatever answer is on its way arrives before time moves.
    setTimeout(() => {
      this.pumping = false
      // An answer not yet acted on may be one that ends a wait: then nothing comes.
      if (this.unheeded > 0 && Date.now() - this.answeredAt < UNHEEDED_ANSWER_MS) return this.pump()
      if (this.inFlight > 0 || this.sleepers.length === 0) return
      this.sleepers.sort((a, b) => a.at - b.at)
      const next = this.sleepers.shift() as (typeof this.sleepers)[number]
      this.at = Math.max(this.at, next.at)
      next.wake()
      if (this.sleepers.length > 0) this.pump()
    }, 2)
  }
}

/**
 * One test's virtual time: the simulators it serves keep its clock and stop it while
 * they answer; the runs it makes run on it.
 */
export class VirtualTime {
  readonly clock = new VirtualClock()
  private readonly served: Simulator[] = []

  async serve(scenario: Scenario, options: SimulatorOptions = {}): Promise<Simulator> {
    const simulator = await startSimulator(scenario, { now: this.clock.now, ...options })
    this.clock.watch(simulator)
    this.served.push(simulator)
    return simulator
  }

  /** The leak check over the runs and every simulator served, then each closed. */
  async end(): Promise<void> {
    expectNoLeaks(...this.served)
    await Promise.all(this.served.map(simulator => simulator.close()))
  }

  /** A run on this time, its own clock `clockOffsetMs` off (as a runner's may be). */
  run(
    options: ActionOptions &
      Pick<InProcessOptions, 'cancelAfter' | 'cancelWhen'> & { clockOffsetMs?: number }
  ): Promise<ActionRun> {
    const { clockOffsetMs = 0, ...given } = options
    const { now, sleep } = this.clock
    return runInProcess({ ...given, clock: { now: () => now() + clockOffsetMs, sleep } })
  }

  /** Time passed since this call, virtual and real (a request that hangs takes real time). */
  stopwatch(): () => number {
    const [virtual, real] = [this.clock.now(), Date.now()]
    return () => this.clock.now() - virtual + Date.now() - real
  }
}

/** A fresh virtual time for each test of a file, given to `use`; ended after the test. */
export function virtualTimeForEachTest(use: (time: VirtualTime) => void): void {
  let time: VirtualTime
  beforeEach(() => {
    time = new VirtualTime()
    use(time)
  })
  afterEach(() => time.end())
}

/** The real clock, for a run whose requests must overlap in time. */
export const REAL_TIME = { now: Date.now, sleep }

export interface InProcessOptions extends ActionOptions {
  clock: Pick<VirtualClock, 'now' | 'sleep'>
  /** Cancels the run (as SIGTERM would) once stdout shows `after`. */
  cancelAfter?: string
  /** Cancels the run (as SIGTERM would) once this holds, looked at every few milliseconds. */
  cancelWhen?: () => boolean
}

/** Runs run() once, to its end. */
export async function runInProcess(options: InProcessOptions): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'in-process-'))
  const eventPath = join(dir, 'event.json')
  await writeFile(eventPath, JSON.stringify(options.event ?? {}))
  const evaluated = await runnerInputs(options.inputs)
  const env: Record<string, string> = {
    ...RUNNER_ENV,
    GITHUB_WORKSPACE: dir,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    ...options.env
  }
  for (const [name, value] of Object.entries(evaluated)) env[inputVariable(name)] = value
  const cancelled = new AbortController()
  // Every wait sleeps on it, as on the runner's cancellation: no leak.
  setMaxListeners(200, cancelled.signal)
  const recorded = { stdout: '', outputs: {} as Record<string, string>, summary: '', failed: false }
  const write = (line: string): void => {
    recorded.stdout += `${line}\n`
    options.onStdout?.(`${line}\n`)
    if (options.cancelAfter && line.includes(options.cancelAfter) && !cancelled.signal.aborted) {
      cancelled.abort(new Error('received SIGTERM'))
    }
  }
  const toolkit: Toolkit = {
    setSecret: secret => write(`::add-mask::${escapeData(secret)}`),
    setOutput: (name, value) => {
      if (options.brokenOutputs)
        throw new Error(`EISDIR: illegal operation on a directory, open '${env.GITHUB_OUTPUT}'`)
      recorded.outputs[name] = String(value)
    },
    setFailed: message => {
      recorded.failed = true
      write(command('error', {}, String(message)))
    },
    info: message => write(message),
    warning: (message, properties) => write(command('warning', properties, String(message))),
    error: (message, properties) => write(command('error', properties, String(message))),
    summary: {
      addRaw: markdown => ({
        write: async () => {
          recorded.summary += markdown
        }
      })
    }
  }
  const watcher =
    options.cancelWhen &&
    setInterval(() => {
      if (options.cancelWhen?.()) cancelled.abort(new Error('received SIGTERM'))
    }, 5)
  await run({
    env,
    now: options.clock.now,
    sleep: options.clock.sleep,
    random: () => 0.5,
    cancellation: () => ({ signal: cancelled.signal, dispose: () => undefined }),
    core: toolkit
  }).finally(() => clearInterval(watcher))
  await rm(dir, { recursive: true, force: true })
  const finished: ActionRun = {
    inputs: evaluated,
    exitCode: recorded.failed ? 1 : 0,
    stdout: recorded.stdout,
    stderr: '',
    outputs: recorded.outputs,
    summary: recorded.summary
  }
  recordRun(finished)
  return finished
}

// As @actions/core writes a workflow command.
function command(name: string, properties: { title?: string } = {}, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',')
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
