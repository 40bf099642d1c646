// The workflows the documentation gives are code publishers copy: each must hold under
// GitHub's real rules, not only parse. Three rules are checked over every whole workflow
// in the README and docs/, and every file of docs/workflows/ and .github/workflows/:
// - a job whose `needs` reach, directly or through others, a job with an `if:` (one
//   that is skipped in some runs, the publish job of a carried-on run) is itself
//   skipped then, unless its own `if:` uses a status function;
// - in a workflow started by a tag push, a job that signs in with GitHub OIDC goes
//   through an `environment`: a tag's subject changes with every release, so no
//   federated credential would match the next one;
// - a step that hands its wait on (`hand-off-after`) is in a workflow that can be
//   dispatched with the state (a `workflow_dispatch` input named as `hand-off-input`)
//   and may dispatch (`actions: write`).
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

const ROOT = join(import.meta.dirname, '..')
const README = readFileSync(join(ROOT, 'README.md'), 'utf8')

interface Job {
  needs?: string | string[]
  if?: string | boolean
  environment?: unknown
  permissions?: unknown
  steps?: { uses?: string; with?: Record<string, unknown> }[]
}
interface Workflow {
  on?: unknown
  permissions?: unknown
  jobs?: Record<string, Job>
}

/** Every documented workflow: whole workflows in the README and docs/, and the files. */
function documented(): [string, Workflow][] {
  const pages = [
    ['README', README] as const,
    ...readdirSync(join(ROOT, 'docs'))
      .filter(name => name.endsWith('.md'))
      .map(name => [`docs/${name}`, readFileSync(join(ROOT, 'docs', name), 'utf8')] as const)
  ]
  const blocks = pages
    .flatMap(([page, text]) =>
      [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map(
        (match, i) => [`${page} block ${i + 1}`, parse(match[1] as string) as unknown] as const
      )
    )
    .filter(([, value]) => value !== null && typeof value === 'object' && 'jobs' in value)
  const files = ['docs/workflows', '.github/workflows'].flatMap(dir =>
    readdirSync(join(ROOT, dir)).map(
      name => [`${dir}/${name}`, parse(readFileSync(join(ROOT, dir, name), 'utf8'))] as const
    )
  )
  return [...blocks, ...files] as [string, Workflow][]
}

const STATUS_FUNCTION = /\b(always|success|failure|cancelled)\(\)/

function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : [job.needs].flat()
}

/** The jobs a job needs, directly or through others. */
function reached(jobs: Record<string, Job>, name: string, seen = new Set<string>()): Set<string> {
  for (const need of needsOf(jobs[name] ?? {})) {
    if (seen.has(need)) continue
    seen.add(need)
    reached(jobs, need, seen)
  }
  return seen
}

/** Jobs skipped with a needed job that may be skipped, and which job that is. */
function skippedWithTheirNeeds(workflow: Workflow): string[] {
  const jobs = workflow.jobs ?? {}
  return Object.entries(jobs).flatMap(([name, job]) => {
    const conditional = [...reached(jobs, name)].filter(need => jobs[need]?.if !== undefined)
    if (conditional.length === 0 || STATUS_FUNCTION.test(String(job.if ?? ''))) return []
    return [`${name} (needs ${conditional.join(', ')}, which has an if:)`]
  })
}

/** Jobs of a tag-push workflow that sign in with OIDC and name no environment. */
function oidcWithoutEnvironment(workflow: Workflow): string[] {
  const on = workflow.on as { push?: { tags?: unknown } } | undefined
  if (typeof on !== 'object' || on?.push?.tags === undefined) return []
  return Object.entries(workflow.jobs ?? {}).flatMap(([name, job]) => {
    const signsIn = (job.steps ?? []).some(
      step =>
        /wait-for-marketplace-offer|azure\/login/.test(step.uses ?? '') &&
        step.with?.['client-id'] !== undefined &&
        step.with['client-secret'] === undefined
    )
    return signsIn && job.environment === undefined ? [name] : []
  })
}

/** Steps that hand their wait on where the next run cannot be dispatched, and why. */
function handOffsThatCannotGoOn(workflow: Workflow): string[] {
  const on = workflow.on as { workflow_dispatch?: { inputs?: Record<string, unknown> } } | undefined
  const inputs = typeof on === 'object' && on !== null ? (on.workflow_dispatch?.inputs ?? {}) : {}
  return Object.entries(workflow.jobs ?? {}).flatMap(([name, job]) =>
    (job.steps ?? []).flatMap(step => {
      if (!step.with?.['hand-off-after']) return []
      const input = String(step.with['hand-off-input'] ?? 'marketplace-wait')
      const permissions = (job.permissions ?? workflow.permissions) as Record<string, unknown>
      return [
        ...(input in inputs ? [] : [`${name}: no workflow_dispatch input ${input}`]),
        ...(permissions?.actions === 'write' ? [] : [`${name}: no actions: write`])
      ]
    })
  )
}

describe('every documented workflow, under GitHub’s job semantics', () => {
  const workflows = documented()

  it('is found: README blocks and workflow files', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(8)
    expect(workflows.some(([name]) => name.startsWith('README'))).toBe(true)
  })

  it.each(workflows)('%s: no job is skipped with a job it needs', (_, workflow) => {
    expect(skippedWithTheirNeeds(workflow)).toEqual([])
  })

  it.each(workflows)('%s: OIDC in a tag-push chain goes through an environment', (_, workflow) => {
    expect(oidcWithoutEnvironment(workflow)).toEqual([])
  })

  it.each(workflows)('%s: a hand-off can dispatch the next run', (_, workflow) => {
    expect(handOffsThatCannotGoOn(workflow)).toEqual([])
  })
})

describe('the rules', () => {
  it('find a deploy job that needs a wait after a publish job with an if:', () => {
    const workflow = parse(`
on: { push: { tags: ['v*'] } }
jobs:
  publish: { if: "inputs.marketplace-wait == ''", runs-on: ubuntu-latest, steps: [{ run: x }] }
  wait: { needs: publish, if: '\${{ !failure() && !cancelled() }}', runs-on: ubuntu-latest, steps: [{ uses: o/wait-for-marketplace-offer@v1, with: { client-id: c, tenant-id: t } }] }
  deploy: { needs: wait, if: "needs.wait.outputs.outcome == 'success'", runs-on: ubuntu-latest, steps: [{ run: x }] }
`) as Workflow
    expect(skippedWithTheirNeeds(workflow)).toEqual([
      'deploy (needs wait, publish, which has an if:)'
    ])
    expect(oidcWithoutEnvironment(workflow)).toEqual(['wait'])
  })

  it('find a hand-off in a workflow that takes no state, or may not dispatch', () => {
    const workflow = parse(`
on: { workflow_dispatch: { inputs: { marketplace-wait: { type: string } } } }
permissions: { actions: read }
jobs:
  preview: { runs-on: ubuntu-latest, steps: [{ uses: o/wait-for-marketplace-offer@v1, with: { hand-off-after: 5h30m } }] }
  live: { runs-on: ubuntu-latest, permissions: { actions: write }, steps: [{ uses: o/wait-for-marketplace-offer@v1, with: { hand-off-after: 5h30m, hand-off-input: live-wait } }] }
`) as Workflow
    expect(handOffsThatCannotGoOn(workflow)).toEqual([
      'preview: no actions: write',
      'live: no workflow_dispatch input live-wait'
    ])
  })
})
