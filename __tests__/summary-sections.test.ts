// The summary as a publisher reads it on day two: the timeline picture (escaped for
// Mermaid whatever the steps are called), the time of a running step against its
// estimate, the next action exactly where a person must act, no column always empty.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { renderReport, renderSummary } from '../src/report/summary.js'
import { mermaidText } from '../src/report/timeline.js'
import type { EndedResult, StepPhase } from '../src/status/result.js'
import { sameStatus } from '../src/status/statuses.js'
import { GO_LIVE_AWAITED } from '../src/wait/wait-for-status.js'
import { ended, snapshotOf, stepOf, stepWith } from './builders.js'

const START = Date.UTC(2026, 10, 30, 9, 0, 0)
const HOUR = 3_600_000
const PORTAL =
  'https://partner.microsoft.com/dashboard/commercial-marketplace/offers/7a3c5e2d-1b4f-4e8a-9c6d-0f1e2d3c4b5a/overview'

function certifying(fields: Partial<EndedResult> = {}): EndedResult {
  return ended({
    outcome: 'handed-off',
    reason: 'the offer was still Running when this run handed the wait on',
    startedAt: START,
    endedAt: START + 30 * HOUR,
    snapshot: snapshotOf({
      status: 'Running',
      steps: [
        stepOf({ id: 'validation', name: 'Validation', status: 'Complete' }),
        stepOf({
          id: 'cert',
          name: 'Certification',
          status: 'InProgress',
          progress: 40,
          estimatedTimeFrame: '~2-3 days'
        }),
        stepOf({ id: 'live', name: 'Live', status: 'NotStarted' })
      ]
    }),
    phases: [
      { step: 'Validation', status: 'InProgress', at: START, run: 41 },
      { step: 'Validation', status: 'Complete', at: START + HOUR, run: 41 },
      { step: 'Certification', status: 'InProgress', at: START + 2 * HOUR, run: 41 },
      { step: 'Live', status: 'NotStarted', at: START, run: 41 }
    ],
    ...fields
  })
}

/** The lines of the summary's mermaid block, fences left out. */
function ganttLines(markdown: string): string[] {
  const lines = markdown.split('\n')
  const from = lines.indexOf('```mermaid')
  if (from < 0) return []
  return lines.slice(from + 1, lines.indexOf('```', from + 1))
}

// Every line a chart may hold: directives the action writes, sections, and tasks that
// start with an icon and hold only plain text before their data.
const CHART_LINE =
  /^(%%\{init: \{"gantt": \{"leftPadding": 220\}\}\}%%|gantt| {2}title Phases of each step \(UTC\)| {2}dateFormat YYYY-MM-DD HH:mm:ss| {2}axisFormat [%a-zA-Z: ]+| {2}todayMarker off| {2}section [\p{L}\p{N} .()/'+-]+| {2}\S{1,2} [\p{L}\p{N} .()/'+-]+ :(done|active|milestone)(, crit)?, p\d+, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d)$/u

