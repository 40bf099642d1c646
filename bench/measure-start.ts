// Cold start and peak memory of the built action, run as a runner runs it, beside a
// minimal action on the stock toolkit and a bare node.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { startSimulator } from '../simulator/server.js'
import { inputVariable, ROOT, runnerInputs } from '../scripts/run-action.js'

export interface StartFigures {
  /** The node version that ran them. */
  node: string
  distJsBytes: number
  bareNodeMs: number
  minimalActionMs: number
  actionMs: number
  /** The action's start over the minimal toolkit action's, the median of pairs. */
  ratio: number
  /** The middle half of the pairs' ratios (first and third quartile): how far one run strays. */
  ratioQuartiles: [number, number]
  runs: number
  peakMemoryMb: number
  minimalPeakMemoryMb: number
}

const DIST = join(ROOT, 'dist')
const MINIMAL = join(ROOT, 'node_modules', '.cache', 'minimal-action')

/** Bundles bench/minimal-action as the action is bundled: ncc, minified, ESM. */
function buildMinimalAction(): string {
  const ncc = join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
  execFileSync(
    process.execPath,
    [ncc, 'build', 'bench/minimal-action/index.ts', '-o', MINIMAL, '--minify', '--quiet'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] }
  )
  return join(MINIMAL, 'index.js')
}

/** Bytes of JavaScript in dist/, every chunk included. */
export async function distJsBytes(): Promise<number> {
  const files = (await readdir(DIST)).filter(name => name.endsWith('.js'))
  const sizes = await Promise.all(files.map(async name => (await stat(join(DIST, name))).size))
  return sizes.reduce((a, b) => a + b, 0)
}

/** The value at fraction `at` of the sorted values, interpolated between neighbours. */
function quantile(values: number[], at: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const position = (sorted.length - 1) * at
  const below = sorted[Math.floor(position)] as number
  const above = sorted[Math.ceil(position)] as number
  return below + (above - below) * (position - Math.floor(position))
}

const median = (values: number[]): number => quantile(values, 0.5)

/** Runs `node` with args; resolves with the wall time in ms and what fd 3 received. */
function timed(
  node: string,
  args: string[],
  env: NodeJS.ProcessEnv
): Promise<{ ms: number; extra: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(node, args, {
      env,
      stdio: ['ignore', 'ignore', 'inherit', 'pipe']
    })
    let extra = ''
    child.stdio[3]?.on('data', chunk => (extra += String(chunk)))
    child.on('error', reject)
    child.on('close', code => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}`))
      else resolve({ ms, extra })
    })
  })
}

/** The figures of `node` (the path of a node binary): this one unless told. */
export async function measureStart(runs: number, node = process.execPath): Promise<StartFigures> {
  const simulator = await startSimulator({ timeline: [{ status: 'running' }] })
  const dir = await mkdtemp(join(tmpdir(), 'bench-start-'))
  try {
    const files = ['output', 'summary', 'event.json'].map(name => join(dir, name))
    await Promise.all(files.map(file => writeFile(file, file.endsWith('.json') ? '{}' : '')))
    // What a runner gives a step, and nothing of this shell: no NODE_OPTIONS or
    // NODE_EXTRA_CA_CERTS, which alone cost tens of milliseconds at every start.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: dir,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: files[0],
      GITHUB_STEP_SUMMARY: files[1],
      GITHUB_EVENT_PATH: files[2],
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: dir
    }
    const inputs = await runnerInputs({
      'github-token': 'ghs_bench',
      'publisher-id': 'contoso',
      'offer-id': 'contoso-vm',
      token: 'bench-token',
      'base-url': simulator.url,
      timeout: '0',
      'fail-on-timeout': 'false'
    })
    for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value

    const action = [join(DIST, 'index.js')]
    const minimal = [buildMinimalAction()]
    const bare = ['-e', '0']
    // Warm the file cache, as a runner's second step would find it.
    await timed(node, action, env)
    await timed(node, minimal, env)
    const ratios: number[] = []
    const bareTimes: number[] = []
    const minimalTimes: number[] = []
    const actionTimes: number[] = []
    for (let i = 0; i < runs; i++) {
      // Interleaved, the order alternating, so that drift in the machine hits both.
      const b = (await timed(node, bare, env)).ms
      const first = i % 2 ? action : minimal
      const x = (await timed(node, first, env)).ms
      const y = (await timed(node, first === action ? minimal : action, env)).ms
      const [a, m] = first === action ? [x, y] : [y, x]
      bareTimes.push(b)
      minimalTimes.push(m)
      actionTimes.push(a)
      ratios.push(a / m)
    }

    // Peak memory: the same runs inside a node that reports its own maxRSS on fd 3.
    const peakMb = async (entry: string): Promise<number> => {
      const url = pathToFileURL(entry).href
      const probe = `import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(3, String(process.resourceUsage().maxRSS))); await import(${JSON.stringify(url)})`
      const { extra } = await timed(node, ['--input-type=module', '-e', probe], env)
      return Number(extra) / 1024
    }

    return {
      node: execFileSync(node, ['--version'], { encoding: 'utf8' }).trim(),
      distJsBytes: await distJsBytes(),
      bareNodeMs: median(bareTimes),
      minimalActionMs: median(minimalTimes),
      actionMs: median(actionTimes),
      ratio: median(ratios),
      ratioQuartiles: [quantile(ratios, 0.25), quantile(ratios, 0.75)],
      runs,
      peakMemoryMb: await peakMb(join(DIST, 'index.js')),
      minimalPeakMemoryMb: await peakMb(minimal[0] as string)
    }
  } finally {
    await simulator.close()
    await rm(dir, { recursive: true, force: true })
  }
}
