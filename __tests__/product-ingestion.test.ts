// How the Product Ingestion API's answers read in the common vocabulary, from the
// samples of its docs (recorded in fixtures/) and from shapes they leave open.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describeErrorBody } from '../src/http/error-body.js'
import { readErrors } from '../src/sources/product-ingestion/read-errors.js'
import { readJobStatus } from '../src/sources/product-ingestion/read-job-status.js'
import { readSubmissions } from '../src/sources/product-ingestion/read-submissions.js'
import { currentStep } from '../src/status/snapshot.js'

const FIXTURES = join(import.meta.dirname, 'fixtures', 'product-ingestion')
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8')
const json = (name: string): Record<string, unknown> => JSON.parse(fixture(name))

const GUID = '7a3c5e2d-1b4f-4e8a-9c6d-0f1e2d3c4b5a'
const PRODUCT = `product/${GUID}`

function job(jobStatus: string, jobResult = 'pending', more: object = {}) {
  return readJobStatus({ jobId: 'j-1', jobStatus, jobResult, ...more }, 'j-1')
}

describe('readJobStatus', () => {
  it('reads the docs sample, whose jobID is spelled in another case', () => {
    const snapshot = readJobStatus(json('configure-status-docs-sample.json'), 'given-id')
    expect(snapshot.status).toBe('Running')
    expect(snapshot.steps).toEqual([
      {
        id: 'configure-job',
        name: 'Configure job',
        description: 'configure job c32dd7e8-8fd7-4f6b-a9c2-3c7a8f9e0b51',
        status: 'InProgress',
        progress: null,
        estimatedTimeFrame: '',
        messages: [],
        startedAt: Date.parse('2026-11-20T21:29:54.97Z')
      }
    ])
    expect(snapshot.messages).toEqual([])
  })

  it('reads the failed-job sample with its error as a message of level error', () => {
    const snapshot = readJobStatus(json('configure-status-failed.json'), 'j')
    expect(snapshot.status).toBe('Failed')
    expect(snapshot.steps[0]?.status).toBe('Rejected')
    expect(snapshot.messages).toEqual([
      { html: 'Conflict: The start date should be defined', level: 'error', timestamp: '' }
    ])
  })

  it.each([
    ['notStarted', 'pending', 'NotStarted', 'NotStarted'],
    ['running', 'pending', 'Running', 'InProgress'],
    ['completed', 'succeeded', 'Succeeded', 'Complete'],
    ['completed', 'failed', 'Failed', 'Rejected'],
    ['completed', 'cancelled', 'Canceled', 'Canceled'],
    ['COMPLETED', 'Succeeded', 'Succeeded', 'Complete'],
    ['queued', 'pending', 'Unknown (queued)', 'Unknown (queued)'],
    ['succeeded', 'succeeded', 'Unknown (succeeded)', 'Unknown (succeeded)'],
    ['completed', 'pending', 'Running', 'InProgress'],
    ['completed', 'partial', 'Failed', 'Rejected']
  ])('reads jobStatus %s with jobResult %s as %s', (jobStatus, jobResult, status, stepStatus) => {
    const snapshot = job(jobStatus, jobResult)
    expect(snapshot.status).toBe(status)
    expect(snapshot.steps[0]?.status).toBe(stepStatus)
  })

  it('says why a completed job with a result it does not know is a failure', () => {
    expect(job('completed', 'partial').messages).toEqual([
      {
        html: 'The job completed with result "partial", which this action does not know.',
        level: 'error',
        timestamp: ''
      }
    ])
  })

  it('takes field names in any case', () => {
    const snapshot = readJobStatus({ JOBSTATUS: 'completed', JobResult: 'succeeded' }, 'j')
    expect(snapshot.status).toBe('Succeeded')
  })

  it('finds the product and submission a job names, and nothing else', () => {
    const named = job('completed', 'failed', {
      errors: [{ resourceId: `submission/${GUID.toUpperCase()}/1152921515689848683`, code: 'x' }]
    })
    expect(named.productId).toBe(PRODUCT)
    expect(named.submissionId).toBe(`submission/${GUID}/1152921515689848683`)
    const resources = job('completed', 'succeeded', { resources: [{ id: PRODUCT }] })
    expect(resources).toMatchObject({ productId: PRODUCT, submissionId: '' })
    expect(job('completed', 'succeeded', { resourceUri: 'https://x/configure/j-1' })).toMatchObject(
      { productId: '', submissionId: '' }
    )
  })

  it("keeps the job's start where jobStart is a real time", () => {
    const [step] = job('running', 'pending', { jobStart: '2026-11-20T21:29:54.97Z' }).steps
    expect(step?.startedAt).toBe(Date.UTC(2026, 10, 20, 21, 29, 54, 970))
    for (const jobStart of [
      '0001-01-01T00:00:00',
      '2022-03-01-preview2T13:32:43.123456Z',
      42,
      'x'.repeat(1e6)
    ]) {
      expect(job('running', 'pending', { jobStart }).steps[0]).not.toHaveProperty('startedAt')
    }
  })

  it('survives a body of the wrong shape', () => {
    const snapshot = readJobStatus({ jobStatus: ['x'], errors: 'no', jobResult: { a: 1 } }, 'j')
    expect(snapshot).toMatchObject({ status: '', messages: [] })
  })
})