describe('the timeline', () => {
  it("draws each step's phases as a gantt chart above the table", () => {
    const markdown = renderSummary(certifying(), stepWith())
    const chart = ganttLines(markdown)
    expect(chart.slice(0, 6)).toEqual([
      '%%{init: {"gantt": {"leftPadding": 220}}}%%',
      'gantt',
      '  title Phases of each step (UTC)',
      '  dateFormat YYYY-MM-DD HH:mm:ss',
      '  axisFormat %b %d %H:%M',
      '  todayMarker off'
    ])
    expect(chart.slice(6)).toEqual([
      '  section Validation',
      '  🔄 InProgress :done, p0, 2026-11-30 09:00:00, 2026-11-30 10:00:00',
      '  ✅ Complete :milestone, p1, 2026-11-30 10:00:00, 2026-11-30 10:00:00',
      '  section Certification',
      '  🔄 InProgress :active, p2, 2026-11-30 11:00:00, 2026-12-01 15:00:00'
    ])
    expect(markdown.indexOf('```mermaid')).toBeLessThan(markdown.indexOf('| Certification |'))
  })

  it('names the run that saw each phase once the wait has gone from run to run', () => {
    const result = certifying()
    ;(result.phases[2] as StepPhase).run = 42
    const chart = ganttLines(renderSummary(result, stepWith()))
    expect(chart).toContain(
      '  🔄 InProgress (run 42) :active, p2, 2026-11-30 11:00:00, 2026-12-01 15:00:00'
    )
  })

  it('marks a rejection as critical, and is left out of the check run', () => {
    const result = certifying({
      outcome: 'failure',
      phases: [
        { step: 'Certification', status: 'InProgress', at: START },
        { step: 'Certification', status: 'Rejected', at: START + HOUR }
      ],
      endedAt: START + HOUR
    })
    expect(ganttLines(renderSummary(result, stepWith()))).toContain(
      '  ❌ Rejected :milestone, crit, p1, 2026-11-30 10:00:00, 2026-11-30 10:00:00'
    )
    expect(renderReport([result], stepWith(), { timeline: false })).not.toContain('mermaid')
    expect(ganttLines(renderSummary(certifying({ phases: [] }), stepWith()))).toEqual([])
  })

  it('holds nothing of Mermaid syntax or markdown, whatever the steps and statuses are called', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom(
        'section Evil',
        'click p0 href "javascript:alert(1)"',
        '%%{init: {"securityLevel": "loose"}}%%',
        'a\n```\n<img src=x onerror=alert(1)>',
        'title owned',
        'Step: one; two # three',
        'accTitle: x',
        '',
        '   '
      )
    )
    fc.assert(
      fc.property(
        fc.array(fc.record({ step: hostile, status: hostile }), { minLength: 1, maxLength: 60 }),
        named => {
          const phases = named.map((phase, index) => ({ ...phase, at: START + index * 60_000 }))
          const result = certifying({ phases, endedAt: START + 60 * 60_000 })
          const chart = ganttLines(renderSummary(result, stepWith()))
          for (const line of chart) expect(line).toMatch(CHART_LINE)
          const started = named.filter(phase => !sameStatus(phase.status, 'NotStarted'))
          expect(chart.filter(line => / :(done|active|milestone)/.test(line))).toHaveLength(
            started.length
          )
          expect(chart.filter(line => line.startsWith('  section '))).toHaveLength(
            new Set(started.map(phase => phase.step)).size
          )
        }
      ),
      { numRuns: 200 }
    )
    expect(mermaidText('x'.repeat(1_000_000))).toHaveLength(60)
    expect(mermaidText('#;:%%')).toBe('(none)')
  })

  it('keeps letters and digits of every script, ASCII or not, and nothing else', () => {
    // The definition, as one Unicode class: the action takes a shorter way for ASCII.
    const byDefinition = (text: string) =>
      text
        .slice(0, 240)
        .replace(/[^\p{L}\p{N} .()/'+-]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 60)
        .trim() || '(none)'
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary-ascii', maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 })
        ),
        text => expect(mermaidText(text)).toBe(byDefinition(text))
      ),
      { numRuns: 500 }
    )
    expect(mermaidText('Zertifizierung 2 · Prüfung')).toBe('Zertifizierung 2 Prüfung')
    expect(mermaidText('認証 ٣ (preview)')).toBe('認証 ٣ (preview)')
    expect(mermaidText('Live: 100% <b>')).toBe('Live 100 b')
  })
})

