// The Partner Center ingestion API's readers: the mapping of the design, row by row, and
// whatever the service sends (huge, odd, hostile), a bounded snapshot and no exception.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  newestSubmission,
  productSnapshot,
  readReports,
  readValidations,
  readWorkflowSteps,
  submissionStatus
} from '../src/sources/partner-center/read-submission.js'

const submission = (fields: Record<string, unknown>) =>
  newestSubmission([{ id: '1', releaseNumber: 1, ...fields }])

describe('submissionStatus', () => {
  it.each([
    [
      { state: 'InProgress', substate: 'InDraft', pendingUpdateInfo: { status: 'Completed' } },
      'NotStarted'
    ],
    [
      { state: 'InProgress', substate: 'InDraft', pendingUpdateInfo: { status: 'Running' } },
      'Running'
    ],
    [{ state: 'InProgress', substate: 'Submitted' }, 'Running'],
    [{ state: 'InProgress', substate: 'Publishing' }, 'Running'],
    [
      { state: 'InProgress', substate: 'ReadyToPublish', publishOption: { isAutoPromote: true } },
      'Running'
    ],
    [{ state: 'Published', substate: 'ReadyToPublish' }, 'WaitingForPublisherReview'],
    [{ state: 'Published', substate: 'InStore' }, 'Succeeded'],
    [
      { state: 'InProgress', substate: 'Failed', pendingUpdateInfo: { status: 'Completed' } },
      'Failed'
    ],
    [{ state: 'InProgress', substate: 'FailedInCertification' }, 'Failed'],
    [
      { state: 'InProgress', substate: 'Submitted', pendingUpdateInfo: { status: 'Failed' } },
      'Failed'
    ],
    [{ state: 'InProgress', substate: 'Cancelled' }, 'Canceled'],
    [{ STATE: 'published', SUBSTATE: 'instore' }, 'Succeeded'],
    [{ state: 'InProgress', substate: 'ModularCert' }, 'Unknown (ModularCert)']
  ])('%j is %s', (fields, status) => {
    expect(submissionStatus(submission(fields))).toBe(status)
  })

  it('is NeverPublished without a submission', () => {
    expect(submissionStatus(newestSubmission([]))).toBe('NeverPublished')
  })
})

describe('newestSubmission', () => {
  it('takes the highest releaseNumber wherever it is listed', () => {
    expect(
      newestSubmission([
        { id: 'a', releaseNumber: 28 },
        { id: 'b', releaseNumber: '27' },
        { releaseNumber: 99 }
      ])?.id
    ).toBe('a')
    expect(newestSubmission([{ id: 'a' }, { id: 'b' }])?.id).toBe('b')
  })

  it('breaks a tie of releaseNumber by the id, a number that grows, never by list order', () => {
    // A product never published: every submission is release 1, listed newest first.
    const never = [
      { id: '1152921505699000003', releaseNumber: 1 },
      { id: '1152921505699000001', releaseNumber: 1 },
      { id: '1152921505699000002', releaseNumber: 1 }
    ]
    expect(newestSubmission(never)?.id).toBe('1152921505699000003')
  })

  it('never lets a missing or odd releaseNumber sink the newest below an older one', () => {
    expect(
      newestSubmission([
        { id: '1152921505699000009' },
        { id: '1152921505699000004', releaseNumber: 'n/a' },
        { id: '1152921505699000002', releaseNumber: 3 }
      ])?.id
    ).toBe('1152921505699000009')
  })

  it('falls back on the publishing time, then on the list, when no id is a number', () => {
    expect(
      newestSubmission([
        { id: 'b', publishedTimeInUtc: '2026-11-30T10:00:00Z' },
        { id: 'a', publishedTimeInUtc: '2026-10-01T10:00:00Z' },
        { id: 'c', publishedTimeInUtc: '1601-01-01T00:00:00Z' }
      ])?.id
    ).toBe('c')
    expect(
      newestSubmission([
        { id: 'b', publishedTimeInUtc: '2026-11-30T10:00:00Z' },
        { id: 'a', publishedTimeInUtc: '2026-10-01T10:00:00Z' }
      ])?.id
    ).toBe('b')
  })
})

