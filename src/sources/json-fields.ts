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
  if (name in object) return object[name]
  const wanted = name.toLowerCase()
  for (const key of Object.keys(object)) {
    if (key.toLowerCase() === wanted) return object[key]
  }
  return undefined
}
