// npm run demo [-- cloud-partner-portal | fleet]: the built action (dist/index.js)
// against the simulator, shown as a runner would show it. By default a Product Ingestion
// API configure job publishing to preview; `cloud-partner-portal`, a Cloud Partner Portal
// publish from Running to Succeeded; `fleet`, four offers in one step that end
// differently.
import { join } from 'node:path'
import { loadScenario } from '../simulator/scenario.js'
import { startSimulator } from '../simulator/server.js'
import { ROOT, runAction } from './run-action.js'

const DEMOS: Record<string, { scenario: string; inputs: Record<string, string> }> = {
  'product-ingestion': {
    scenario: 'ingestion-preview',
    inputs: { 'job-id': 'c32dd7e8-8fd7-4f6b-a9c2-3c7a8f9e0b51', interval: '2s' }
  },
  'cloud-partner-portal': {
    scenario: 'publish',
    inputs: { 'publisher-id': 'contoso', 'offer-id': 'contoso-demo-vm', interval: '2s' }
  },
  fleet: {
    scenario: 'fleet',
    inputs: {
      'offer-id': 'contoso-vm-ubuntu, contoso-vm-rhel, contoso-vm-sles, contoso-vm-windows',
      'target-status': 'WaitingForPublisherReview',
      interval: '2s',
      timeout: '20s'
    }
  }
}
const ALIASES: Record<string, string> = {
  cpp: 'cloud-partner-portal',
  ingestion: 'product-ingestion'
}

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
const inputs = {
  token: 'demo-token-not-a-secret',
  'base-url': simulator.url,
  'max-interval': '4s',
  timeout: '2m',
  ...demo.inputs
}
process.stdout.write(rule(`node dist/index.js, polling the simulator at ${simulator.url}`))
process.stdout.write(
  Object.entries(inputs)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n') + '\n\n'
)
try {
  // The runner hides its `::add-mask::` commands from the log it shows; so does the
  // demo, line by line as they arrive.
  let partial = ''
  const show = (chunk: string): void => {
    const lines = (partial + chunk).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) if (!line.startsWith('::add-mask::')) console.log(line)
  }
  const run = await runAction({ inputs, onStdout: show })
  if (partial && !partial.startsWith('::add-mask::')) console.log(partial)
  process.stderr.write(run.stderr)
  process.stdout.write(rule(`exit code ${run.exitCode}; outputs (GITHUB_OUTPUT)`))
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}=${value}`)
  process.stdout.write(rule('job summary (GITHUB_STEP_SUMMARY, markdown)'))
  process.stdout.write(run.summary)
  process.exitCode = run.exitCode ?? 1
} finally {
  await simulator.close()
}