describe('the steps table', () => {
  it('shows a running step against its estimate, and when the estimate says it ends', () => {
    const markdown = renderSummary(certifying(), stepWith())
    expect(markdown).toContain('|  | Step | Status | Progress | Time |')
    expect(markdown).toContain(
      '| 🔄 | Certification | InProgress | 40% | 1d 4h of &#126;2-3 days: due 2026-12-02 11:00 to 2026-12-03 11:00 UTC |'
    )
    const late = renderSummary(certifying({ endedAt: START + 4 * 24 * HOUR }), stepWith())
    expect(late).toContain(
      '3d 22h of &#126;2-3 days: due 2026-12-02 11:00 to 2026-12-03 11:00 UTC, 22h late'
    )
  })

  it('says how long a running step has gone without an estimate', () => {
    const result = certifying()
    const steps = result.snapshot?.steps ?? []
    for (const step of steps) step.estimatedTimeFrame = ''
    expect(renderSummary(result, stepWith())).toContain(
      '| 🔄 | Certification | InProgress | 40% | 1d 4h so far, since 2026-11-30 11:00 UTC |'
    )
  })

  it("times a running step from the service's own start, where it gives one", () => {
    const result = certifying()
    const [, cert] = result.snapshot?.steps ?? []
    if (cert) Object.assign(cert, { estimatedTimeFrame: '', startedAt: START - 24 * HOUR })
    expect(renderSummary(result, stepWith())).toContain(
      '| 🔄 | Certification | InProgress | 40% | 2d 6h so far, since 2026-11-29 09:00 UTC |'
    )
    // A start after the last look is no start the wait could have seen.
    if (cert) cert.startedAt = START + 40 * HOUR
    expect(renderSummary(result, stepWith())).toContain(
      '| 1d 4h so far, since 2026-11-30 11:00 UTC |'
    )
  })

  it('leaves out a column the API never fills', () => {
    const markdown = renderSummary(
      ended({
        snapshot: snapshotOf({
          status: 'Running',
          steps: [stepOf({ id: 'preview', name: 'Preview', status: 'NotStarted' })]
        })
      }),
      stepWith()
    )
    expect(markdown).toContain(
      '|  | Step | Status |\n|---|---|---|\n| ⚪ | Preview | NotStarted |\n'
    )
  })
})

describe('the next action', () => {
  const awaiting = (fields: Partial<EndedResult>): EndedResult =>
    certifying({
      outcome: 'timeout',
      nextAction: GO_LIVE_AWAITED,
      snapshot: snapshotOf({ status: 'WaitingForPublisherReview', portalUrl: PORTAL }),
      ...fields
    })

  it('comes right under the heading where a person must act, with the offer in Partner Center', () => {
    const reason = `the offer was still WaitingForPublisherReview after 1d 6h: ${GO_LIVE_AWAITED}`
    const [heading, , next, , outcome] = renderSummary(awaiting({ reason }), stepWith()).split('\n')
    expect(heading).toMatch(/^## ⏱️ Marketplace /)
    expect(next).toBe(
      `> 👉 **Next:** The preview is ready and waits for go-live: approve the job that sends it live (&#96;publish: live&#96;), or press Go live in Partner Center. [Open the offer in Partner Center](${PORTAL}).`
    )
    // Said once: the reason below does not repeat it.
    expect(outcome).toBe(
      '**Outcome: timeout**: the offer was still WaitingForPublisherReview after 1d 6h.'
    )
  })

  it('is absent where nobody need act', () => {
    const without = awaiting({})
    delete without.nextAction
    for (const result of [without, awaiting({ outcome: 'success' })]) {
      expect(renderSummary(result, stepWith())).not.toContain('**Next:**')
    }
  })

  it('heads a report on several with the offers that wait for a person', () => {
    const report = renderReport(
      [awaiting({ label: 'offer a' }), certifying({ label: 'offer b' })],
      stepWith()
    )
    const [, , next] = report.split('\n')
    expect(next).toBe('> 👉 **Next:** offer a waits for you: see below.')
    expect(report.match(/\*\*Next:\*\*/g)).toHaveLength(2)
  })

  it('links the product in Partner Center beside its ids', () => {
    const result = ended({
      snapshot: snapshotOf({
        productId: 'product/7a3c5e2d-1b4f-4e8a-9c6d-0f1e2d3c4b5a',
        portalUrl: PORTAL
      })
    })
    expect(renderSummary(result, stepWith())).toContain(
      `**Product:** product/7a3c5e2d-1b4f-4e8a-9c6d-0f1e2d3c4b5a · [Partner Center](${PORTAL})`
    )
  })
})
