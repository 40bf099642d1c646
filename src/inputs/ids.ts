import { InputError } from './input-error.js'
import type { InputReader } from './input-reader.js'
import { clip, hasControlChar } from '../text.js'

/**
 * The ids of a list input, comma or newline separated; [] when it is absent or empty.
 * `isKnownForm` lets through ids of a form the API defines (`product/<guid>`).
 */
export function readIdList(
  input: InputReader,
  name: string,
  isKnownForm: (id: string) => boolean = () => false
): string[] {
  const value = input(name) ?? ''
  if (hasControlChar(value.replace(/\r?\n/g, ','))) {
    throw new InputError(name, `contains a control character: ${shown(value)}`)
  }
  const ids = value
    .split(/[,\n]/)
    .map(id => id.trim())
    .filter(id => id !== '')
  for (const id of ids) if (!isKnownForm(id)) checkPlainId(name, id)
  if (ids.length > MOST_IDS) {
    throw new InputError(name, `lists ${ids.length} ids; one step waits for at most ${MOST_IDS}`)
  }
  // The APIs take ids in any case: `Contoso-VM` and `contoso-vm` are one offer.
  const folded = ids.map(id => id.toLowerCase())
  const twice = ids.find((_, i) => folded.indexOf(folded[i] as string) !== i)
  if (twice !== undefined) {
    throw new InputError(name, `lists ${shown(twice)} twice (ids are the same in any case)`)
  }
  return ids
}

// One step, one runner, one summary: beyond this, split the offers over several steps.
const MOST_IDS = 50

/** One id that is required. */
export function readId(input: InputReader, name: string): string {
  const value = input(name) ?? ''
  if (value.trim() === '') throw new InputError(name, 'is required and was empty')
  if (value !== value.trim()) throw new InputError(name, `has spaces at its ends: ${shown(value)}`)
  if (hasControlChar(value)) {
    throw new InputError(name, `contains a control character or line break: ${shown(value)}`)
  }
  checkPlainId(name, value)
  return value
}

// Ids become URL path segments: refuse what could step out of the path.
function checkPlainId(name: string, id: string): void {
  if (/[/\\]/.test(id) || id === '.' || id.includes('..')) {
    throw new InputError(name, `must be a plain id without '/', '\\' or '..': ${shown(id)}`)
  }
}

/** A GUID's text, 8-4-4-4-12 hex digits, as a pattern to build others on. */
export const GUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const GUID = new RegExp(`^${GUID_PATTERN}$`, 'i')

/** Whether the text is a GUID (app ids, product ids, job ids), in any case. */
export function isGuid(text: string): boolean {
  return GUID.test(text)
}

/** A list input's ids on one short line, for people, whatever it holds. */
export function listed(value: string | undefined): string {
  const line = (value ?? '')
    .split(/[,\n]/)
    .map(id => id.trim())
    .filter(Boolean)
    .join(', ')
  return clip(line, 120)
}

export function shown(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)
}
