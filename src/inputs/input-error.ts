/** Bad action input: the message names the input(s) and fits on one line. */
export class InputError extends Error {
  readonly inputs: string[]

  constructor(inputs: string | string[], problem: string) {
    const names = [inputs].flat()
    super(`${names.length === 1 ? 'Input' : 'Inputs'} ${quoteNames(names)} ${problem}`)
    this.name = 'InputError'
    this.inputs = names
  }
}

/** 'a', 'a' and 'b', 'a', 'b' and 'c'. */
export function quoteNames(names: string[]): string {
  const quoted = names.map(name => `'${name}'`)
  return quoted.length > 1
    ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`
    : (quoted[0] ?? '')
}
