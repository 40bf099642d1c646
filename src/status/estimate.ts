// A step's estimate, as the services write it (`~2-3 days`, `< 15 min`), as a span of
// time: a hint for the schedule, and for telling a stall from a slow step.
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 }
// `~2-3 days` and its kind are short; anything past this is not an estimate.
const ESTIMATE_CHARS = 40

export interface Span {
  from: number
  to: number
}

/**
 * The span an estimate such as `~2-3 days` allows, in ms from the step's start.
 * `< 1 hour` has no lower bound.
 */
export function estimateWindowMs(estimate: string): Span | undefined {
  // Server text: cut before any pattern sees it, so no input can make the match slow.
  const text = estimate.trim().slice(0, ESTIMATE_CHARS)
  const match =
    /^([<~]?)\s*(\d{1,6}(?:\.\d{1,3})?)(?:\s*-\s*(\d{1,6}(?:\.\d{1,3})?))?\s*(m|h|d)/i.exec(text)
  if (!match) return undefined
  const [, bound, low, high, unit] = match
  const unitMs = UNIT_MS[(unit as string).toLowerCase()] as number
  const from = bound === '<' ? 0 : Number(low) * unitMs
  return { from, to: Math.max(from, Number(high ?? low) * unitMs) }
}
