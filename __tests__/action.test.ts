// The action as the runner starts it (every INPUT_*, action.yml's defaults included,
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH), run() in this process on the
// simulator in virtual time. bundle.e2e.test.ts runs dist/index.js itself.
import { describe, expect, it } from '@jest/globals'
import type { Phase, Scenario } from '../simulator/scenario.js'
import type { Simulator } from '../simulator/server.js'
import { virtualTimeForEachTest, type VirtualTime } from './in-process.js'
import { actionOutputNames, type ActionRun } from '../scripts/run-action.js'

const TOKEN = 'e2e-secret-token-5f1c'
const FAST = { interval: '1s', 'max-interval': '2s', 'request-timeout': '5s' }
let time!: VirtualTime
virtualTimeForEachTest(fresh => (time = fresh))

async function serve(timeline: Phase[], extra: Partial<Scenario> = {}): Promise<Simulator> {
  return time.serve({
    token: TOKEN,
    publisherId: 'contoso',
    offerId: 'contoso-vm',
    timeline,
    ...extra
  })
}

function inputs(sim: Simulator, more: Record<string, string> = {}): Record<string, string> {
  return {
    'publisher-id': 'contoso',
    'offer-id': 'contoso-vm',
    token: TOKEN,
    'base-url': sim.url,
    ...FAST,
    ...more
  }
}

function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter(line => line.startsWith('::error::'))
}

