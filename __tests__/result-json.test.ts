// Results travel from one workflow run to the next as compact JSON: what goes out comes
// back the same, fits its budget whatever the wait held, and what comes back hostile is
// refused naming the field.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { packResults, PackedResultError, unpackResults } from '../src/status/result-json.js'
import { recordChange } from '../src/status/result.js'
import { ended, snapshotOf, START, stepOf, waiting } from './builders.js'

const BUDGET = 12 * 1024

function running() {
  const result = waiting({
    polls: 42,
    endedAt: START + 3_600_000,
    snapshot: snapshotOf({
      status: 'Running',
      productId: 'product/1',
      steps: [
        stepOf({ id: 'pre', name: 'Validate', status: 'Complete', progress: 100 }),
        stepOf({ id: 'cert', name: 'Certification', status: 'InProgress', progress: 37.5 }),
        stepOf({ id: 'live', name: 'Live', estimatedTimeFrame: '~1 day' })
      ]
    })
  })
  recordChange(result, { at: START + 60_000, text: 'Offer status: Running' })
  recordChange(result, { at: START + 120_000, text: 'Step Certification: InProgress 37%' })
  return result
}

describe('packResults and unpackResults', () => {
  it('bring a result back with its outcome, polls, times, history, status, ids and steps', () => {
    const result = running()
    const [back] = unpackResults(JSON.parse(JSON.stringify(packResults([result], BUDGET))))
    expect(back).toEqual({
      ...result,
      snapshot: {
        ...result.snapshot,
        steps: result.snapshot?.steps.map(step => ({
          ...step,
          description: '',
          estimatedTimeFrame: '',
          messages: [],
          progress: step.progress === null ? null : Math.round(step.progress)
        })),
        messages: [],
        previewLinks: [],
        liveLinks: []
      }
    })
  })

  it('fit 50 results with long histories and reasons in the budget, keeping the latest changes', () => {
    const results = Array.from({ length: 50 }, (_, i) => {
      const result = ended({ id: `offer-${i}`, reason: '✗'.repeat(4_000), outcome: 'failure' })
      for (let n = 0; n < 500; n++)
        recordChange(result, { at: START + n, text: `change ${n} ${'x'.repeat(150)}` })
      return result
    })
    const packed = packResults(results, BUDGET)
    expect(Buffer.byteLength(JSON.stringify(packed))).toBeLessThanOrEqual(BUDGET)
    const back = unpackResults(packed)
    expect(back.map(result => result.id)).toEqual(results.map(result => result.id))
    expect(back.every(result => result.outcome === 'failure' && result.changeCount === 500)).toBe(
      true
    )
  })

  it.each([
    ['results: none', []],
    ['results: not a list', 'x'],
    ['results[0].o: not an outcome', [{ ...packResults([running()], BUDGET)[0], o: 'passed' }]],
    ['results[0].i: holds a line break', [{ ...packResults([running()], BUDGET)[0], i: 'a\nb' }]],
    ['results[0].p: not a whole number', [{ ...packResults([running()], BUDGET)[0], p: -1 }]],
    ['results[0].s: not a whole number', [{ ...packResults([running()], BUDGET)[0], s: 1e20 }]],
    ['results[0].s: not a time of this wait', [{ ...packResults([running()], BUDGET)[0], s: 5 }]],
    ['results[0].h[0][1]: not text', [{ ...packResults([running()], BUDGET)[0], h: [[START, 7]] }]],
    [
      'results[0].l: longer than 200',
      [{ ...packResults([running()], BUDGET)[0], l: 'x'.repeat(201) }]
    ],
    ['results[0].e: before the start', [{ ...packResults([running()], BUDGET)[0], e: START - 1 }]]
  ])('refuse what is wrong, saying "%s"', (message, value) => {
    expect(() => unpackResults(value)).toThrow(PackedResultError)
    expect(() => unpackResults(value)).toThrow(message)
  })

  it('refuse anything else with a PackedResultError only, however huge or odd', () => {
    const base = packResults([running()], BUDGET)[0] as Record<string, unknown>
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc
            .dictionary(fc.constantFrom(...Object.keys(base)), fc.anything())
            .map(fields => [{ ...base, ...fields }]),
          fc.string({ minLength: 10_000, maxLength: 100_000 }).map(long => [{ ...base, r: long }])
        ),
        value => {
          try {
            const back = unpackResults(value)
            expect(back.every(result => !/[\n\r]/.test(result.reason + result.label))).toBe(true)
          } catch (error) {
            expect(error).toBeInstanceOf(PackedResultError)
          }
        }
      )
    )
  })

  it('bring back whatever they packed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.string(),
            label: fc.string(),
            reason: fc.string({ maxLength: 5_000 }),
            status: fc.string()
          }),
          {
            minLength: 1,
            maxLength: 50
          }
        ),
        items => {
          const results = items.map(item =>
            ended({
              ...item,
              snapshot: snapshotOf({
                status: item.status,
                steps: [stepOf({ id: item.id, status: item.status })]
              })
            })
          )
          const back = unpackResults(JSON.parse(JSON.stringify(packResults(results, BUDGET))))
          expect(back).toHaveLength(results.length)
        }
      )
    )
  })
})
