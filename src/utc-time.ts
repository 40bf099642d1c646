// Times as the reports write them, always in UTC.

const two = (n: number): string => String(n).padStart(2, '0')

/**
 * `2026-12-05T03:04:24.000Z`, as `Date#toISOString` writes it. Built from the UTC
 * fields because the first `toISOString` of a process looks up the machine's time zone
 * (files read, ICU loaded): about a millisecond of every start, for a zone never used.
 */
export function isoTime(ms: number): string {
  const date = new Date(ms)
  const year = date.getUTCFullYear()
  // Outside four digits (and an invalid time, which throws) toISOString knows best.
  if (!(year >= 0 && year <= 9999)) return date.toISOString()
  return (
    `${String(year).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}` +
    `T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}` +
    `.${String(date.getUTCMilliseconds()).padStart(3, '0')}Z`
  )
}

/** `2026-12-05 03:04:24`: a time as a person reads it in the summary and the log. */
export function utcTime(ms: number): string {
  return isoTime(ms).replace('T', ' ').slice(0, 19)
}