describe('the action', () => {
  it('waits for a publish to succeed: exit 0, outputs and a summary', async () => {
    const sim = await serve([
      {
        status: 'running',
        steps: {
          displaydummycertify: 'complete',
          displaycertify: { status: 'inProgress', progress: 50 }
        }
      },
      {
        status: 'succeeded',
        steps: { '*': 'complete' },
        liveLinks: ['https://azuremarketplace.microsoft.com/x']
      }
    ])
    const run = await time.run({ inputs: inputs(sim) })
    expect(run.exitCode).toBe(0)
    expect(Object.keys(run.outputs).sort()).toEqual(await actionOutputNames())
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      status: 'Succeeded',
      'current-step': '',
      polls: '2',
      'live-links': '["https://azuremarketplace.microsoft.com/x"]'
    })
    expect(JSON.parse(run.outputs.steps ?? '')).toHaveLength(6)
    expect(run.summary).toContain('## ✅ Marketplace offer contoso/contoso-vm: Succeeded')
    expect(run.summary).toContain('| ✅ | Certification | Complete | 100% |')
    expect(run.summary).toContain('Step Certification: InProgress 50%')
    expect(run.stdout).toContain('Offer status: Running\n')
    expect(run.stdout).toContain('Result: success: the offer reached Succeeded (2 polls')
    expect(errorLines(run)).toEqual([])
  })

  it('fails the step at once when a step is rejected, with an annotation of its message', async () => {
    const sim = await serve([
      {
        status: 'running',
        steps: {
          displaycertify: {
            status: 'rejected',
            messages: [{ level: 'error', text: 'Image <b>failed</b> the scan' }]
          }
        }
      }
    ])
    const run = await time.run({ inputs: inputs(sim, { timeout: '10m' }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({
      outcome: 'failure',
      status: 'Running',
      'current-step': 'displaydummycertify',
      polls: '1'
    })
    expect(run.stdout).toContain('::error title=Publishing%3A Certification::Image failed the scan')
    expect(errorLines(run)).toEqual([
      '::error::failure: step "Certification" is Rejected: Image failed the scan (1 poll in 0s)'
    ])
    expect(run.summary).toContain('## ❌ Marketplace offer contoso/contoso-vm: Running')
    expect(run.summary).toContain('| ❌ | Certification | Rejected |')
  })

  it('fails the step on a fail-on-status', async () => {
    const sim = await serve([{ status: 'running' }, { status: 'failed' }])
    const run = await time.run({ inputs: inputs(sim) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'failure', status: 'Failed', polls: '2' })
    expect(errorLines(run)[0]).toMatch(/^::error::failure: the offer status is Failed/)
  })

  it('times out, failing the step by default', async () => {
    const sim = await serve([{ status: 'running', steps: { displaydummycertify: 'inProgress' } }])
    const started = time.clock.now()
    const run = await time.run({ inputs: inputs(sim, { timeout: '2s' }) })
    expect(time.clock.now() - started).toBeLessThan(2_000 + 5_000)
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({
      outcome: 'timeout',
      status: 'Running',
      'current-step': 'displaydummycertify'
    })
    expect(Number(run.outputs.polls)).toBeGreaterThanOrEqual(2)
    expect(errorLines(run)[0]).toMatch(/^::error::timeout: the offer was still Running after 2s/)
    expect(run.summary).toContain('## ⏱️ Marketplace offer')
  })

  it('times out without failing the step when fail-on-timeout is false', async () => {
    const sim = await serve([{ status: 'running' }])
    const run = await time.run({
      inputs: inputs(sim, { timeout: '0', 'fail-on-timeout': 'false' })
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ outcome: 'timeout', status: 'Running', polls: '1' })
    expect(errorLines(run)).toEqual([])
    expect(sim.requests).toHaveLength(1)
  })

  it('retries throttling, an HTML error page and a dropped connection, then succeeds', async () => {
    const sim = await serve([
      { status: 'running' },
      { fault: 429, retryAfter: 1 },
      { fault: 'html' },
      { fault: 'reset' },
      { status: 'succeeded' }
    ])
    const run = await time.run({ inputs: inputs(sim, { 'max-interval': '1s' }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ outcome: 'success', polls: '5' })
    expect(run.stdout).toContain(
      'Will retry: the Cloud Partner Portal answered 429 Too Many Requests'
    )
    expect(run.stdout).toContain(
      'Will retry: the Cloud Partner Portal answered 502 Bad Gateway: "502 Bad Gateway 502 Bad Gateway'
    )
    expect(run.stdout).toContain('Will retry: connection problem')
  })

  it.each([
    [400, /answered 400 Bad Request: BadRequest: The request is malformed\./],
    [
      401,
      /answered 401 Unauthorized: the token is expired or lacks rights \(it must be an Entra ID token for https:\/\/cloudpartner\.azure\.com\): Unauthorized: The access token is missing, invalid or expired\./
    ],
    [403, /answered 403 Forbidden: the token lacks rights to this publisher: Forbidden: /],
    [404, /answered 404 Not Found: NotFound: The offer does not exist\./]
  ])('ends with error at once on %d, with the server own message', async (code, message) => {
    const sim = await serve([{ fault: code }])
    const run = await time.run({ inputs: inputs(sim) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'error', status: '', steps: '[]', polls: '1' })
    expect(errorLines(run)).toHaveLength(1)
    expect(errorLines(run)[0]).toMatch(message)
    expect(run.summary).toContain('No status was read.')
  })

  it('ends with error on a body that is not JSON, quoting what came back', async () => {
    const sim = await serve([{ fault: 'malformed' }])
    const run = await time.run({ inputs: inputs(sim) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'error', polls: '1' })
    expect(errorLines(run)[0]).toMatch(
      /answered 200 OK with a body that is not JSON \(.+\): "\{ "status": "running"/
    )
    expect(run.summary).toMatch(/Outcome: error\*\*: .*not JSON/)
  })

  it.each([
    [{ timeout: 'abc' }, "Input 'timeout' is not a duration"],
    [{ 'offer-id': 'a/../b' }, "Input 'offer-id' must be a plain id"],
    [{ 'offer-id': 'vm\rx' }, "Input 'offer-id' contains a control character"],
    [{ 'target-status': 'Done' }, 'Input \'target-status\' has unknown status "Done"'],
    [
      { interval: '5m', 'max-interval': '1m' },
      "Input 'max-interval' (1m) is shorter than 'interval' (5m)"
    ],
    [{ 'base-url': 'http://cloudpartner.azure.com' }, "Input 'base-url' must use https"],
    [{ token: '' }, "Input 'token' is empty and nothing else was given: sign in one way"]
  ])('rejects bad input %j with one line naming it, before any request', async (bad, message) => {
    const sim = await serve([{ status: 'succeeded' }])
    const run = await time.run({ inputs: { ...inputs(sim), ...bad } })
    expect(run.exitCode).toBe(1)
    expect(sim.requests).toHaveLength(0)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`::error::${message}`)
    expect(Object.keys(run.outputs).sort()).toEqual(await actionOutputNames())
    expect(run.outputs).toMatchObject({ outcome: 'error', status: '', polls: '0' })
    expect(run.summary).toContain(message)
  })

  it('writes no summary when summary is false', async () => {
    const sim = await serve([{ status: 'succeeded' }])
    const run = await time.run({ inputs: inputs(sim, { summary: 'false' }) })
    expect(run.exitCode).toBe(0)
    expect(run.summary).toBe('')
  })

  it('reads summary the same way when the other inputs are bad', async () => {
    const sim = await serve([{ status: 'succeeded' }])
    const run = await time.run({ inputs: inputs(sim, { summary: 'no', timeout: 'abc' }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('error')
    expect(run.summary).toBe('')
  })
})
