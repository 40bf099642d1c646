import { describe, expect, it } from '@jest/globals'
import { readOfferStatus } from '../src/sources/cloud-partner-portal/read-offer-status.js'
import { currentStep } from '../src/status/snapshot.js'

// The reference's example, with its missing quote before liveLinks put back.
const REFERENCE_EXAMPLE = {
  status: 'succeeded',
  messages: [],
  steps: [
    {
      estimatedTimeFrame: '< 15 min',
      id: 'displaydummycertify',
      stepName: 'Validate Pre-Requisites',
      description: 'Offer settings provided are validated.',
      status: 'complete',
      messages: [
        {
          messageHtml: 'Step completed.',
          level: 'information',
          timestamp: '2018-03-16T17:50:45.7215661Z'
        }
      ],
      progressPercentage: 100
    },
    {
      estimatedTimeFrame: '~2-3 days',
      id: 'displaycertify',
      stepName: 'Certification',
      description: 'Your offer is analyzed by our certification systems for issues.',
      status: 'notStarted',
      messages: [],
      progressPercentage: 0
    }
  ],
  previewLinks: [],
  liveLinks: [],
  notificationEmails: 'jdoe@contoso.com'
}

describe('readOfferStatus', () => {
  it('reads the reference example and spells statuses in PascalCase', () => {
    const offer = readOfferStatus(REFERENCE_EXAMPLE)
    expect(offer.status).toBe('Succeeded')
    expect(offer.steps).toEqual([
      {
        id: 'displaydummycertify',
        name: 'Validate Pre-Requisites',
        description: 'Offer settings provided are validated.',
        status: 'Complete',
        progress: 100,
        estimatedTimeFrame: '< 15 min',
        messages: [
          {
            html: 'Step completed.',
            level: 'information',
            timestamp: '2018-03-16T17:50:45.7215661Z'
          }
        ]
      },
      expect.objectContaining({ id: 'displaycertify', status: 'NotStarted', progress: 0 })
    ])
    expect(currentStep(offer)?.id).toBe('displaycertify')
  })

  it('survives missing and null fields', () => {
    const offer = readOfferStatus({ status: null, steps: null, messages: null, liveLinks: null })
    expect(offer).toEqual({
      status: '',
      steps: [],
      messages: [],
      previewLinks: [],
      liveLinks: [],
      safeLinks: [],
      productId: '',
      submissionId: ''
    })
    expect(currentStep(offer)).toBeUndefined()
  })

  it('vouches only for links on its own hosts, over https', () => {
    const own =
      'https://azuremarketplace.microsoft.com/marketplace/apps/contoso.vm?flightCodes=preview'
    const offer = readOfferStatus({
      status: 'succeeded',
      previewLinks: [own, 'http://azuremarketplace.microsoft.com/x', 'https://evil.example/x'],
      liveLinks: ['https://portal.azure.com.evil.example/x', { uri: own }]
    })
    expect(offer.safeLinks).toEqual([own])
    expect(offer.previewLinks).toHaveLength(3)
  })

  it('survives fields of the wrong type', () => {
    const offer = readOfferStatus({
      status: 3,
      steps: [null, 'x', { id: 7, status: {}, progressPercentage: 'abc', messages: 'no' }],
      previewLinks: 'https://example.com'
    })
    expect(offer.status).toBe('3')
    expect(offer.steps.map(s => [s.id, s.name, s.status, s.progress])).toEqual([
      ['step-1', 'step-1', '', null],
      ['step-2', 'step-2', '', null],
      ['7', '7', '', null]
    ])
    expect(offer.previewLinks).toEqual([])
  })

  it('carries unknown statuses through', () => {
    const offer = readOfferStatus({
      status: 'quantumPending',
      steps: [{ id: 'a', status: 'Dreaming' }]
    })
    expect(offer.status).toBe('quantumPending')
    expect(offer.steps[0]?.status).toBe('Dreaming')
  })

  it('reads progress from the misspelled field and as a numeric string, within 0-100', () => {
    const offer = readOfferStatus({
      steps: [
        { id: 'a', processPercentage: 40 },
        { id: 'b', progressPercentage: '55' },
        { id: 'c', progressPercentage: 250 },
        { id: 'd', progressPercentage: -3 }
      ]
    })
    expect(offer.steps.map(s => s.progress)).toEqual([40, 55, 100, 0])
  })

  it('keeps links as they came', () => {
    const offer = readOfferStatus({
      previewLinks: ['https://a.example'],
      liveLinks: [{ uri: 'x' }]
    })
    expect(offer.previewLinks).toEqual(['https://a.example'])
    expect(offer.liveLinks).toEqual([{ uri: 'x' }])
  })
})
