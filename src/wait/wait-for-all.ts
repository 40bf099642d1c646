import type { EndedResult, TargetResult } from '../status/result.js'
import type { StatusSource } from '../status/source.js'
import type { PublishDeps } from './publish-turn.js'
import { SharedLimits } from './shared-limits.js'
import { waitForStatus, type WaitDeps, type WaitOptions } from './wait-for-status.js'

/** One of several waits: what it waits for, how it looks and publishes, and who hears of it. */
export interface WaitEntry extends Pick<WaitDeps, 'onLook' | 'onNextAction'> {
  noun: string
  result: TargetResult
  source: StatusSource
  onPublish?: PublishDeps['onPublish']
}

export interface AllOptions extends Omit<WaitOptions, 'noun' | 'result' | 'startDelayMs'> {
  /** Before the first request: what an earlier run of the wait left of a hold. */
  holdMs: number
  /** The least time between two requests the API asks for. */
  leastSpacingMs: number
  /** The workflow run (its number): each request and phase remembers the run that saw it. */
  run: number
}

/** How the waits ended, and the earliest a next request may go (a later run honours it). */
export interface AllEnded {
  results: EndedResult[]
  nextRequestAt: number
}

// A few requests in flight at most, however many waits: the API's limits are shared.
const MOST_IN_FLIGHT = 4

/**
 * Every wait at once, under one deadline and one cancellation, each on its own schedule
 * and ending on its own; their first looks spread over the first interval (after any
 * hold), their requests within limits they share (one pause after any Retry-After, a
 * few in flight).
 */
export async function waitForAll(
  entries: WaitEntry[],
  options: AllOptions,
  deps: Omit<WaitDeps, 'look' | 'onLook'>
): Promise<AllEnded> {
  const limits = new SharedLimits(MOST_IN_FLIGHT, deps.now)
  const results = await Promise.all(
    entries.map((entry, index) =>
      // Decided in an earlier run of a wait handed on: not looked at again.
      entry.result.outcome !== 'waiting'
        ? (entry.result as EndedResult)
        : waitForStatus(
            {
              ...options,
              noun: entry.noun,
              result: entry.result,
              startDelayMs:
                options.holdMs + Math.floor((index * options.intervalMs) / entries.length)
            },
            {
              ...deps,
              look: signal => limits.look(() => entry.source.look(signal)),
              ...(entry.onLook && { onLook: entry.onLook }),
              ...(entry.onNextAction && { onNextAction: entry.onNextAction }),
              ...(entry.source.publish && {
                publishing: {
                  send: entry.source.publish.bind(entry.source),
                  now: deps.now,
                  run: options.run,
                  ...(entry.onPublish && { onPublish: entry.onPublish })
                }
              })
            }
          )
    )
  )
  const { signal } = options
  for (const result of results) {
    if (result.outcome === 'cancelled' && signal?.reason instanceof Error) {
      result.reason = `the wait was cancelled (${signal.reason.message})`
    }
  }
  return { results, nextRequestAt: limits.nextRequestAt(options.leastSpacingMs) }
}
