// A dry run of the release process on a scratch repository made of this working tree:
// the tags it makes, the major tag it moves, and what it refuses.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { releaseNotes } from '../scripts/release-notes.js'

const ROOT = join(import.meta.dirname, '..')
let repo = ''
// Each release rebuilds the bundle to compare it with dist/.
jest.setTimeout(60_000)

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim()
}

function release(...args: string[]): { status: number; output: string } {
  try {
    const output = execFileSync('bash', ['scripts/release.sh', ...args], {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    })
    return { status: 0, output }
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string }
    return { status: failed.status, output: failed.stdout + failed.stderr }
  }
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'release-dry-run-'))
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: ROOT,
      encoding: 'utf8'
    }
  )
  for (const file of files.split('\0').filter(Boolean)) {
    try {
      cpSync(join(ROOT, file), join(repo, file), { recursive: true })
    } catch {
      // A file deleted but not yet committed.
    }
  }
  // Its own node_modules (hard links: quick, and no path outside the repository for
  // ncc to see, which would change the bundle's chunk names), without the caches.
  try {
    execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(repo, 'node_modules')])
  } catch {
    execFileSync('cp', ['-a', join(ROOT, 'node_modules'), join(repo, 'node_modules')])
  }
  rmSync(join(repo, 'node_modules', '.cache'), { recursive: true, force: true })
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'release@example.invalid')
  git('config', 'user.name', 'Release dry run')
  git('add', '-A')
  git('commit', '-q', '-m', 'The project as it is')
})

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true })
})

describe('npm run release', () => {
  it('tags vX.Y.Z with the CHANGELOG section and moves vX to it', () => {
    const { status, output } = release('1.0.0')
    expect(output).toContain('tagged v1.0.0 and moved v1')
    expect(status).toBe(0)
    const head = git('rev-parse', 'HEAD')
    expect(git('rev-list', '-n', '1', 'v1.0.0')).toBe(head)
    expect(git('rev-list', '-n', '1', 'v1')).toBe(head)
    expect(git('log', '-1', '--format=%s')).toBe('Release v1.0.0')
    expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version).toBe('1.0.0')
    const changelog = readFileSync(join(repo, 'CHANGELOG.md'), 'utf8')
    // Keep a Changelog: the version's heading and link reference, no empty Unreleased left.
    expect(changelog).toMatch(/^## \[1\.0\.0\] - \d{4}-\d{2}-\d{2}$/m)
    expect(changelog).not.toMatch(/^## \[Unreleased\]/m)
    expect(changelog).toMatch(/^\[1\.0\.0\]: \.\.\/\.\.\/compare\/v0\.1\.0\.\.\.v1\.0\.0$/m)
    expect(releaseNotes(changelog, '1.0.0')).toMatch(/^### Added/)
    const message = git('tag', '-l', '--format=%(contents)', 'v1.0.0')
    expect(message).toContain(releaseNotes(changelog, '1.0.0')?.split('\n')[0])
    expect(git('status', '--porcelain')).toBe('')
  })

  it('moves the major tag on the next release and leaves the older tag where it was', () => {
    const first = git('rev-list', '-n', '1', 'v1.0.0')
    const changelog = join(repo, 'CHANGELOG.md')
    writeFileSync(
      changelog,
      readFileSync(changelog, 'utf8').replace(
        '## [1.0.0]',
        '## [Unreleased]\n\n- A fix.\n\n## [1.0.0]'
      )
    )
    git('commit', '-q', '-am', 'A fix')
    expect(release('1.0.1').status).toBe(0)
    expect(git('rev-list', '-n', '1', 'v1')).toBe(git('rev-parse', 'HEAD'))
    expect(git('rev-list', '-n', '1', 'v1.0.0')).toBe(first)
    expect(git('tag', '-l', '--format=%(contents)', 'v1.0.1')).toContain('- A fix.')
    expect(readFileSync(changelog, 'utf8')).toMatch(
      /^\[1\.0\.1\]: \.\.\/\.\.\/compare\/v1\.0\.0\.\.\.v1\.0\.1\n\[1\.0\.0\]: /m
    )
  })

  it('refuses a tag that exists, a version that is not X.Y.Z, and a changed tree', () => {
    expect(release('1.0.1').output).toContain('tag v1.0.1 exists already')
    expect(release('1.1').output).toContain("give a version X.Y.Z, not '1.1'")
    writeFileSync(join(repo, 'README.md'), 'changed\n', { flag: 'a' })
    expect(release('1.1.0').output).toContain('the working tree has changes')
    git('checkout', '-q', '--', 'README.md')
  })

  it('refuses a dist/ that is not the build of the sources, before any tag', () => {
    const entry = join(repo, 'dist', 'index.js')
    writeFileSync(entry, readFileSync(entry, 'utf8') + '\n// stale\n')
    git('commit', '-q', '-am', 'A stale bundle')
    const { status, output } = release('1.1.0')
    expect(status).not.toBe(0)
    expect(output).toContain('dist/ differs from a fresh build')
    expect(git('tag', '-l', 'v1.1.0')).toBe('')
    expect(git('status', '--porcelain')).toBe('')
  })
})
