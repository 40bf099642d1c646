// A limit on one call's time. Built from a timer and a controller, never from
// AbortSignal.timeout inside AbortSignal.any: on Node 20 such a pair can be collected
// before it fires, and a call it bounds then runs on for ever.

export interface TimeLimit {
  /** Aborts after the time, or when the parent signal aborts. */
  signal: AbortSignal
  /** Ends the timer and the listener on the parent: call it once the call is over. */
  clear(): void
}

/** A signal that aborts after `ms` (at once when `ms` is not above 0) or with `parent`. */
export function timeLimit(ms: number, parent?: AbortSignal): TimeLimit {
  const controller = new AbortController()
  const onParent = (): void => controller.abort(parent?.reason)
  if (parent?.aborted) onParent()
  else parent?.addEventListener('abort', onParent, { once: true })
  const timer = controller.signal.aborted
    ? undefined
    : setTimeout(() => controller.abort(new TimeLimitPassed(ms)), Math.max(0, ms))
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer)
      parent?.removeEventListener('abort', onParent)
    }
  }
}

/** The reason a time limit aborts with. */
export class TimeLimitPassed extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${Math.round(ms / 100) / 10}s`)
    this.name = 'TimeLimitPassed'
  }
}

/** Settles with the call, or rejects with the signal's reason as soon as it aborts. */
export function withinLimit<T>(call: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    call.catch(() => undefined)
    return Promise.reject(signal.reason)
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    call.then(
      value => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      }
    )
  })
}
