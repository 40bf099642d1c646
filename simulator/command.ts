// The command that runs the built action on what the simulator plays, as `npm run
// simulator` prints it: every input the scenario needs, and the runner's output and
// summary files, shown once the action has ended.
import { inputVariable, RUNNER_ENV } from '../scripts/run-action.js'
import type { Scenario } from './scenario.js'
import type { Simulator } from './server.js'

/** The inputs that point the action at the simulator, for this scenario. */
export function simulatorInputs(scenario: Scenario, simulator: Simulator): Record<string, string> {
  return {
    'base-url': simulator.url + simulator.api.root,
    ...simulator.api.targetInputs,
    token: scenario.token ?? 'any-token-will-do',
    // Short pauses: a simulator need not be spared.
    interval: '2s',
    'max-interval': '4s',
    ...scenario.inputs
  }
}

/** The environment of a runner beside the inputs: GitHub's API is the simulator's too. */
export function simulatorEnv(simulator: Simulator): Record<string, string> {
  return { ...RUNNER_ENV, GITHUB_API_URL: simulator.url }
}

const SHOW_OUTPUTS =
  'index($0, "<<") { name = substr($0, 1, index($0, "<<") - 1); end = substr($0, index($0, "<<") + 2); value = ""; n = 0; next } ' +
  '$0 == end { print name "=" value; end = ""; next } ' +
  'end != "" { value = value (n++ ? "\\n" : "") $0 }'

const quoted = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`

/**
 * A shell command that runs `entry` as the runner would, with the runner's files in a
 * fresh directory, then prints the outputs and the job summary.
 */
export function actionCommand(
  inputs: Record<string, string>,
  env: Record<string, string>,
  entry = 'dist/index.js'
): string {
  const assignments = [
    ...Object.entries(env).map(([name, value]) => `${name}=${value}`),
    ...Object.entries(inputs).map(([name, value]) => `${inputVariable(name)}=${value}`)
  ]
  return [
    'dir=$(mktemp -d) && touch "$dir/output" "$dir/summary" && echo "{}" > "$dir/event.json" &&',
    `env GITHUB_OUTPUT="$dir/output" GITHUB_STEP_SUMMARY="$dir/summary" GITHUB_EVENT_PATH="$dir/event.json" \\\n  ${assignments.map(quoted).join(' \\\n  ')} \\\n  node ${quoted(entry)};`,
    // The outputs as name=value: the file holds each in a heredoc of its own.
    `status=$?; printf '\\n--- outputs ---\\n'; awk ${quoted(SHOW_OUTPUTS)} "$dir/output"`,
    `printf '\\n--- job summary ---\\n'; cat "$dir/summary"; exit $status`
  ].join('\n')
}
