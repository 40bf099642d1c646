import { describe, expect, it } from '@jest/globals'
import {
  OFFER_STATUSES,
  STEP_STATUSES,
  displayStatus,
  isStatusIn,
  parseStatusList
} from '../src/status/statuses.js'

describe('displayStatus', () => {
  it.each([
    ['succeeded', 'Succeeded'],
    ['notStarted', 'NotStarted'],
    ['WAITINGFORPUBLISHERREVIEW', 'WaitingForPublisherReview'],
    ['in_progress', 'InProgress'],
    ['Cancelled', 'Canceled'],
    [' complete ', 'Complete']
  ])('spells %j as the reference does', (raw, shown) => {
    expect(displayStatus(raw)).toBe(shown)
  })

  it('carries an unknown status through as it came', () => {
    expect(displayStatus('pendingMagic')).toBe('pendingMagic')
    expect(displayStatus('')).toBe('')
  })
})

describe('parseStatusList', () => {
  it('splits on commas and newlines, in any case, without repeats', () => {
    expect(
      parseStatusList('succeeded,\nWaitingForPublisherReview, SUCCEEDED', OFFER_STATUSES)
    ).toEqual({
      names: ['Succeeded', 'WaitingForPublisherReview'],
      unknown: []
    })
  })

  it('reports names that are not known for the kind of status', () => {
    expect(parseStatusList('Rejected, Failed', OFFER_STATUSES)).toEqual({
      names: ['Failed'],
      unknown: ['Rejected']
    })
    expect(parseStatusList('Rejected', STEP_STATUSES).names).toEqual(['Rejected'])
  })

  it('gives an empty list for an empty input', () => {
    expect(parseStatusList(' ,\n ', OFFER_STATUSES)).toEqual({ names: [], unknown: [] })
  })
})

describe('isStatusIn', () => {
  it('compares without regard to case', () => {
    expect(isStatusIn('failed', ['Failed', 'Canceled'])).toBe(true)
    expect(isStatusIn('running', ['Failed', 'Canceled'])).toBe(false)
  })
})
