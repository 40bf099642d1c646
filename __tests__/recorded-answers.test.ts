// Answers in the shapes the public clients of the Cloud Partner Portal and the Product
// Ingestion API record in their own tests (kept in fixtures/), read the way those clients
// read them: what the action concludes from the same bytes. Partner Center's recorded
// answers: partner-center.test.ts.
import { ended, stepWith } from './builders.js'
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderSummary } from '../src/report/summary.js'
import { readOfferStatus } from '../src/sources/cloud-partner-portal/read-offer-status.js'
import { readSubmissions } from '../src/sources/product-ingestion/read-submissions.js'
import { currentStep, type Snapshot } from '../src/status/snapshot.js'
import { judge } from '../src/wait/verdict.js'

const json = (api: string, name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', api, name), 'utf8'))
const cpp = (name: string) => readOfferStatus(json('cloud-partner-portal', name))
const GUID = '7a3c5e2d-1b4f-4e8a-9c6d-0f1e2d3c4b5a'
const PRODUCT = `product/${GUID}`
const submissions = (name: string) => readSubmissions(json('product-ingestion', name), PRODUCT)
const rules = (more: Partial<Parameters<typeof judge>[1]> = {}) => ({
  targetStatuses: ['Succeeded'],
  failOnStatuses: ['Failed', 'Canceled'],
  failOnStepStatuses: ['Rejected'],
  ...more
})
const summaryOf = (snapshot: Snapshot, reason = 'x') =>
  renderSummary(
    ended({ outcome: 'failure', reason, snapshot, polls: 1, startedAt: 0, endedAt: 1 }),
    stepWith()
  )

describe('Cloud Partner Portal answers', () => {
  it('reads a running offer whose sign-off step waits for the publisher as preview ready', () => {
    const snapshot = cpp('preview-ready.json')
    expect(snapshot.status).toBe('WaitingForPublisherReview')
    expect(currentStep(snapshot)?.id).toBe('publisher-signoff')
    expect(
      judge(snapshot, rules({ targetStatuses: ['WaitingForPublisherReview'] }), 'offer')
    ).toEqual({
      outcome: 'success',
      reason: 'the offer reached WaitingForPublisherReview'
    })
    // Waiting for go-live is no end when the target is Succeeded.
    expect(judge(snapshot, rules(), 'offer')).toBeUndefined()
  })

  it('keeps Running for a running offer with no step waiting for the publisher', () => {
    const body = json('cloud-partner-portal', 'preview-ready.json')
    const steps = (body.steps as { status: string }[]).map(step => ({
      ...step,
      status: step.status === 'waitingForPublisherReview' ? 'inProgress' : step.status
    }))
    expect(readOfferStatus({ ...body, steps }).status).toBe('Running')
    expect(readOfferStatus({ ...body, status: 'succeeded' }).status).toBe('Succeeded')
  })

  it("puts a blocked step's error into the failure reason and the summary", () => {
    const snapshot = cpp('blocked-no-image.json')
    const verdict = judge(snapshot, rules({ failOnStepStatuses: ['Blocked'] }), 'offer')
    expect(verdict).toEqual({
      outcome: 'failure',
      reason:
        'step "Certification" is Blocked: No virtual machine image was found for the plan "gen2" of offer contoso-vm.'
    })
    const summary = summaryOf(snapshot, verdict?.reason)
    expect(summary).toMatch(
      /\| ⛔ \| Certification \| Blocked \| 0% \| &#126;2-3 days \| error: No virtual machine image was found/
    )
    expect(summary).toContain('### Messages')
    expect(summary).toMatch(/- \*\*error\*\* \(Certification\): No virtual machine image/)
  })

  it('names the step of an error in the reason when another step failed', () => {
    const body = json('cloud-partner-portal', 'blocked-no-image.json')
    const steps = body.steps as { id: string; status: string }[]
    const failing = steps.map(step =>
      step.id === 'displayprovision' ? { ...step, status: 'rejected' } : step
    )
    expect(judge(readOfferStatus({ ...body, steps: failing }), rules(), 'offer')?.reason).toBe(
      'step "Provisioning" is Rejected: Certification: No virtual machine image was found for the plan "gen2" of offer contoso-vm.'
    )
  })

  it('reads field names in any case', () => {
    const snapshot = cpp('pascal-case-fields.json')
    expect(snapshot.status).toBe('Running')
    expect(snapshot.messages).toEqual([
      { html: 'Publishing started.', level: 'information', timestamp: '2026-11-20T21:29:54Z' }
    ])
    expect(snapshot.steps.map(step => [step.id, step.name, step.status, step.progress])).toEqual([
      ['displaydummycertify', 'Validate Pre-Requisites', 'Complete', 100],
      ['displaycertify', 'Certification', 'InProgress', 40]
    ])
    expect(snapshot.steps[1]?.messages[0]?.level).toBe('warning')
  })

  it('shows JavaScript names as step statuses as text, never as code', () => {
    const snapshot = readOfferStatus({
      status: 'running',
      steps: ['constructor', 'toString', '__proto__', 'hasOwnProperty'].map((status, i) => ({
        id: `s${i}`,
        stepName: `Step ${i}`,
        status
      }))
    })
    const summary = summaryOf(snapshot)
    expect(summary).not.toMatch(/function|native code|\[object/)
    expect(snapshot.steps.map(step => step.status)).toEqual([
      'constructor',
      'toString',
      '__proto__',
      'hasOwnProperty'
    ])
    expect(summary).toContain('| ❔ | Step 0 | constructor |')
  })
})

describe('Product Ingestion API submissions', () => {
  it('lets only the newest of each target decide: an old failed live does not fail a new preview', () => {
    const snapshot = submissions('submissions-old-failed-live.json')
    expect(snapshot).toMatchObject({
      status: 'WaitingForPublisherReview',
      submissionId: `submission/${GUID}/1152921515689848683`,
      messages: []
    })
  })

  it("never shows the previous version's live step as this publish's", () => {
    const snapshot = submissions('submissions-old-failed-live.json')
    expect(snapshot.steps.map(step => [step.id, step.name, step.status])).toEqual([
      ['preview', 'Preview', 'Complete'],
      ['live', 'Live', 'NotStarted']
    ])
    expect(currentStep(snapshot)?.id).toBe('live')
    // The old failure fails no gate on step statuses either.
    expect(
      judge(snapshot, rules({ targetStatuses: ['WaitingForPublisherReview'] }), 'offer')?.outcome
    ).toBe('success')
    // Once the preview is live, the live step is this version's.
    const live = submissions('submissions-two-live.json')
    expect(live.steps.map(step => [step.name, step.status])).toEqual([
      ['Preview', 'Complete'],
      ['Live', 'InProgress']
    ])
  })

  it('does not sort away the newest when its created is missing or garbage', () => {
    const snapshot = submissions('submissions-created-missing.json')
    // The preview without `created` has the larger number: it is the newer one.
    expect(snapshot).toMatchObject({
      status: 'WaitingForPublisherReview',
      submissionId: `submission/${GUID}/1152921515689848683`
    })
  })

  it('follows the newest of two live entries; a pending result is Running', () => {
    const snapshot = submissions('submissions-two-live.json')
    expect(snapshot).toMatchObject({
      status: 'Running',
      submissionId: `submission/${GUID}/1152921515689848683`
    })
    expect(snapshot.steps.find(step => step.id === 'live')?.status).toBe('InProgress')
  })

  it('leaves out an entry that has neither status nor result: status and steps agree', () => {
    const snapshot = submissions('submissions-without-status.json')
    expect(snapshot.status).toBe('Succeeded')
    expect(snapshot.steps.map(step => [step.id, step.status])).toEqual([['live', 'Complete']])
    const alone = readSubmissions(
      { value: [{ id: 'submission/x/2', target: { targetType: 'preview' } }] },
      PRODUCT
    )
    expect(alone.status).toBe('NeverPublished')
    expect(alone.steps.every(step => step.status === 'NotStarted')).toBe(true)
  })

  it('reads an entry with a result and no status as completed, field names in any case', () => {
    const snapshot = submissions('submissions-result-without-status.json')
    expect(snapshot).toMatchObject({
      status: 'WaitingForPublisherReview',
      submissionId: `submission/${GUID}/1152921515689848683`
    })
    const pending = readSubmissions(
      { value: [{ id: 'submission/x/3', target: { targetType: 'live' }, result: 'pending' }] },
      PRODUCT
    )
    expect(pending.status).toBe('Running')
  })

  it('breaks ties of created by the number that ends the id, then by place', () => {
    const at = '2026-11-01T00:00:00Z'
    const entry = (number: string, result: string) => ({
      id: `submission/${GUID}/${number}`,
      target: { targetType: 'preview' },
      status: 'completed',
      result,
      created: at
    })
    // Numbers past 2^53 compare exactly.
    const byNumber = readSubmissions(
      { value: [entry('9007199254740993', 'succeeded'), entry('9007199254740992', 'failed')] },
      PRODUCT
    )
    expect(byNumber.status).toBe('WaitingForPublisherReview')
    const byPlace = readSubmissions(
      {
        value: [
          { ...entry('1', 'succeeded'), id: 'a' },
          { ...entry('1', 'failed'), id: 'b' }
        ]
      },
      PRODUCT
    )
    expect(byPlace.status).toBe('Failed')
  })
})
