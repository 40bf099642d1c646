// The README's workflow examples are copied into real workflows: each must parse, and
// none may put an expression inside `run:`, where server text would become shell.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'

const README = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8')
const blocks = [...README.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map(match => match[1] as string)

/** Every `run:` script in a parsed YAML value, however deep. */
function runScripts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(runScripts)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, item]) =>
    key === 'run' && typeof item === 'string' ? [item] : runScripts(item)
  )
}

describe('the YAML blocks of the README', () => {
  it('are there', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6)
  })

  it.each(blocks.map((block, i) => [i + 1, block] as const))(
    'block %i parses, with no ${{ }} in run:',
    (_, block) => {
      const documents = parseAllDocuments(block)
      for (const document of documents) {
        expect(document.errors.map(error => error.message)).toEqual([])
        for (const script of runScripts(document.toJS())) expect(script).not.toContain('${{')
      }
    }
  )
})
