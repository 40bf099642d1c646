// jest globalSetup: the end-to-end tests run a bundle built from the current sources,
// never a stale dist/. It is built once per run, into node_modules/.cache, and only
// when a source is newer than the last build. ACTION_UNDER_TEST names another bundle.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'node_modules', '.cache', 'action-under-test')

function newest(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map(name => newest(join(path, name))))
}

export default function buildAction() {
  // A bundle named from outside (the committed dist/, another runtime's run) is used as it is.
  if (process.env.ACTION_UNDER_TEST) return
  const entry = join(OUT, 'index.js')
  const sources = Math.max(
    ...['src', 'package-lock.json', 'tsconfig.json'].map(path => newest(join(ROOT, path)))
  )
  if (!existsSync(entry) || statSync(entry).mtimeMs < sources) {
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js'),
        'build',
        'src/index.ts',
        '-o',
        OUT,
        '--minify',
        '--quiet'
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] }
    )
  }
  process.env.ACTION_UNDER_TEST = entry
}
