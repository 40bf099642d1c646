import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { isoTime } from '../src/utc-time.js'

describe('isoTime', () => {
  it('writes every time as Date#toISOString does', () => {
    const everyTime = fc.integer({ min: -8.64e15, max: 8.64e15 })
    const ourCentury = fc.integer({ min: Date.UTC(1990, 0), max: Date.UTC(2100, 0) })
    fc.assert(
      fc.property(
        fc.oneof(everyTime, ourCentury, fc.double({ min: -1e13, max: 1e13, noNaN: true })),
        ms => expect(isoTime(ms)).toBe(new Date(ms).toISOString())
      ),
      { numRuns: 2_000 }
    )
    expect(isoTime(Date.UTC(2026, 11, 5, 3, 4, 24, 7))).toBe('2026-12-05T03:04:24.007Z')
    expect(isoTime(-1)).toBe('1969-12-31T23:59:59.999Z')
    expect(isoTime(Date.UTC(10_000, 0))).toBe('+010000-01-01T00:00:00.000Z')
    expect(() => isoTime(NaN)).toThrow(RangeError)
  })
})
