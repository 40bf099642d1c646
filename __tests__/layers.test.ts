// The layers of src/ point one way (CONTRIBUTING.md has the map): no import circle,
// type imports included; the wait and the reports see no API, no sign-in and no
// settings; the common vocabulary sees nothing above it; only the registry names an
// API folder.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const SRC = join(import.meta.dirname, '..', 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

/** Each file of src/ (relative, `wait/verdict.ts`) with the files of src/ it imports. */
const imports = new Map(
  sourceFiles(SRC).map(path => {
    const text = readFileSync(path, 'utf8')
    const targets = [...text.matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)].map(match =>
      relative(SRC, resolve(dirname(path), (match[1] as string).replace(/\.js$/, '.ts')))
    )
    return [relative(SRC, path), targets] as const
  })
)

function circles(): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (file: string): void => {
    state.set(file, 'open')
    path.push(file)
    for (const next of imports.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    path.pop()
    state.set(file, 'done')
  }
  for (const file of imports.keys()) if (!state.has(file)) visit(file)
  return found
}

/** Every import of a file under `from` that goes to one of `forbidden`. */
function crossings(from: string, forbidden: (target: string) => boolean): string[] {
  return [...imports]
    .filter(([file]) => file.startsWith(from))
    .flatMap(([file, targets]) => targets.filter(forbidden).map(target => `${file} -> ${target}`))
}

describe('the layers of src/', () => {
  it('import one another in no circle', () => {
    expect(imports.size).toBeGreaterThan(30)
    expect(circles()).toEqual([])
  })

  it('keep the wait and the reports free of APIs, sign-in and settings', () => {
    const above = (target: string) =>
      /^(sources|sign-in)\//.test(target) || ['settings.ts', 'main.ts'].includes(target)
    expect([...crossings('wait/', above), ...crossings('report/', above)]).toEqual([])
  })

  it('keep the wait and the reports apart: both read the results of status/', () => {
    expect([
      ...crossings('wait/', target => target.startsWith('report/')),
      ...crossings('report/', target => target.startsWith('wait/'))
    ]).toEqual([])
  })

  it('keep the common vocabulary at the bottom', () => {
    expect(
      crossings('status/', target => !target.startsWith('status/') && target !== 'text.ts')
    ).toEqual([])
  })

  it('name an API folder only inside it and in the registry', () => {
    const apiFolder = (target: string) => /^sources\/[^/]+\//.test(target)
    const outside = [...imports]
      .filter(([file]) => !/^sources\/[^/]+\//.test(file) && file !== 'sources/index.ts')
      .flatMap(([file, targets]) => targets.filter(apiFolder).map(t => `${file} -> ${t}`))
    expect(outside).toEqual([])
  })

  it("keep each API's inputs in its folder, the registry and the generic input readers", () => {
    const inputNames = /['"`](publisher-id|offer-id|job-id|seller-id)['"`]/
    const outside = sourceFiles(SRC)
      .map(path => relative(SRC, path))
      .filter(file => !/^(sources|inputs)\//.test(file))
      .filter(file => inputNames.test(readFileSync(join(SRC, file), 'utf8')))
    expect(outside).toEqual([])
  })

  it('would find a circle', () => {
    imports.set('status/a.ts', ['status/b.ts'])
    imports.set('status/b.ts', ['status/a.ts'])
    try {
      expect(circles()).toEqual([['status/a.ts', 'status/b.ts', 'status/a.ts']])
    } finally {
      imports.delete('status/a.ts')
      imports.delete('status/b.ts')
    }
  })
})
