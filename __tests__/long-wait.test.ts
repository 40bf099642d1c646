// What a long wait shows beside its status: a long quiet told once, the time of each
// step in each phase, and the runs of a wait handed from run to run.
import { describe, expect, it } from '@jest/globals'
import type { Log } from '../src/report/log.js'
import { annotationBudget, ProgressLog } from '../src/report/progress-log.js'
import { renderSummary } from '../src/report/summary.js'
import { recordLook } from '../src/status/result.js'
import { ended, okLook, snapshotOf, START, stepOf, stepWith, waiting } from './builders.js'

const HOUR = 3_600_000
const certifying = (estimate: string, progress = 40) =>
  okLook(
    snapshotOf({
      status: 'Running',
      steps: [
        stepOf({
          id: 'cert',
          name: 'Certification',
          status: 'InProgress',
          progress,
          estimatedTimeFrame: estimate
        })
      ]
    })
  )

function watch(estimate: string) {
  const warnings: string[] = []
  const logger: Log = {
    info: () => undefined,
    warning: m => void warnings.push(m),
    error: () => undefined,
    setFailed: () => undefined
  }
  const result = waiting({ startedAt: START })
  const log = new ProgressLog(logger, result, { subject: 'Offer', annotations: annotationBudget() })
  const see = (hours: number, progress = 40) => {
    const look = certifying(estimate, progress)
    recordLook(result, look, START + hours * HOUR)
    log.observe(look, START + hours * HOUR)
  }
  return { warnings, result, see }
}

describe('a long quiet', () => {
  it('is told once, after 12 hours without a change', () => {
    const { warnings, see } = watch('< 1 hour')
    for (let hours = 0; hours <= 30; hours++) see(hours)
    expect(warnings).toEqual([
      'Nothing has moved (status, step or progress) since 2026-01-01T00:00:00.000Z, 12h ago: publishing may have stalled; Partner Center support can say why.'
    ])
  })

  it('waits three times the running step estimate when that is longer', () => {
    const { warnings, see } = watch('~2-3 days')
    see(0)
    see(8 * 24)
    expect(warnings).toEqual([])
    see(9 * 24)
    expect(warnings).toHaveLength(1)
  })

  it('counts from the last change, and the summary says since when', () => {
    const { warnings, result, see } = watch('< 1 hour')
    see(0)
    see(10, 60) // progress moved
    see(21, 60)
    expect(warnings).toEqual([])
    see(22, 60)
    expect(warnings).toHaveLength(1)
    const markdown = renderSummary({ ...result, outcome: 'handed-off' }, stepWith())
    expect(markdown).toContain('**Nothing has moved since 2026-01-01 10:00:00 UTC** (12h)')
    expect(
      renderSummary(ended({ ...result, outcome: 'success' }), stepWith({ targetStatuses: [] }))
    ).not.toContain('Nothing has moved')
  })
})

describe('the time of each phase', () => {
  it('shows how long each step was in each status, the last so far', () => {
    const result = waiting({ startedAt: START })
    const at = (hours: number, status: string) =>
      recordLook(
        result,
        okLook(
          snapshotOf({
            status: 'Running',
            steps: [stepOf({ id: 'cert', name: 'Certification', status })]
          })
        ),
        START + hours * HOUR
      )
    at(0, 'NotStarted')
    at(1, 'InProgress')
    at(1.5, 'InProgress')
    at(26, 'Complete')
    expect(result.phases).toHaveLength(3)
    expect(
      renderSummary(
        ended({ ...result, outcome: 'failure', endedAt: START + 30 * HOUR }),
        stepWith({ targetStatuses: [] })
      )
    ).toContain('| Certification | NotStarted 1h → InProgress 1d 1h → Complete |')
    at(27, 'Rejected')
    expect(
      renderSummary(
        ended({ ...result, outcome: 'failure', endedAt: START + 30 * HOUR }),
        stepWith({ targetStatuses: [] })
      )
    ).toContain('→ Complete 1h → Rejected 3h so far |')
  })
})

describe('the runs of a wait handed on', () => {
  it('are linked at the end of the summary, with the count when some are not listed', () => {
    const markdown = renderSummary(
      ended({ outcome: 'handed-off' }),
      stepWith({
        chain: {
          runs: [
            { number: 1, url: 'https://github.com/contoso/offers/actions/runs/11' },
            { number: 40, url: 'https://github.com/contoso/offers/actions/runs/4040' }
          ],
          runCount: 30,
          nextRunUrl: 'https://github.com/contoso/offers/actions/runs/4141'
        }
      })
    )
    expect(markdown).toContain(
      '**The wait goes on in [the next run](https://github.com/contoso/offers/actions/runs/4141).**'
    )
    expect(markdown).toContain(
      'runs of this wait: [#1](https://github.com/contoso/offers/actions/runs/11) · [#40](https://github.com/contoso/offers/actions/runs/4040) (30 runs)'
    )
  })
})
