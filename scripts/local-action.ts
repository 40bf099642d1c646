// npm run local-action: the action's source run by @github/local-action (fetched by npx
// at a pinned version, so that it is no dependency of the project) with the inputs of
// .env (or .env.example), against the simulator on the port their base-url names.
// Works from any directory: every path is the project's.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadScenario } from '../simulator/scenario.js'
import { startSimulator } from '../simulator/server.js'
import { ROOT } from './run-action.js'

const LOCAL_ACTION = '@github/local-action@7.0.1'
const SCENARIO = join(ROOT, 'simulator', 'scenarios', 'ingestion-preview.json')

const envFile = [join(ROOT, '.env'), join(ROOT, '.env.example')].find(file => existsSync(file))
if (!envFile) throw new Error('no .env or .env.example in the project')
const baseUrl = /^INPUT_BASE-URL=(.*)$/m.exec(readFileSync(envFile, 'utf8'))?.[1]?.trim()
const url = baseUrl ? new URL(baseUrl) : undefined
const loopback = url && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)

const simulator = loopback
  ? await startSimulator(await loadScenario(SCENARIO), { port: Number(url.port) })
  : undefined
if (simulator) console.log(`Simulator playing ingestion-preview at ${simulator.url}`)
console.log(`Inputs from ${envFile}\n`)

const child = spawn('npx', ['--yes', LOCAL_ACTION, 'run', ROOT, join('src', 'main.ts'), envFile], {
  cwd: ROOT,
  stdio: 'inherit'
})
const code = await new Promise<number>(resolve => child.on('close', code => resolve(code ?? 1)))
await simulator?.close()
process.exit(code)
