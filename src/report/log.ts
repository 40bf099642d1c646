import type { Toolkit } from '../runner/effects.js'
import { clip } from '../text.js'

/** What the action writes to the runner's log. */
export interface Log {
  info(message: string): void
  warning(message: string, properties?: { title?: string }): void
  error(message: string, properties?: { title?: string }): void
  setFailed(message: string): void
}

const LINE_CHARS = 8_000

/**
 * The runner's log, where every message is one bounded line with every known secret cut
 * out: nothing a server sends can start a workflow command (`::add-mask::`, `::error::`)
 * or show a token, whichever path the text took.
 */
export function runnerLog(core: Toolkit, redact: (text: string) => string): Log {
  const line = (text: string): string => clip(redact(text), LINE_CHARS)
  const props = (properties?: { title?: string }) =>
    properties?.title === undefined ? properties : { ...properties, title: line(properties.title) }
  return {
    info: message => core.info(line(message)),
    warning: (message, properties) => core.warning(line(message), props(properties)),
    error: (message, properties) => core.error(line(message), props(properties)),
    setFailed: message => core.setFailed(line(message))
  }
}
