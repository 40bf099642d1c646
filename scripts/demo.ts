// npm run demo: the built action (dist/index.js) against the simulator playing a
// publish from Running to Succeeded, shown as a runner would show it.
import { join } from 'node:path'
import { loadScenario } from '../simulator/scenario.js'
import { startSimulator } from '../simulator/server.js'
import { ROOT, runAction } from './run-action.js'

const rule = (title: string): string =>
  `\n\x1b[1m── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\x1b[0m\n`

const simulator = await startSimulator(
  await loadScenario(join(ROOT, 'simulator', 'scenarios', 'publish.json'))
)
const inputs = {
  'publisher-id': 'contoso',
  'offer-id': 'contoso-demo-vm',
  token: 'demo-token-not-a-secret',
  'base-url': simulator.url,
  interval: '2s',
  'max-interval': '4s',
  timeout: '2m'
}
process.stdout.write(rule(`node dist/index.js, polling the simulator at ${simulator.url}`))
process.stdout.write(
  Object.entries(inputs)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n') + '\n\n'
)
try {
  const run = await runAction({ inputs, onStdout: chunk => process.stdout.write(chunk) })
  process.stderr.write(run.stderr)
  process.stdout.write(rule(`exit code ${run.exitCode}; outputs (GITHUB_OUTPUT)`))
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}=${value}`)
  process.stdout.write(rule('job summary (GITHUB_STEP_SUMMARY, markdown)'))
  process.stdout.write(run.summary)
  process.exitCode = run.exitCode ?? 1
} finally {
  await simulator.close()
}
