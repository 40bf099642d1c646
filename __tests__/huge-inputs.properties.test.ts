// Every parser of server text, fed megabytes of the shapes that make patterns and
// parsers slow (long runs of spaces, digits, `<`, `&`, `-`, line breaks, invisible
// characters): each call stays fast, gives a bounded result and never throws.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { describeErrorBody } from '../src/http/error-body.js'
import { parseRetryAfter, quote } from '../src/http/policy.js'
import { readOfferStatus } from '../src/sources/cloud-partner-portal/read-offer-status.js'
import { bounded } from '../src/sources/json-fields.js'
import { readErrors } from '../src/sources/product-ingestion/read-errors.js'
import { readJobStatus } from '../src/sources/product-ingestion/read-job-status.js'
import { readSubmissions } from '../src/sources/product-ingestion/read-submissions.js'
import { displayStatus, sameStatus } from '../src/status/statuses.js'
import { brief, clip, escapeMarkdown } from '../src/text.js'
import { estimateWindowMs } from '../src/status/estimate.js'

// Generous for a slow machine sharing its two cores with other test files (jest runs
// several at once); a quadratic pattern on these sizes takes seconds to minutes.
const CALL_MS = 1_000

const piece = fc.constantFrom(
  ' ',
  '  ',
  '\n',
  '<',
  '<<',
  '&',
  '&amp',
  '-',
  '~',
  '1',
  '12.5',
  'd',
  '\u200b',
  '\u202e',
  '\u0000',
  '::',
  'a',
  '"'
)
/** Up to about 2 MB: a short pattern repeated, with a tail that may or may not complete it. */
const huge = fc
  .tuple(
    fc.array(piece, { minLength: 1, maxLength: 4 }),
    fc.integer({ min: 1_000, max: 500_000 }),
    piece
  )
  .map(([pattern, times, tail]) => pattern.join('').repeat(times).slice(0, 2_000_000) + tail)

function timed<T>(run: () => T): T {
  const started = performance.now()
  const result = run()
  expect(performance.now() - started).toBeLessThan(CALL_MS)
  return result
}

describe('every parser of server text, on huge odd input', () => {
  it('text helpers: bounded, one line, fast', () => {
    fc.assert(
      fc.property(huge, text => {
        expect(timed(() => clip(text, 300)).length).toBeLessThanOrEqual(300)
        expect(timed(() => brief(text, 300))).not.toMatch(/\n/)
        expect(timed(() => quote(text)).length).toBeLessThanOrEqual(162)
        expect(timed(() => escapeMarkdown(clip(text, 1_000))).length).toBeLessThan(20_000)
        expect(timed(() => displayStatus(text)).length).toBeLessThanOrEqual(100)
        expect(typeof timed(() => sameStatus(text, 'Failed'))).toBe('boolean')
      }),
      { numRuns: 40 }
    )
  })

  it('schedule and HTTP headers: estimates and Retry-After', () => {
    fc.assert(
      fc.property(huge, text => {
        const estimate = timed(() => estimateWindowMs(text))
        expect(estimate === undefined || (0 <= estimate.from && estimate.from <= estimate.to)).toBe(
          true
        )
        const retry = timed(() => parseRetryAfter(text, 0))
        expect(retry === undefined || retry >= 0).toBe(true)
      }),
      { numRuns: 40 }
    )
  })

  it('error bodies: one bounded line', () => {
    fc.assert(
      fc.property(huge, text => {
        for (const body of [
          text,
          JSON.stringify({ error: { code: text, message: text, details: [{ message: text }] } })
        ]) {
          const described = timed(() => describeErrorBody(body))
          expect(described.length).toBeLessThan(12_000)
          expect(described).not.toMatch(/\n/)
        }
      }),
      { numRuns: 30 }
    )
  })

  it('status readers of the Cloud Partner Portal and the Product Ingestion API (Partner Center: partner-center.test.ts): any field huge', () => {
    fc.assert(
      fc.property(huge, text => {
        const offer = timed(() =>
          readOfferStatus({
            status: text,
            steps: [
              { id: text, stepName: text, status: text, estimatedTimeFrame: text, messages: [text] }
            ],
            previewLinks: [text]
          })
        )
        expect(offer.status.length).toBeLessThanOrEqual(100)
        const job = timed(() =>
          readJobStatus(
            {
              jobStatus: text,
              jobResult: text,
              errors: [{ code: text, message: text }],
              resourceUri: text
            },
            'j'
          )
        )
        expect(job.status.length).toBeLessThanOrEqual(100)
        expect(
          timed(() => readErrors([{ code: text, details: [{ message: text }] }]))[0]?.html.length
        ).toBeLessThan(60_000)
        const offerBySubmissions = timed(() =>
          readSubmissions(
            {
              value: [
                {
                  id: text,
                  target: { targetType: 'preview' },
                  status: text,
                  result: text,
                  created: text
                }
              ]
            },
            'product/p'
          )
        )
        expect(offerBySubmissions.submissionId.length).toBeLessThanOrEqual(200)
      }),
      { numRuns: 30 }
    )
  })

  it('unknown JSON kept (links): bounded whatever its depth and breadth', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (depth, breadth) => {
          let value: unknown = Array.from({ length: breadth }, (_, i) => i)
          for (let i = 0; i < depth; i++) value = [value]
          const kept = timed(() => bounded(value))
          expect(JSON.stringify(kept).length).toBeLessThan(200_000)
        }
      ),
      { numRuns: 20 }
    )
  })
})
