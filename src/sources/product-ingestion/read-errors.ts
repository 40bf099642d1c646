import type { StatusMessage } from '../../status/snapshot.js'
import { clip } from '../../text.js'
import { field, list, record, text } from '../json-fields.js'

const ERRORS_KEPT = 20
const PART_CHARS = 500
const DEPTH = 5

/**
 * The API's `errors[]` (`{code, message, resourceId?, details?: [same, nested]}`) as
 * messages of level error, each with its nested details in full: the outer code is often
 * generic (`internalServerError`) and only the details say what happened. A certification
 * failure is named as one.
 */
export function readErrors(value: unknown): StatusMessage[] {
  return list(value)
    .slice(0, ERRORS_KEPT)
    .map(error => {
      const parts = chain(record(error), 0)
      const about = text(field(record(error), 'resourceId'))
      const body = parts.join(' › ') || 'an error without a message'
      const named = parts.some(part => /certification/i.test(part))
        ? `Certification failed: ${body}`
        : body
      return {
        html: about ? `${named} (${clip(about, 200)})` : named,
        level: 'error',
        timestamp: ''
      }
    })
}

/** `code: message`, then each nested detail's, depth first. */
function chain(error: Record<string, unknown>, depth: number): string[] {
  const own = [text(field(error, 'code')), text(field(error, 'message'))]
    .filter(part => part.trim() !== '')
    .map(part => clip(part, PART_CHARS))
    .join(': ')
  const nested =
    depth < DEPTH
      ? list(field(error, 'details'))
          .slice(0, ERRORS_KEPT)
          .flatMap(detail => chain(record(detail), depth + 1))
      : []
  return own ? [own, ...nested] : nested
}
