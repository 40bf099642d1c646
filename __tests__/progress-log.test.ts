import { describe, expect, it } from '@jest/globals'
import { okLook, snapshotOf, stepOf, waiting } from './builders.js'
import type { StatusMessage } from '../src/status/snapshot.js'
import type { Look } from '../src/status/source.js'
import type { Log } from '../src/report/log.js'
import { annotationBudget, ProgressLog } from '../src/report/progress-log.js'

function recorder() {
  const lines: string[] = []
  const logger: Log = {
    info: message => lines.push(`info ${message}`),
    warning: (message, props) => lines.push(`warning [${props?.title}] ${message}`),
    error: (message, props) => lines.push(`error [${props?.title}] ${message}`),
    setFailed: message => lines.push(`failed ${message}`)
  }
  return { lines, logger }
}

const running = (progress: number, messages: StatusMessage[] = []) =>
  okLook(
    snapshotOf({
      status: 'Running',
      steps: [
        stepOf({ id: 'pre', name: 'Validate', status: 'Complete' }),
        stepOf({ id: 'cert', name: 'Certification', status: 'InProgress', progress, messages }),
        stepOf({ id: 'live', name: 'Live', status: 'NotStarted' })
      ]
    })
  )

describe('ProgressLog', () => {
  it('logs one line per change, not per poll', () => {
    const { lines, logger } = recorder()
    const result = waiting()
    const log = new ProgressLog(logger, result, {
      subject: 'Offer',
      annotations: annotationBudget()
    })
    log.observe(running(10), 1)
    log.observe(running(10), 2)
    log.observe(running(10), 3)
    log.observe(running(40), 4)
    log.observe(okLook(snapshotOf({ status: 'Succeeded' })), 5)
    expect(lines).toEqual([
      'info Offer status: Running',
      'info Step Validate: Complete',
      'info Step Certification: InProgress 10%',
      'info Step Certification: InProgress 40%',
      'info Offer status: Succeeded'
    ])
    expect(result.changes.map(c => c.at)).toEqual([1, 1, 1, 4, 5])
  })

  it('logs trouble once when it starts and once when it ends', () => {
    const { lines, logger } = recorder()
    const log = new ProgressLog(logger, waiting(), {
      subject: 'Offer',
      annotations: annotationBudget()
    })
    const trouble: Look = { kind: 'transient', problem: 'answered 503' }
    log.observe(trouble, 1)
    log.observe(trouble, 2)
    log.observe({ kind: 'transient', problem: 'answered 429' }, 3)
    log.observe(running(10), 4)
    expect(lines.slice(0, 4)).toEqual([
      'info Will retry: answered 503 (trouble that passes; the wait goes on)',
      'info Will retry: answered 429 (trouble that passes; the wait goes on)',
      'info The status endpoint answers again.',
      'info Offer status: Running'
    ])
  })

  it('turns warning and error messages into annotations, once each, as plain text', () => {
    const { lines, logger } = recorder()
    const log = new ProgressLog(logger, waiting(), {
      subject: 'Offer',
      annotations: annotationBudget()
    })
    const messages = [
      { html: 'All good', level: 'information', timestamp: 't1' },
      { html: 'Scan <b>slow</b>\n::error::injected', level: 'warning', timestamp: 't2' },
      { html: 'Image rejected', level: 'error', timestamp: 't3' }
    ]
    log.observe(running(10, messages), 1)
    log.observe(running(20, messages), 2)
    const annotations = lines.filter(line => !line.startsWith('info'))
    expect(annotations).toEqual([
      'warning [Publishing: Certification] Scan slow ::error::injected',
      'error [Publishing: Certification] Image rejected'
    ])
  })

  it('keeps server text on one line so it cannot start a workflow command', () => {
    const { lines, logger } = recorder()
    new ProgressLog(logger, waiting(), {
      subject: 'Offer',
      annotations: annotationBudget()
    }).observe(okLook(snapshotOf({ status: 'running\n::set-output name=x::y' })), 1)
    expect(lines).toEqual(['info Offer status: running ::set-output name=x::y'])
  })
})
