import { describe, expect, it } from '@jest/globals'
import { SUMMARY_BYTE_LIMIT, renderSummary } from '../src/report/summary.js'
import type { EndedResult, StatusChange } from '../src/status/result.js'
import type { Snapshot } from '../src/status/snapshot.js'
import { ended, snapshotOf, stepOf, stepWith } from './builders.js'

const START = Date.UTC(2026, 0, 1, 12, 0, 0)

function summaryOf(
  snapshot: Snapshot | undefined,
  { changes = [], ...fields }: Partial<EndedResult> & { changes?: StatusChange[] } = {}
): string {
  return renderSummary(
    ended({
      changes,
      outcome: 'success',
      reason: 'the offer reached Succeeded',
      snapshot,
      polls: 12,
      startedAt: START,
      endedAt: START + 754_000,
      ...fields
    }),
    stepWith()
  )
}

describe('renderSummary', () => {
  it('shows the offer, the outcome, a table of steps, the changes and the counts', () => {
    const markdown = summaryOf(
      snapshotOf({
        status: 'Succeeded',
        steps: [
          stepOf({
            id: 'cert',
            name: 'Certification',
            status: 'Complete',
            progress: 100,
            estimatedTimeFrame: '~2-3 days',
            messages: [
              { html: 'Started', level: 'information', timestamp: '' },
              { html: 'Scan slow', level: 'warning', timestamp: '' }
            ]
          }),
          stepOf({ id: 'live', name: 'Live', status: 'NotStarted' })
        ]
      }),
      { changes: [{ at: START + 60_000, text: 'Offer status: Succeeded' }] }
    )
    expect(markdown).toContain('## ✅ Marketplace offer contoso/contoso-vm: Succeeded')
    expect(markdown).toContain('**Outcome: success**: the offer reached Succeeded.')
    expect(markdown).toContain(
      '| ✅ | Certification | Complete | 100% | &#126;2-3 days | warning: Scan slow |'
    )
    expect(markdown).toContain('| ⚪ | Live | NotStarted |  |  |  |')
    expect(markdown).toContain('| 2026-01-01 12:01:00 | Offer status: Succeeded |')
    expect(markdown).toContain(
      '12 polls in 12m 34s · target: Succeeded · ended 2026-01-01 12:12:34 UTC'
    )
  })

  it('says so when no status was read', () => {
    const markdown = summaryOf(undefined, { outcome: 'error', reason: 'bad input' })
    expect(markdown).toContain('## ⚠️ Marketplace offer contoso/contoso-vm\n')
    expect(markdown).toContain('No status was read.')
  })

  it('escapes server text so that no markup, HTML, link or cell break gets through', () => {
    const markdown = summaryOf(
      snapshotOf({
        status: 'running',
        steps: [
          stepOf({
            id: 'x',
            name: '<img src=x onerror=alert(1)> | **bold** [link](https://evil.example) @team',
            status: '<script>',
            messages: [
              {
                html: '<a href="javascript:x">click</a> `code` ~strike~ www.evil.example',
                level: '',
                timestamp: ''
              }
            ]
          })
        ]
      })
    )
    const row = markdown.split('\n').find(line => line.startsWith('| ❔')) ?? ''
    // Icon, step, status and message: no progress or estimate was sent, so no column.
    expect(row.match(/\|/g)).toHaveLength(5)
    for (const unsafe of [
      '<img',
      '<script',
      '**',
      '[link]',
      '(https://',
      '`',
      '~',
      '@team',
      'www.evil',
      'javascript'
    ]) {
      expect(row).not.toContain(unsafe)
    }
    expect(row).toContain('click')
  })

  it('makes a link clickable only where the API vouches for it, the rest inert text', () => {
    const own =
      'https://azuremarketplace.microsoft.com/marketplace/apps/contoso.vm?tab=Overview&preview=1 2'
    const markdown = renderSummary(
      ended({
        snapshot: snapshotOf({
          status: 'Succeeded',
          previewLinks: [own, 'https://example.com/a b'],
          liveLinks: ['javascript:alert(1)'],
          safeLinks: [own],
          steps: [
            stepOf({
              id: 'cert',
              name: 'Certification',
              status: 'Rejected',
              messages: [
                {
                  html: 'Certification report Failed',
                  level: 'error',
                  timestamp: '',
                  link: 'https://contoso.blob.core.windows.net/reports/r.pdf'
                }
              ]
            })
          ]
        })
      }),
      stepWith()
    )
    expect(markdown).toContain(
      '**Preview links:** [https&#58;//azuremarketplace.microsoft.com/marketplace/apps/contoso.vm?tab=Overview&#38;preview=1%202](https://azuremarketplace.microsoft.com/marketplace/apps/contoso.vm?tab=Overview&preview=1%202) · https&#58;//example.com/a b'
    )
    expect(markdown).toContain('**Live links:** javascript:alert(1)')
    expect(markdown).toContain(
      '| ❌ | Certification | Rejected | error: Certification report Failed | ([link](https://contoso.blob.core.windows.net/reports/r.pdf))'.replace(
        ' | (',
        ' ('
      )
    )
    expect(markdown).toContain(
      '**Links:** [Certification report Failed](https://contoso.blob.core.windows.net/reports/r.pdf)'
    )
  })

  it('stays under the job summary limit however large the response', () => {
    const huge = 'x|<'.repeat(100_000)
    const steps = Array.from({ length: 5_000 }, (_, i) =>
      stepOf({
        id: `s${i}`,
        name: huge,
        status: huge,
        estimatedTimeFrame: huge,
        messages: [{ html: huge, level: '', timestamp: '' }]
      })
    )
    const changes = Array.from({ length: 10_000 }, (_, i) => ({ at: START + i, text: huge }))
    const markdown = summaryOf(
      snapshotOf({ status: huge, steps, previewLinks: Array(1_000).fill(huge) }),
      { changes }
    )
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_BYTE_LIMIT)
    expect(markdown).toContain('4900 more steps not shown')
    expect(markdown).toContain('9900 earlier changes not shown')
  })
})
