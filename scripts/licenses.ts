// Writes dist/licenses.txt: the license of every package the bundle holds, as ncc's
// stats name them (ncc's own --license keeps only one chunk's once the bundle is split).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './run-action.js'

interface StatsModule {
  name?: string
  modules?: StatsModule[]
}

const stats = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as {
  modules?: StatsModule[]
  chunks?: { modules?: StatsModule[] }[]
}

/** The package directory of each bundled module: the path up to its last package name. */
const PACKAGE_DIR = /^(?:.*\/)?(node_modules\/(?:.*\/node_modules\/)?(?:@[^/]+\/)?[^/]+)\//
const dirs = new Set<string>()
function collect(modules: StatsModule[] | undefined): void {
  for (const module of modules ?? []) {
    const dir = PACKAGE_DIR.exec((module.name ?? '').replace(/^\.\//, ''))?.[1]
    if (dir) dirs.add(dir)
    collect(module.modules)
  }
}
collect(stats.modules)
for (const chunk of stats.chunks ?? []) collect(chunk.modules)

const sections = [...dirs].sort().map(dir => {
  const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as {
    name: string
    version: string
    license?: string
  }
  const file = existsSync(join(ROOT, dir))
    ? readdirSync(join(ROOT, dir)).find(f => /^(licen[sc]e|copying)/i.test(f))
    : undefined
  const text = file ? readFileSync(join(ROOT, dir, file), 'utf8').trim() : ''
  return `${manifest.name}@${manifest.version}\n${manifest.license ?? ''}\n${text}\n`
})
writeFileSync(join(ROOT, 'dist', 'licenses.txt'), sections.join('\n'))
