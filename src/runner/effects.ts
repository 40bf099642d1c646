// What run() does to the world, given from outside: the runner's environment, the
// clock, sleep and chance, cancellation, and the toolkit's core. The runner gets the
// process's; a test gives its own, so that a six-hour wait runs in virtual time.
import { appendFileSync } from 'node:fs'
import type * as core from '@actions/core'
import { abortOnSignals, sleep, type Cancellation } from './signals.js'

/** The part of @actions/core the action writes to. */
export interface Toolkit {
  setSecret: typeof core.setSecret
  setOutput: typeof core.setOutput
  setFailed: typeof core.setFailed
  info: typeof core.info
  warning: typeof core.warning
  error: typeof core.error
  summary: { addRaw(markdown: string): { write(): Promise<unknown> } }
}

export interface Effects {
  env: NodeJS.ProcessEnv
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  random(): number
  /** Starts listening for the runner's cancellation; disposed at the end of the run. */
  cancellation(): Cancellation
  core: Toolkit
}

/**
 * The effects of the process the runner started. The job summary is appended to its
 * file as the toolkit's own `summary.write()` does, without loading the file promises
 * that cost a plain wait's start more than all the rest of its work.
 */
export function processEffects(toolkit: Toolkit): Effects {
  return {
    env: process.env,
    now: Date.now,
    sleep,
    random: Math.random,
    cancellation: abortOnSignals,
    core: {
      ...toolkit,
      summary: { addRaw: markdown => ({ write: async () => appendSummary(markdown) }) }
    }
  }
}

function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set')
  appendFileSync(file, markdown, { encoding: 'utf8' })
}
