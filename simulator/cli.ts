// npm run simulator -- <scenario name or file> [--port N]
import { existsSync, readdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadScenario } from './scenario.js'
import { runnerInputs } from '../scripts/run-action.js'
import { actionCommand, simulatorEnv, simulatorInputs } from './command.js'
import { REPLAY_PATH, startSimulator } from './server.js'

const scenariosDir = join(dirname(fileURLToPath(import.meta.url)), 'scenarios')

function resolveScenario(arg: string): string {
  if (existsSync(arg)) return arg
  const named = join(scenariosDir, `${basename(arg, '.json')}.json`)
  if (existsSync(named)) return named
  const known = readdirSync(scenariosDir).map(f => basename(f, '.json'))
  throw new Error(`No scenario ${JSON.stringify(arg)}: give a file or one of ${known.join(', ')}`)
}

async function main(args: string[]): Promise<void> {
  const portAt = args.indexOf('--port')
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 0
  if (portAt >= 0 && !Number.isInteger(port)) throw new Error('--port needs a number')
  const name =
    args.find((arg, i) => !arg.startsWith('--') && (portAt < 0 || i !== portAt + 1)) ??
    'ingestion-preview'
  const file = resolveScenario(name)
  const scenario = await loadScenario(file)
  const simulator = await startSimulator(scenario, { port })
  console.log(`${simulator.api.title} simulator playing ${basename(file)} at ${simulator.url}`)
  if (scenario.description) console.log(scenario.description)
  const inputs = simulatorInputs(scenario, simulator)
  console.log('\nThe inputs that point the action at it:')
  for (const [name, value] of Object.entries(inputs)) console.log(`  ${name}: ${value}`)
  console.log(
    "\nRun the built action on them as the runner would (action.yml's defaults too), in another terminal:\n"
  )
  console.log(actionCommand(await runnerInputs(inputs), simulatorEnv(simulator)))
  console.log('\nPlay the timeline again from its start:')
  console.log(`  curl -X POST ${simulator.url}${REPLAY_PATH}`)
  console.log('\nStop with Ctrl+C.')
  const stop = (): void => void simulator.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main(process.argv.slice(2)).catch(error => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
