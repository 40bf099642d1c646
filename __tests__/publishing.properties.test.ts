// The parsers of what the services answer to a publishing request, and of the lists and
// operations the wait then follows, on any value and on huge odd text: they never
// throw, stay fast, and let through only what they can vouch for.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { operationPath } from '../src/sources/cloud-partner-portal/publish.js'
import { readOperation } from '../src/sources/cloud-partner-portal/read-offer-status.js'
import { JOB_ID } from '../src/sources/product-ingestion/publish.js'
import { madeBy, newestPreviewId } from '../src/sources/product-ingestion/read-submissions.js'
import { showsTaken, turnOf } from '../src/status/publishing.js'
import { OFFER_STATUSES } from '../src/status/statuses.js'
import { snapshotOf } from './builders.js'

const BASE = 'https://cloudpartner.azure.com'
const OFFER = '/api/publishers/contoso/offers/contoso-vm'

// Locations a service, a proxy or an attacker may send.
const location = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.constantFrom(
    `${OFFER}/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8?api-version=2017-10-31`,
    `${BASE}${OFFER}/operations/56615b67?api-version=2017-10-31`,
    '/api/operations/contoso$contoso-vm$2$preview?api-version=2017-10-31',
    `${OFFER}/operations/../../other/operations/x`,
    'https://elsewhere.test/api/operations/x',
    '//elsewhere.test/api/operations/x',
    `${OFFER}/operations/x?api-version=1#frag`,
    `${OFFER}/operations/x\r\nSet-Cookie: a=b`,
    `/api/publishers/other/offers/contoso-vm/operations/x`
  ),
  fc
    .tuple(
      fc.constantFrom(`${OFFER}/operations/`, '/api/operations/'),
      fc.string({ maxLength: 300 })
    )
    .map(([root, tail]) => root + tail),
  fc.integer({ min: 1, max: 200_000 }).map(n => `${OFFER}/operations/${'a'.repeat(n)}`)
)

describe('the publishing parsers, on any input', () => {
  it('an operation Location: only a path of this offer (or /api/operations) on this host', () => {
    fc.assert(
      fc.property(location, value => {
        const path = operationPath(value, BASE, OFFER)
        if (path === undefined) return
        expect(path.length).toBeLessThanOrEqual(OFFER.length + 420)
        expect(path).toMatch(/^\/api\//)
        expect(path).not.toMatch(/\.\.|[\s#]|\/\//)
        expect(path.startsWith(`${OFFER}/operations/`) || path.startsWith('/api/operations/')).toBe(
          true
        )
      }),
      { numRuns: 500 }
    )
    expect(operationPath('https://elsewhere.test/api/operations/x', BASE, OFFER)).toBeUndefined()
    expect(operationPath(`${OFFER}/operations/../../x`, BASE, OFFER)).toBeUndefined()
    expect(operationPath(`${BASE}${OFFER}/operations/a1?api-version=2017-10-31`, BASE, OFFER)).toBe(
      `${OFFER}/operations/a1?api-version=2017-10-31`
    )
  })

  it('an operation body: any JSON reads as a status of the one vocabulary, or a bounded one', () => {
    fc.assert(
      fc.property(
        fc.anything({ maxDepth: 4 }),
        fc.string({ maxLength: 3_000 }),
        fc.constantFrom('preview' as const, 'live' as const),
        (value, status, kind) => {
          const body =
            typeof value === 'object' && value !== null && !Array.isArray(value)
              ? (value as Record<string, unknown>)
              : { status, steps: [value] }
          const snapshot = readOperation(body, kind)
          expect(snapshot.status.length).toBeLessThanOrEqual(100)
        }
      ),
      { numRuns: 300 }
    )
    const statusOf = (status: string, kind: 'preview' | 'live') =>
      readOperation({ status }, kind).status
    expect(statusOf('completed', 'live')).toBe('Succeeded')
    expect(statusOf('complete', 'preview')).toBe('WaitingForPublisherReview')
    expect(statusOf('not started', 'live')).toBe('NotStarted')
    expect(statusOf('failed', 'preview')).toBe('Failed')
    expect(OFFER_STATUSES).toContain(statusOf('running', 'live'))
  })

  it('a job id from a configure answer: plain and bounded, never a path', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), value => {
        if (!JOB_ID.test(value)) return
        expect(value.length).toBeLessThanOrEqual(100)
        expect(value).toMatch(/^[A-Za-z0-9-]+$/)
      })
    )
    expect(JOB_ID.test('../x')).toBe(false)
  })

  it('the submissions a request made, from any list: never throws, never an older preview', () => {
    const submission = fc.record(
      {
        id: fc.oneof(
          fc
            .integer({ min: 0, max: 30 })
            .map(n => `submission/7a3c5e2d-1b4f-4e8a-9c6d-0f1e2d3c4b5a/${n}`),
          fc.string({ maxLength: 60 })
        ),
        target: fc.record({
          targetType: fc.constantFrom('preview', 'live', 'draft', 'PREVIEW', '')
        }),
        status: fc.constantFrom('completed', 'running', 'notStarted', ''),
        result: fc.constantFrom('succeeded', 'failed', 'pending', ''),
        created: fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.date().map(d => d.toISOString())
        )
      },
      { requiredKeys: [] }
    )
    fc.assert(
      fc.property(
        fc.array(fc.oneof(submission, fc.anything({ maxDepth: 2 })), { maxLength: 60 }),
        fc.constantFrom('preview' as const, 'live' as const),
        fc.integer({ min: 0, max: 30 }),
        (items, kind, n) => {
          const about = `submission/7a3c5e2d-1b4f-4e8a-9c6d-0f1e2d3c4b5a/${n}`
          const made = madeBy(items, { kind, about })
          expect(() => newestPreviewId(items)).not.toThrow()
          if (!made || kind !== 'preview') return
          for (const item of made as { id?: unknown; target?: { targetType?: unknown } }[]) {
            if (item.target?.targetType !== 'preview') continue
            expect(item.id).not.toBe(about)
          }
        }
      ),
      { numRuns: 300 }
    )
    const huge = Array.from({ length: 200_000 }, (_, i) => ({
      id: `submission/x/${i}`,
      target: { targetType: 'preview' },
      status: 'completed',
      result: 'succeeded'
    }))
    // Linear: a list this long ends well within the test's time, the old preview left out.
    const made = (madeBy(huge, { kind: 'preview', about: 'submission/x/5' }) ?? []) as {
      id: string
    }[]
    expect(made.length).toBeGreaterThan(0)
    expect(made.some(item => item.id === 'submission/x/5')).toBe(false)
  }, 30_000)

  it('when a request is due: a go-live only at WaitingForPublisherReview; a lost one shown only by a change', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (status, id) => {
        const snapshot = snapshotOf({ status, submissionId: id })
        if (turnOf('live', snapshot) === 'send') {
          expect(status.toLowerCase().replace(/[\s_-]/g, '')).toContain('waitingforpublisherreview')
        }
        const lost = { kind: 'preview' as const, at: 0, ref: '', about: id, lost: true as const }
        // The preview that was there before never shows a lost preview request went through.
        if (status === 'WaitingForPublisherReview') expect(showsTaken(lost, snapshot)).toBe(false)
      })
    )
  })
})
