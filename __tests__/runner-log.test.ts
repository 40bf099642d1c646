// The demo shows the action's stdout as the runner's log would: no workflow command
// shows raw, escapes are undone, masks and debug lines are hidden.
import { describe, expect, it } from '@jest/globals'
import { runnerLogLine } from '../scripts/runner-log.js'

describe('runnerLogLine', () => {
  it('shows an annotation with its title and message unescaped', () => {
    expect(
      runnerLogLine(
        '::error title=Publishing%3A offer contoso-vm-rhel%3A Offer::Certification failed%0Aline two 100%25'
      )
    ).toBe('Error (Publishing: offer contoso-vm-rhel: Offer): Certification failed\nline two 100%')
  })

  it('shows warnings and notices by level, and an annotation without title', () => {
    expect(runnerLogLine('::warning file=a.ts,line=3::careful')).toBe('Warning: careful')
    expect(runnerLogLine('::notice title=Next%2C then::approve')).toBe(
      'Notice (Next, then): approve'
    )
    expect(runnerLogLine('::error::failure: 2 of 4')).toBe('Error: failure: 2 of 4')
  })

  it('hides what the runner acts on without showing', () => {
    for (const line of ['::add-mask::secret', '::debug::detail', '::endgroup::'])
      expect(runnerLogLine(line)).toBeUndefined()
    expect(runnerLogLine('::group::Offer a')).toBe('▸ Offer a')
  })

  it('shows other lines as they are', () => {
    for (const line of ['offer a: Step Preview: InProgress', ':: not a command', ''])
      expect(runnerLogLine(line)).toBe(line)
  })
})
