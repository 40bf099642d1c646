import { describe, expect, it } from '@jest/globals'
import { formatDuration, parseDuration } from '../src/inputs/duration.js'

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1h 30m', 5_400_000],
    ['1d', 86_400_000],
    ['45', 45_000],
    ['0', 0],
    ['0s', 0],
    ['1.5m', 90_000],
    [' 2H ', 7_200_000]
  ])('reads %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['', 'abc', '-5', '5x', 'm', '1h-30m', '1e3', '0x10', 'Infinity', '5 minutes'])(
    'refuses %j',
    text => {
      expect(parseDuration(text)).toBeUndefined()
    }
  )
})

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45_000, '45s'],
    [90_000, '1m 30s'],
    [7_260_000, '2h 1m'],
    [7_261_000, '2h 1m'],
    [90_000_000, '1d 1h']
  ])('writes %d ms as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})
