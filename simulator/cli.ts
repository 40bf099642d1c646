// npm run simulator -- <scenario name or file> [--port N]
import { existsSync, readdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadScenario } from './scenario.js'
import { startSimulator } from './server.js'

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
  const name =
    args.find((arg, i) => !arg.startsWith('--') && i !== portAt + 1) ?? 'ingestion-preview'
  const file = resolveScenario(name)
  const scenario = await loadScenario(file)
  const simulator = await startSimulator(scenario, { port })
  const api =
    scenario.api === 'product-ingestion' ? 'Product Ingestion API' : 'Cloud Partner Portal'
  console.log(`${api} simulator playing ${basename(file)} at ${simulator.url}`)
  if (scenario.description) console.log(scenario.description)
  console.log(
    `Use base-url: ${simulator.url} (${scenario.token ? 'token: the scenario one' : 'any token'}).`
  )
  console.log('Stop with Ctrl+C.')
  const stop = (): void => void simulator.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main(process.argv.slice(2)).catch(error => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
