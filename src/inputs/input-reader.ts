/**
 * An input as the runner passed it: undefined when the workflow gave none and action.yml
 * has no default, '' when the workflow gave it empty (which then means empty).
 */
export type InputReader = (name: string) => string | undefined

/** The runner passes inputs as INPUT_<NAME> variables. */
export function runnerInputs(env: NodeJS.ProcessEnv): InputReader {
  return name => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]
}
