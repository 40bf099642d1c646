import { InputError } from './input-error.js'

/** `true`, `yes`, `on` or their opposites, in any case. */
export function readBoolean(name: string, value: string): boolean {
  if (/^(true|yes|on)$/i.test(value)) return true
  if (/^(false|no|off)$/i.test(value)) return false
  throw new InputError(name, `must be true or false: ${JSON.stringify(value)}`)
}
