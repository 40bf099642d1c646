// Tolerant readers of server JSON: a missing, null or mistyped field becomes empty
// rather than an exception.

export function text(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return ''
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/** A field by name in any case: the services and their docs spell `jobId` and `jobID`. */
export function field(object: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(object, name)) return object[name]
  const wanted = name.toLowerCase()
  for (const key of Object.keys(object)) {
    if (key.toLowerCase() === wanted) return object[key]
  }
  return undefined
}

const KEPT_ITEMS = 20
const KEPT_DEPTH = 4
const KEPT_CHARS = 2_000

/**
 * A copy of a JSON value cut to a few levels, items and characters: what the action keeps
 * of JSON it does not read (links) stays small, and can be written out again however
 * deep the server nested it.
 */
export function bounded(value: unknown, depth = KEPT_DEPTH): unknown {
  if (typeof value === 'string') return value.slice(0, KEPT_CHARS)
  if (value === null || typeof value !== 'object') return value
  if (depth === 0) return '…'
  if (Array.isArray(value)) return value.slice(0, KEPT_ITEMS).map(item => bounded(item, depth - 1))
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, KEPT_ITEMS)
      .map(([key, item]) => [key.slice(0, 100), bounded(item, depth - 1)])
  )
}
