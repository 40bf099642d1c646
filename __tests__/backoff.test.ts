import { describe, expect, it } from '@jest/globals'
import { pauseBefore } from '../src/wait/backoff.js'

describe('pauseBefore', () => {
  it('doubles from interval to max-interval', () => {
    const pauses = [0, 1, 2, 3, 4, 20].map(n => pauseBefore(n, 30_000, 300_000, () => 0.5))
    expect(pauses).toEqual([30_000, 60_000, 120_000, 240_000, 300_000, 300_000])
  })

  it('jitters by up to 10% below the cap, within interval and max-interval', () => {
    expect(pauseBefore(0, 30_000, 300_000, () => 0)).toBe(30_000)
    expect(pauseBefore(0, 30_000, 300_000, () => 1)).toBe(33_000)
    expect(pauseBefore(2, 30_000, 300_000, () => 0)).toBe(108_000)
    expect(pauseBefore(3, 30_000, 300_000, () => 1)).toBe(264_000)
  })

  it('is max-interval itself at the cap, so as not to cost requests', () => {
    expect(pauseBefore(4, 30_000, 300_000, () => 0)).toBe(300_000)
    expect(pauseBefore(9, 30_000, 300_000, () => 1)).toBe(300_000)
  })

  it('does not overflow after very many attempts', () => {
    expect(pauseBefore(100_000, 1_000, 5_000, () => 0.5)).toBe(5_000)
  })
})
