// Property-based tests of the Product Ingestion API's readers: any JSON, of any size,
// gives a well-typed snapshot in the common vocabulary, bounded, never an exception.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { describeErrorBody } from '../src/http/error-body.js'
import { readErrors } from '../src/sources/product-ingestion/read-errors.js'
import { readJobStatus } from '../src/sources/product-ingestion/read-job-status.js'
import { readSubmissions } from '../src/sources/product-ingestion/read-submissions.js'
import type { Snapshot } from '../src/status/snapshot.js'
import { OFFER_STATUSES, STEP_STATUSES } from '../src/status/statuses.js'

const anyJson = fc.jsonValue({ maxDepth: 4 })
const word = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    'notStarted',
    'running',
    'completed',
    'pending',
    'succeeded',
    'failed',
    'cancelled'
  )
)
const huge = fc.constantFrom(' '.repeat(300_000), 'x'.repeat(2_000_000), '\u0000'.repeat(100_000))
const errorLike: fc.Arbitrary<unknown> = fc.letrec(tie => ({
  error: fc.record(
    {
      code: fc.oneof(word, anyJson),
      message: fc.oneof(word, huge, anyJson),
      resourceId: fc.oneof(word, fc.constant('submission/7a3c5e2d-1b4f-4e8a-9c6d-0f1e2d3c4b5a/12')),
      details: fc.oneof(fc.array(tie('error'), { maxLength: 3 }), anyJson)
    },
    { requiredKeys: [] }
  )
})).error
const jobLike = fc.oneof(
  fc.dictionary(
    fc.constantFrom('jobId', 'jobID', 'jobStatus', 'jobResult', 'errors', 'x'),
    anyJson
  ),
  fc.record({
    jobStatus: word,
    jobResult: word,
    errors: fc.oneof(fc.array(errorLike, { maxLength: 4 }), anyJson),
    resourceUri: fc.oneof(word, huge)
  })
)
const submissionsLike = fc.oneof(
  fc.dictionary(fc.constantFrom('value', 'x'), anyJson),
  fc.record({
    value: fc.array(
      fc.record(
        {
          id: fc.oneof(word, anyJson),
          target: fc.oneof(
            fc.record({ targetType: fc.constantFrom('draft', 'preview', 'live', 'PREVIEW', 'x') }),
            anyJson
          ),
          status: word,
          result: word,
          created: fc.oneof(
            word,
            fc.date({ noInvalidDate: true }).map(d => d.toISOString())
          )
        },
        { requiredKeys: [] }
      ),
      { maxLength: 8 }
    )
  })
)

const KNOWN_OFFER: string[] = [...OFFER_STATUSES]
const KNOWN_STEP: string[] = [...STEP_STATUSES]

function expectWellTyped(snapshot: Snapshot): void {
  expect(typeof snapshot.status).toBe('string')
  expect(typeof snapshot.productId).toBe('string')
  expect(typeof snapshot.submissionId).toBe('string')
  for (const step of snapshot.steps) {
    expect(typeof step.id === 'string' && step.id !== '').toBe(true)
    expect(typeof step.status).toBe('string')
  }
  for (const message of snapshot.messages) {
    expect(message.level).toBe('error')
    expect(message.html.length).toBeLessThan(60_000)
  }
}

describe('Product Ingestion API readers, on any input', () => {
  it('readJobStatus: a job that reads as Succeeded really completed and succeeded', () => {
    fc.assert(
      fc.property(jobLike, body => {
        const snapshot = readJobStatus(body as Record<string, unknown>, 'j')
        expectWellTyped(snapshot)
        expect(snapshot.steps).toHaveLength(1)
        const { status } = snapshot
        expect(status === '' || KNOWN_OFFER.includes(status) || /^Unknown \(/.test(status)).toBe(
          true
        )
        if (snapshot.status === 'Succeeded') {
          expect(String(body.jobStatus).toLowerCase()).toBe('completed')
          expect(String(body.jobResult).toLowerCase()).toBe('succeeded')
        }
      }),
      { numRuns: 300 }
    )
  })

  it('readSubmissions: one of the five statuses, and Succeeded only with a succeeded live', () => {
    fc.assert(
      fc.property(submissionsLike, body => {
        const snapshot = readSubmissions(body as Record<string, unknown>, 'product/p')
        expectWellTyped(snapshot)
        expect(KNOWN_OFFER).toContain(snapshot.status)
        expect(snapshot.steps.every(step => ['preview', 'live'].includes(step.id))).toBe(true)
        if (snapshot.status === 'Succeeded') {
          expect(
            snapshot.steps.some(step => step.id === 'live' && step.status === 'Complete')
          ).toBe(true)
        }
        for (const step of snapshot.steps) {
          expect(KNOWN_STEP.includes(step.status) || /^Unknown \(/.test(step.status)).toBe(true)
        }
      }),
      { numRuns: 300 }
    )
  })

  it('readErrors: bounded in count and length whatever the nesting', () => {
    fc.assert(
      fc.property(fc.array(errorLike, { maxLength: 40 }), errors => {
        const messages = readErrors(errors)
        expect(messages.length).toBeLessThanOrEqual(20)
        for (const message of messages) expect(message.html.length).toBeLessThan(60_000)
      }),
      { numRuns: 200 }
    )
  })

  it('describeErrorBody: one bounded line for any body, JSON or not', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          huge,
          errorLike.map(error => JSON.stringify({ error })),
          anyJson.map(value => JSON.stringify(value))
        ),
        body => {
          const described = describeErrorBody(body)
          expect(described).not.toMatch(/[\n\r]/)
          expect(described.length).toBeLessThan(12_000)
        }
      ),
      { numRuns: 300 }
    )
  })
})
