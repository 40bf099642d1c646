// Runs dist/index.js the way the GitHub runner does: a child process with every
// INPUT_* (action.yml's defaults under the given inputs) and the runner's files.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

export interface ActionRun {
  /** The inputs as the action saw them (defaults and expressions applied). */
  inputs: Record<string, string>
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** The runner's environment of these runs: a push to main of contoso/marketplace-offers. */
export const RUNNER_ENV: Record<string, string> = {
  CI: 'true',
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'contoso/marketplace-offers',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_RUN_ID: '1',
  GITHUB_RUN_NUMBER: '1',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_WORKFLOW_REF: 'contoso/marketplace-offers/.github/workflows/publish.yml@refs/heads/main',
  GITHUB_JOB: 'publish',
  GITHUB_ACTION: 'wait'
}

/** The run a hand-off dispatches: a workflow_dispatch run, the workflow's second. */
export const DISPATCHED_RUN_ENV: Record<string, string> = {
  GITHUB_EVENT_NAME: 'workflow_dispatch',
  GITHUB_RUN_ID: '2000',
  GITHUB_RUN_NUMBER: '2'
}

/** What `${{ github.token }}` stands for in these runs. */
export const GITHUB_TOKEN = 'ghs_simulatedGitHubToken0123456789'

export interface ActionOptions {
  inputs: Record<string, string>
  /** Extra environment, e.g. GITHUB_EVENT_NAME. */
  env?: Record<string, string>
  /** The webhook event written to GITHUB_EVENT_PATH. */
  event?: object
  /** Called with each chunk of stdout as it arrives. */
  onStdout?: (chunk: string) => void
  /** GITHUB_OUTPUT names a directory, which no output can be written to. */
  brokenOutputs?: boolean
}

interface ActionManifest {
  inputs: Record<string, { default?: string }>
  outputs: Record<string, unknown>
}

async function readManifest(): Promise<ActionManifest> {
  return parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as ActionManifest
}

/** The outputs action.yml declares, sorted. */
export async function actionOutputNames(): Promise<string[]> {
  return Object.keys((await readManifest()).outputs).sort()
}

/** The defaults of action.yml as written, expressions such as `${{ github.token }}` included. */
export async function actionDefaults(): Promise<Record<string, string>> {
  const manifest = await readManifest()
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(manifest.inputs)) {
    if (input.default !== undefined) defaults[name] = String(input.default)
  }
  return defaults
}

/** The inputs a runner hands a step: action.yml's defaults under `given`, evaluated. */
export async function runnerInputs(given: Record<string, string>): Promise<Record<string, string>> {
  return Object.fromEntries(
    Object.entries({ ...(await actionDefaults()), ...given }).map(([name, value]) => [
      name,
      evaluate(value)
    ])
  )
}

/** The environment variable in which the runner hands over an input. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

// The runner evaluates expressions in defaults; the one action.yml uses is github.token.
function evaluate(value: string): string {
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/g, GITHUB_TOKEN)
}

/**
 * The bundle to run: dist/index.js, or the build of the current sources that the tests
 * make (ACTION_UNDER_TEST).
 */
export function actionEntry(): string {
  return process.env.ACTION_UNDER_TEST ?? join(ROOT, 'dist', 'index.js')
}

/** The node that runs the bundle: this one, or the one ACTION_NODE names (Node 24 in CI). */
function actionNode(): string {
  return process.env.ACTION_NODE || process.execPath
}

/** Starts the action; `done` settles when it has exited and its files are read. */
export async function startAction(
  options: ActionOptions
): Promise<{ child: ChildProcess; done: Promise<ActionRun> }> {
  const dir = await mkdtemp(join(tmpdir(), 'action-run-'))
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path')
  }
  await Promise.all([
    ...Object.values(files).map(file =>
      options.brokenOutputs && file === files.GITHUB_OUTPUT ? mkdir(file) : writeFile(file, '')
    ),
    writeFile(files.GITHUB_EVENT_PATH, JSON.stringify(options.event ?? {}))
  ])

  const evaluated = await runnerInputs(options.inputs)
  const env: Record<string, string> = {
    // Only what a runner sets: no NODE_OPTIONS or other test-process settings leak in.
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    ...RUNNER_ENV,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    ...files,
    ...options.env
  }
  for (const [name, value] of Object.entries(evaluated)) env[inputVariable(name)] = value

  const child = spawn(actionNode(), [actionEntry()], {
    env,
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    options.onStdout?.(chunk)
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))

  const done = new Promise<number | null>(resolve => child.on('close', code => resolve(code))).then(
    async exitCode => {
      const [outputs, summary] = await Promise.all([
        options.brokenOutputs ? '' : readFile(files.GITHUB_OUTPUT, 'utf8'),
        readFile(files.GITHUB_STEP_SUMMARY, 'utf8')
      ])
      await rm(dir, { recursive: true, force: true })
      const run = {
        inputs: evaluated,
        exitCode,
        stdout,
        stderr,
        outputs: parseOutputFile(outputs),
        summary
      }
      recordRun(run)
      return run
    }
  )
  return { child, done }
}

const finishedRuns: ActionRun[] = []

/** Keeps a run that ended for the checks over every run (leaks). */
export function recordRun(run: ActionRun): void {
  finishedRuns.push(run)
}

/** The runs that ended since the last call, for checks over every run (leaks). */
export function takeRuns(): ActionRun[] {
  return finishedRuns.splice(0)
}

export async function runAction(options: ActionOptions): Promise<ActionRun> {
  return (await startAction(options)).done
}

/** Reads `name<<delimiter` blocks (and plain `name=value` lines) of a GITHUB_OUTPUT file. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const end = lines.indexOf(delimiter, i + 1)
      outputs[name] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      outputs[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return outputs
}
