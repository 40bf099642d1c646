import { describe, expect, it } from '@jest/globals'
import { outputsOf } from '../src/report/outputs.js'
import type { EndedResult } from '../src/status/result.js'
import { ended, snapshotOf, stepOf, stepWith } from './builders.js'

/** The outputs of a step that waited for one offer or job, `elapsedMs` from its start. */
function actionOutputs({
  elapsedMs,
  checkRunId,
  ...fields
}: Partial<EndedResult> & { elapsedMs: number; checkRunId?: number }): Record<string, string> {
  const startedAt = fields.startedAt ?? 0
  return outputsOf(
    [ended({ id: '', startedAt, endedAt: startedAt + elapsedMs, ...fields })],
    stepWith({ wait: { startedAt, deadline: startedAt } }),
    checkRunId
  )
}

describe('actionOutputs', () => {
  it('sets every output from the last status read', () => {
    const offer = snapshotOf({
      status: 'Running',
      steps: [
        stepOf({
          id: 'pre',
          name: 'Validate',
          status: 'Complete',
          progress: 100,
          estimatedTimeFrame: '< 15 min'
        }),
        stepOf({ id: 'cert', name: 'Certification', status: 'InProgress', progress: 40 })
      ],
      previewLinks: ['https://preview.example']
    })
    expect(
      actionOutputs({
        id: 'contoso-vm',
        outcome: 'timeout',
        reason: 'still Running',
        snapshot: offer,
        polls: 7,
        elapsedMs: 1_800_499
      })
    ).toEqual({
      outcome: 'timeout',
      status: 'Running',
      steps: JSON.stringify([
        {
          id: 'pre',
          name: 'Validate',
          status: 'Complete',
          progress: 100,
          estimatedTimeFrame: '< 15 min'
        },
        {
          id: 'cert',
          name: 'Certification',
          status: 'InProgress',
          progress: 40,
          estimatedTimeFrame: ''
        }
      ]),
      'current-step': 'cert',
      'preview-links': '["https://preview.example"]',
      'live-links': '[]',
      'product-id': '',
      'submission-id': '',
      offers: JSON.stringify([
        {
          id: 'contoso-vm',
          outcome: 'timeout',
          status: 'Running',
          currentStep: 'cert',
          productId: '',
          submissionId: '',
          polls: 7,
          reason: 'still Running',
          requests: []
        }
      ]),
      polls: '7',
      'elapsed-seconds': '1800',
      'check-run-id': '',
      'next-run-url': ''
    })
  })

  it('sets empty values when no status was read, and error for a cancelled wait', () => {
    expect(
      actionOutputs({ outcome: 'cancelled', reason: 'cancelled', polls: 0, elapsedMs: 0 })
    ).toEqual({
      outcome: 'error',
      status: '',
      steps: '[]',
      'current-step': '',
      'preview-links': '[]',
      'live-links': '[]',
      'product-id': '',
      'submission-id': '',
      offers: '[]',
      polls: '0',
      'elapsed-seconds': '0',
      'check-run-id': '',
      'next-run-url': ''
    })
  })

  it('gives the id of the check run when one was made', () => {
    expect(
      actionOutputs({ outcome: 'success', reason: '', polls: 1, elapsedMs: 0, checkRunId: 4242 })[
        'check-run-id'
      ]
    ).toBe('4242')
  })
})

describe('outputsOf', () => {
  it('keeps an entry in `offers` for every offer, however long their reasons', () => {
    const long = '✗'.repeat(4_000)
    const results = Array.from({ length: 50 }, (_, i) =>
      ended({
        id: `offer-${i}-${'✗'.repeat(1_000)}`,
        outcome: 'failure',
        reason: long,
        snapshot: snapshotOf({ status: `failed ${'✗'.repeat(300)}` }),
        polls: 1,
        startedAt: 0,
        endedAt: 1
      })
    )
    const outputs = outputsOf(results, stepWith({ wait: { startedAt: 0, deadline: 0 } }))
    const offers = JSON.parse(outputs.offers ?? '') as { id: string; reason: string }[]
    expect(offers).toHaveLength(50)
    expect(offers.map(offer => offer.id.split('-', 2).join('-'))).toEqual(
      results.map((_, i) => `offer-${i}`)
    )
    expect(Buffer.byteLength(outputs.offers ?? '')).toBeLessThanOrEqual(256 * 1024)
    expect(offers[0]?.reason.length).toBeGreaterThan(10)
  })
})
