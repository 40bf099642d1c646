// CHANGELOG.md in Keep a Changelog form (`## [1.2.0] - 2026-12-01`, link references at
// the end). `npm run -s release-notes -- 1.2.0` prints one version's section: the
// release notes of its tag and of its GitHub release. `… -- --release 1.2.0 DATE`
// turns `## [Unreleased]` into that version's section, as the release script does.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT } from './run-action.js'

const HEADING = /^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?\s*$/

/** The section of one version, without its heading; undefined when there is none. */
export function releaseNotes(changelog: string, version: string): string | undefined {
  const lines = changelog.split('\n')
  const start = lines.findIndex(line => HEADING.exec(line)?.[1] === version)
  if (start < 0) return undefined
  const end = lines.findIndex((line, i) => i > start && /^## |^\[[^\]]+\]: /.test(line))
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim()
}

/**
 * The changelog with `## [Unreleased]` become `## [version] - date`, and the link
 * references to match: the new version compares with the one before it (links relative
 * to the file, so they work on whichever owner's GitHub page shows it).
 */
export function cutRelease(changelog: string, version: string, date: string): string {
  const lines = changelog.split('\n')
  const at = lines.findIndex(line => HEADING.exec(line)?.[1] === 'Unreleased')
  if (at < 0) throw new Error('CHANGELOG.md has no "## [Unreleased]" section')
  const previous = lines
    .slice(at + 1)
    .map(line => HEADING.exec(line)?.[1])
    .find(name => name !== undefined)
  lines[at] = `## [${version}] - ${date}`
  const body = lines.filter(line => !/^\[[^\]]+\]: /.test(line))
  while (body.at(-1) === '') body.pop()
  const references = [
    ...lines.filter(line => /^\[[^\]]+\]: /.test(line) && !line.startsWith('[Unreleased]: ')),
    `[${version}]: ${previous ? `../../compare/v${previous}...v${version}` : `../../releases/tag/v${version}`}`
  ]
  const order = (line: string) => body.findIndex(l => l.startsWith(`## ${line.split(':')[0]}`))
  references.sort((a, b) => order(a) - order(b))
  return [...body, '', ...references, ''].join('\n')
}

const isCommand = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href
if (isCommand) {
  const path = join(ROOT, 'CHANGELOG.md')
  const changelog = readFileSync(path, 'utf8')
  const [first, version, date] = process.argv.slice(2)
  if (first === '--release' && version && date) {
    writeFileSync(path, cutRelease(changelog, version, date))
  } else if (first) {
    const notes = releaseNotes(changelog, first)
    if (notes === undefined) {
      console.error(`CHANGELOG.md has no "## [${first}]" section`)
      process.exit(1)
    }
    console.log(notes)
  }
}
