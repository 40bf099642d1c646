import { setMaxListeners } from 'node:events'

const SIGNALS = ['SIGINT', 'SIGTERM'] as const
// The runner kills the process a few seconds after its first signal: leave before that.
const FORCED_EXIT_MS = 5_000
/** What GitHub calls get of a cancelled job's last seconds, before the runner kills it. */
export const CANCELLED_GRACE_MS = 1_500
// Several per wait, for at most 50 waits.
const MOST_LISTENERS = 200

/** Cancellation of the step: aborts on the runner's signal. */
export interface Cancellation {
  signal: AbortSignal
  dispose(): void
}

/**
 * Turns SIGINT/SIGTERM into an abort of the wait, so that outputs and the summary are
 * still written; exits regardless if that has not finished within a few seconds.
 */
export function abortOnSignals(): Cancellation {
  const controller = new AbortController()
  // Every wait sleeps on it: up to 50 listen at once, which is no leak.
  setMaxListeners(MOST_LISTENERS, controller.signal)
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) return
    controller.abort(new Error(`received ${name}`))
    setTimeout(() => process.exit(1), FORCED_EXIT_MS).unref()
  }
  for (const name of SIGNALS) process.on(name, onSignal)
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of SIGNALS) process.off(name, onSignal)
    }
  }
}

/** A sleep that ends early when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal?.aborted) return resolve()
    const done = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
