// A line of the action's stdout as the runner's log shows it: workflow commands are
// read, not printed (masks and debug lines hidden, annotations as `Error: …` with their
// escapes undone), so that a demo reads like a real job's log.

const COMMAND = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/s
const LEVELS: Record<string, string> = { error: 'Error', warning: 'Warning', notice: 'Notice' }

// The toolkit escapes %, CR and LF in messages, and : and , besides in properties.
const unescape = (text: string): string =>
  text.replace(/%(25|0D|0A|3A|2C)/gi, (_, code: string) => String.fromCharCode(parseInt(code, 16)))

/** The line as the runner's log shows it, or undefined where the runner hides it. */
export function runnerLogLine(line: string): string | undefined {
  const command = COMMAND.exec(line)
  if (!command) return line
  const [, name = '', properties = '', message = ''] = command
  const level = LEVELS[name]
  if (level) {
    const title = /(?:^|,)title=([^,]*)/.exec(properties)?.[1]
    return `${level}${title ? ` (${unescape(title)})` : ''}: ${unescape(message)}`
  }
  if (name === 'group') return `▸ ${unescape(message)}`
  // add-mask, debug, endgroup, echo…: the runner acts on them and shows nothing.
  return undefined
}
