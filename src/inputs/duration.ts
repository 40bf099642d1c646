const UNIT_MS: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000
}

const BARE_SECONDS = /^\d+(?:\.\d+)?$/
const WITH_UNITS = /^(?:\d+(?:\.\d+)?[smhd])+$/
const PART = /(\d+(?:\.\d+)?)([smhd])/g

/**
 * Parses `90s`, `15m`, `2h`, `1h30m`, `1d` or a bare number of seconds into
 * milliseconds; each unit once, largest first. Returns undefined for anything else.
 */
export function parseDuration(text: string): number | undefined {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '')
  if (BARE_SECONDS.test(compact)) return Math.round(Number(compact) * 1_000)
  if (!WITH_UNITS.test(compact)) return undefined
  let ms = 0
  // Each unit once, largest first: `1h1h` is a typo, not 2h.
  let previous = Infinity
  for (const [, amount, unit] of compact.matchAll(PART)) {
    const size = UNIT_MS[unit as string] as number
    if (size >= previous) return undefined
    previous = size
    ms += Number(amount) * size
  }
  return Math.round(ms)
}

/** `2h 5m`, `45s`, `0s`: whole seconds, the two largest units. */
export function formatDuration(ms: number): string {
  let seconds = Math.max(0, Math.round(ms / 1_000))
  const parts: string[] = []
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1]
  ] as const) {
    const count = Math.floor(seconds / size)
    seconds -= count * size
    if (count > 0) parts.push(`${count}${unit}`)
  }
  return parts.slice(0, 2).join(' ') || '0s'
}