describe('readWorkflowSteps', () => {
  it('reads both workflows in order, named by their step and environment', () => {
    const steps = readWorkflowSteps(
      {
        value: [
          {
            targetEnvironment: 'Preview',
            workflowSteps: [
              { name: 'Automated validation', state: 'Success' },
              { name: 'Preview Creation', state: 'InProgress' }
            ]
          },
          {
            targetEnvironment: 'Live',
            workflowSteps: [
              { name: 'Publisher Signoff', state: 'InProgress' },
              { name: 'Certification', state: 'NotStarted' },
              { name: 'Publish', state: 'Broken' }
            ]
          }
        ]
      },
      false
    )
    expect(steps.map(step => [step.id, step.name, step.status])).toEqual([
      ['preview/automated validation', 'Automated validation (Preview)', 'Complete'],
      ['preview/preview creation', 'Preview Creation (Preview)', 'InProgress'],
      ['live/publisher signoff', 'Publisher Signoff (Live)', 'WaitingForPublisherReview'],
      ['live/certification', 'Certification (Live)', 'NotStarted'],
      ['live/publish', 'Publish (Live)', 'Rejected']
    ])
    expect(
      readWorkflowSteps({ value: [{ workflowSteps: [{ name: 'x', state: 'Odd' }] }] }, true)[0]
        ?.status
    ).toBe('Canceled')
  })
})

describe('validations and reports', () => {
  it('keep errors and warnings, and every report with its link, a failed one as an error', () => {
    expect(
      readValidations([
        { errorCode: 'E1', severity: 'Error', message: 'bad', resource: 'Package' },
        { severity: 'warning', message: 'meh' },
        { severity: 'Informational', message: 'fine' }
      ])
    ).toEqual([
      { html: 'Validation E1: bad (Package)', level: 'error', timestamp: '' },
      { html: 'Validation meh', level: 'warning', timestamp: '' }
    ])
    expect(
      readReports([{ status: 'Passed', fileUri: 'https://x/r.pdf' }, { status: 'Failed' }])
    ).toEqual([
      { html: 'Certification report Failed', level: 'error', timestamp: '' },
      { html: 'Certification report Passed: https://x/r.pdf', level: 'information', timestamp: '' }
    ])
  })
})

describe('the readers, on whatever the service sends', () => {
  it('never throw, and keep what they return bounded', () => {
    // One huge string per item at most: generating many is what costs, not reading them.
    const huge = fc.nat({ max: 100_000 }).map(n => '✗'.repeat(10_000 + n))
    const odd = fc.oneof(
      { arbitrary: fc.anything({ maxDepth: 2 }), weight: 4 },
      { arbitrary: huge, weight: 1 },
      {
        arbitrary: fc.constantFrom(
          'InStore',
          'Failed',
          'ReadyToPublish',
          '__proto__',
          'constructor'
        ),
        weight: 2
      }
    )
    const item = fc.dictionary(
      fc.constantFrom(
        'id',
        'state',
        'substate',
        'releaseNumber',
        'pendingUpdateInfo',
        'name',
        'severity',
        'message',
        'status',
        'fileUri',
        'workflowSteps',
        'targetEnvironment'
      ),
      odd
    )
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 30 }),
        fc.array(item, { maxLength: 30 }),
        (items, workflows) => {
          const newest = newestSubmission(items)
          const steps = readWorkflowSteps({ value: workflows }, false)
          const snapshot = productSnapshot('p', newest, steps, {
            validations: readValidations(items),
            reports: readReports(items),
            unread: []
          })
          expect(snapshot.status.length).toBeLessThanOrEqual(220)
          expect(snapshot.steps.length).toBeLessThanOrEqual(100)
          for (const step of snapshot.steps) expect(step.name.length).toBeLessThanOrEqual(420)
          for (const message of [
            ...snapshot.messages,
            ...snapshot.steps.flatMap(s => s.messages)
          ]) {
            expect(message.html.length).toBeLessThanOrEqual(2_200)
          }
        }
      ),
      { numRuns: 200 }
    )
  })
})
