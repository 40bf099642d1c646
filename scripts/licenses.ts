// Writes dist/licenses.txt: the license of every runtime package (from package-lock.json),
// since ncc's own --license keeps only one chunk's once the bundle is split.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './run-action.js'

interface LockEntry {
  version?: string
  license?: string
  dev?: boolean
}

const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>
}
const sections = Object.entries(lock.packages)
  .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, entry]) => {
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
    const dir = join(ROOT, path)
    const file = existsSync(dir)
      ? readdirSync(dir).find(f => /^(licen[sc]e|copying)/i.test(f))
      : undefined
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : ''
    return `${name}@${entry.version ?? ''}\n${entry.license ?? ''}\n${text}\n`
  })
writeFileSync(join(ROOT, 'dist', 'licenses.txt'), sections.join('\n'))