describe('readErrors', () => {
  it('names the certification failure of the sample and keeps every nested detail', () => {
    expect(readErrors([json('certification-error.json')])).toEqual([
      {
        html: 'Certification failed: internalServerError › invalidState: Certification › invalidState: Issues found during Certification. (submission/…)',
        level: 'error',
        timestamp: ''
      }
    ])
  })

  it('bounds what it reads: errors, depth and length', () => {
    let deep: Record<string, unknown> = { code: 'leaf', message: 'bottom' }
    for (let i = 0; i < 50; i++) deep = { code: `c${i}`, details: [deep] }
    const [message] = readErrors([deep])
    expect(message?.html.split(' › ')).toHaveLength(6)
    expect(readErrors(Array.from({ length: 500 }, () => ({ code: 'x' })))).toHaveLength(20)
    const [long] = readErrors([{ code: 'x', message: 'm'.repeat(100_000) }])
    expect(long?.html.length).toBeLessThan(1_000)
  })
})

describe('readSubmissions', () => {
  type Entry = { target: string; id?: string; status?: string; result?: string; created?: string }
  const read = (entries: Entry[]) =>
    readSubmissions(
      {
        value: entries.map((entry, i) => ({
          id: `submission/${GUID}/${entry.id ?? i + 1}`,
          target: { targetType: entry.target },
          status: entry.status,
          result: entry.result,
          created: entry.created
        }))
      },
      PRODUCT
    )
  const done = (target: string, id: string, created: string, result = 'succeeded'): Entry => ({
    target,
    id,
    status: 'completed',
    result,
    created
  })

  it('reads the docs sample: a succeeded preview newer than live is waiting for go-live', () => {
    const snapshot = readSubmissions(json('submissions.json'), PRODUCT)
    expect(snapshot).toMatchObject({
      status: 'WaitingForPublisherReview',
      productId: PRODUCT,
      submissionId: 'submission/7a3c…/1152921515689848683'
    })
    // The live step is the new version's, not started: the previous live is not this publish.
    expect(snapshot.steps.map(step => [step.id, step.status, step.description])).toEqual([
      ['preview', 'Complete', 'submission/7a3c…/1152921515689848683'],
      ['live', 'NotStarted', '']
    ])
  })

  it('rule 1: one submission not started or running makes the offer Running', () => {
    const snapshot = read([
      done('live', '1', '2026-10-01T00:00:00Z'),
      { target: 'preview', id: '2', status: 'running', created: '2026-11-01T00:00:00Z' }
    ])
    expect(snapshot).toMatchObject({ status: 'Running', submissionId: `submission/${GUID}/2` })
    expect(currentStep(snapshot)?.id).toBe('preview')
    expect(read([{ target: 'live', status: 'notStarted' }]).status).toBe('Running')
  })

  it('rule 2: the newest by created failed makes it Failed, whatever came before', () => {
    const snapshot = read([
      done('live', '1', '2026-10-01T00:00:00Z'),
      done('preview', '2', '2026-11-01T00:00:00Z', 'failed')
    ])
    expect(snapshot).toMatchObject({ status: 'Failed', submissionId: `submission/${GUID}/2` })
    expect(snapshot.steps.find(step => step.id === 'preview')?.status).toBe('Rejected')
    // An older failure does not count once a newer submission succeeded.
    expect(
      read([
        done('preview', '2', '2026-11-01T00:00:00Z', 'failed'),
        done('preview', '3', '2026-11-02T00:00:00Z'),
        done('live', '3', '2026-11-03T00:00:00Z')
      ]).status
    ).toBe('Succeeded')
  })

  it('rule 3 and 4: a preview that went live carries the live id, and the offer Succeeded', () => {
    const snapshot = read([
      done('preview', '5', '2026-11-01T00:00:00Z'),
      done('live', '5', '2026-11-02T00:00:00Z')
    ])
    expect(snapshot).toMatchObject({ status: 'Succeeded', submissionId: `submission/${GUID}/5` })
  })

  it('rule 3 holds while a new version rolls out with two live entries', () => {
    const snapshot = read([
      done('live', '4', '2026-10-01T00:00:00Z'),
      done('live', '5', '2026-11-02T00:00:00Z'),
      done('preview', '6', '2026-11-03T00:00:00Z')
    ])
    expect(snapshot.status).toBe('WaitingForPublisherReview')
  })

  it('rule 5: drafts alone, or nothing, is NeverPublished', () => {
    expect(read([{ target: 'draft' }])).toMatchObject({
      status: 'NeverPublished',
      submissionId: ''
    })
    expect(readSubmissions({}, PRODUCT).status).toBe('NeverPublished')
  })

  it('reads a result still pending after completion as Running, never as an end', () => {
    expect(read([{ target: 'preview', status: 'completed', result: 'pending' }]).status).toBe(
      'Running'
    )
  })

  it('orders by place in the answer when created is missing', () => {
    const snapshot = read([
      { target: 'preview', id: '1', status: 'completed', result: 'succeeded' },
      { target: 'preview', id: '2', status: 'completed', result: 'failed' }
    ])
    expect(snapshot.status).toBe('Failed')
  })
})

describe('describeErrorBody', () => {
  it('reads the API error body of the docs', () => {
    expect(describeErrorBody(fixture('error-body.json'))).toBe(': badRequest: …')
  })

  it('shows nested details in full', () => {
    const body = JSON.stringify({
      error: {
        code: 'badRequest',
        message: 'Invalid request',
        details: [
          {
            code: 'schemaValidationError',
            message: 'jobId is required',
            details: [{ code: 'x', message: 'y' }]
          }
        ]
      }
    })
    expect(describeErrorBody(body)).toBe(
      ': badRequest: Invalid request (schemaValidationError: jobId is required; x: y)'
    )
  })
})
