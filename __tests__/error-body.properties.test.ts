// The reader of error bodies, on what services and clients really send and on hostile
// megabytes: the service's own words reach the reason wherever they come in the body,
// and every call is quick, bounded and one line.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { describeErrorBody } from '../src/http/error-body.js'

// Generous for a machine whose two cores run several test files at once.
const CALL_MS = 1_000

function timed(body: string): string {
  const startedAt = performance.now()
  const described = describeErrorBody(body)
  expect(performance.now() - startedAt).toBeLessThan(CALL_MS)
  expect(described).not.toMatch(/[\n\r]/)
  expect(described.length).toBeLessThan(12_000)
  return described
}

// Words a preamble is made of, none of which says what went wrong.
const preamble = fc
  .array(
    fc.constantFrom(
      'The',
      'request',
      'GET',
      '/v1.0/ingestion',
      'was',
      'processed',
      'id',
      '7f3c2a10',
      '(',
      ')',
      ',',
      'at',
      'Microsoft.Dynamics.Nav'
    ),
    { maxLength: 600 }
  )
  .map(words => words.join(' '))
const code = fc.integer({ min: 10_000, max: 99_999 }).map(n => `ICH${n}`)

describe('describeErrorBody', () => {
  it("keeps the service's complaint however far in it comes: text, JSON string, or wrapped", () => {
    fc.assert(
      fc.property(preamble, code, (before, ich) => {
        const complaint = `${ich} - Unable to complete request. Request validation failed.`
        const text = `${before} ${complaint}`
        for (const body of [
          text,
          JSON.stringify(text),
          JSON.stringify(JSON.stringify(text)),
          `${before} RestClientException: ${JSON.stringify({ title: complaint, status: 400 })}`
        ]) {
          expect(timed(body)).toContain(ich)
        }
      }),
      { numRuns: 300 }
    )
  })

  it('names every refused field of a problem document, whatever its order', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(['type', 'title', 'status', 'traceId', 'errors'], { minLength: 5 }),
        fc.string({ minLength: 1, maxLength: 40 }).filter(s => /^\w+$/.test(s)),
        (order, field) => {
          const values: Record<string, unknown> = {
            type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
            title: 'One or more validation errors occurred.',
            status: 400,
            traceId: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`,
            errors: { [field]: [`The ${field} field is required.`] }
          }
          const document = Object.fromEntries(order.map(key => [key, values[key]]))
          expect(timed(JSON.stringify(document))).toContain(
            `${field}: The ${field} field is required.`
          )
        }
      ),
      { numRuns: 200 }
    )
  })

  it('stays quick and bounded on megabytes of the shapes that slow readers down', () => {
    const piece = fc.constantFrom(
      '{',
      '}',
      '"',
      '\\',
      '<',
      '>',
      '&amp;',
      ' ',
      '\n',
      'error',
      'ICH',
      '9',
      '.',
      '{"a":'
    )
    const huge = fc
      .tuple(
        fc.array(piece, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 10_000, max: 2_000_000 })
      )
      .map(([pieces, times]) => pieces.join('').repeat(Math.ceil(times / pieces.join('').length)))
    fc.assert(
      fc.property(huge, text => {
        timed(text)
        timed(JSON.stringify(text))
        timed(`<html><body>${text}</body></html>`)
        timed(JSON.stringify({ title: text, errors: { [text.slice(0, 100)]: [text] } }))
        timed(
          `prefix ${JSON.stringify({ error: { code: text, message: text, details: [{ message: text }] } })} suffix`
        )
      }),
      { numRuns: 10 }
    )
  })
})
