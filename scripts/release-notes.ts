// Prints the CHANGELOG.md section of one version (`npm run -s release-notes -- 1.2.0`):
// the release notes of its tag and of its GitHub release.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT } from './run-action.js'

export function releaseNotes(changelog: string, version: string): string | undefined {
  const lines = changelog.split('\n')
  const start = lines.findIndex(line => line.replace(/\s+\(.*\)$/, '') === `## ${version}`)
  if (start < 0) return undefined
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '))
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim()
}

const version = process.argv[2]
const isCommand = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href
if (isCommand && version) {
  const notes = releaseNotes(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), version)
  if (notes === undefined) {
    console.error(`CHANGELOG.md has no "## ${version}" section`)
    process.exit(1)
  }
  console.log(notes)
}
