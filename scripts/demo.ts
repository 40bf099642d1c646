// npm run demo [-- cloud-partner-portal | partner-center | fleet | hand-off | go-live]:
// the built action (dist/index.js) against the simulator, shown as a runner would show
// it. By default a Product Ingestion API configure job publishing to preview;
// `cloud-partner-portal`, a Cloud Partner Portal publish from Running to Succeeded;
// `partner-center`, a Business Central app from draft to the store; `fleet`, four offers
// in one step that end differently; `hand-off`, a wait that run 1 hands to run 2, which
// sees it end; `go-live`, a ready preview pushed live by `publish: live`.
import { join } from 'node:path'
import { loadScenario } from '../simulator/scenario.js'
import { startSimulator } from '../simulator/server.js'
import { ALIASES, demoInputs, DEMOS, dispatchedRun } from './demos.js'
import { ROOT, runAction, type ActionRun } from './run-action.js'
import { runnerLogLine } from './runner-log.js'

const asked = process.argv[2] ?? 'product-ingestion'
const demo = DEMOS[ALIASES[asked] ?? asked]
if (!demo) {
  console.error(`No demo ${JSON.stringify(asked)}: use ${Object.keys(DEMOS).join(' or ')}`)
  process.exit(1)
}

const bold = (text: string): string => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text)
const rule = (title: string): string =>
  `\n${bold(`── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`)}\n`

const simulator = await startSimulator(
  await loadScenario(join(ROOT, 'simulator', 'scenarios', `${demo.scenario}.json`))
)
const inputs = demoInputs(demo, simulator.url)
process.stdout.write(rule(`node dist/index.js, polling the simulator at ${simulator.url}`))
process.stdout.write(
  Object.entries(inputs)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n') + '\n\n'
)
/** One run of the action, its log shown line by line as the runner shows it. */
async function showRun(env: Record<string, string> = {}, event?: object): Promise<ActionRun> {
  // Line by line as they arrive, workflow commands shown as the runner's log shows them.
  let partial = ''
  const show = (line: string): void => {
    const shown = runnerLogLine(line)
    if (shown !== undefined) console.log(shown)
  }
  const showChunk = (chunk: string): void => {
    const lines = (partial + chunk).split('\n')
    partial = lines.pop() ?? ''
    lines.forEach(show)
  }
  const run = await runAction({
    inputs,
    env: { GITHUB_API_URL: simulator.url, ...env },
    ...(event && { event }),
    onStdout: showChunk
  })
  if (partial) show(partial)
  process.stderr.write(run.stderr)
  process.stdout.write(rule(`exit code ${run.exitCode}; outputs (GITHUB_OUTPUT)`))
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}=${value}`)
  process.stdout.write(rule('job summary (GITHUB_STEP_SUMMARY, markdown)'))
  process.stdout.write(run.summary)
  return run
}

try {
  let run = await showRun()
  const next = dispatchedRun(run, simulator)
  if (next) {
    process.stdout.write(
      rule(`run 2: the workflow_dispatch run that ${run.outputs['next-run-url']} starts`)
    )
    run = await showRun(next.env, next.event)
  }
  process.exitCode = run.exitCode ?? 1
  if (demo.ending) process.stdout.write(rule(`exit code ${process.exitCode}`) + demo.ending + '\n')
} finally {
  await simulator.close()
}
