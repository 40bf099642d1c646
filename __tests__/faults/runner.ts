// The fault catalogue's rows: The runner: cancellation, outputs, and inputs.
import {
  SUCCEEDED,
  EVERY_API,
  STATUS_BODIES,
  FIFTY_JOBS,
  cancelled,
  type FaultCase
} from './case.js'

export const RUNNER: FaultCase[] = [
  {
    fault: '`fail-on-status` and `fail-on-step-status` given empty',
    does: 'fails on none: empty means empty, not the default',
    apis: STATUS_BODIES,
    outcome: 'success',
    exitCode: 0,
    inputs: { 'fail-on-status': '', 'fail-on-step-status': '', 'target-status': 'Canceled' },
    timeline: [
      { status: 'running', steps: { displaycertify: 'rejected' }, job: { status: 'running' } },
      { status: 'canceled', job: { status: 'completed', result: 'cancelled' } }
    ]
  },
  {
    fault: 'a `GITHUB_OUTPUT` that cannot be written (a directory)',
    does: 'fails the step with one line that says so; the summary is still written',
    outcome: 'success',
    exitCode: 1,
    brokenOutputs: true,
    timeline: [SUCCEEDED],
    check: (run, _, expect) => {
      expect(run.stdout).toMatch(/^::error::Could not write the outputs \(GITHUB_OUTPUT\): EISDIR/m)
      expect(run.stdout.split('\n').every(line => line.length < 500)).toBe(true)
    }
  },
  {
    fault: 'an id `.` or `..`',
    does: 'refuses it as input, before any request',
    apis: EVERY_API,
    outcome: 'error',
    exitCode: 1,
    inputs: { 'offer-id': '.' },
    timeline: [SUCCEEDED],
    check: (run, sim, expect) => {
      expect(run.stdout).toMatch(/::error::Input '(offer|job)-id' must be a plain id/)
      expect(sim.requests).toHaveLength(0)
    }
  },
  cancelled('SIGINT', 'a request', 'Waiting for offer', {
    timeline: [{ fault: 'hang' }],
    inputs: { 'request-timeout': '1m' }
  }),
  cancelled('SIGTERM', 'a request', 'Waiting for offer', {
    timeline: [{ fault: 'hang' }],
    inputs: { 'request-timeout': '1m' }
  }),
  cancelled('SIGINT', 'a pause', 'Offer status: Running', {
    inputs: { interval: '1m', 'max-interval': '2m' }
  }),
  cancelled('SIGTERM', 'a pause', 'Offer status: Running', {
    inputs: { interval: '1m', 'max-interval': '2m' }
  }),
  cancelled('SIGINT', 'sign-in', 'Waiting for offer', {
    entra: { clientSecret: 'fault-secret', errors: [{ hang: true }] },
    inputs: { 'client-secret': 'fault-secret', 'request-timeout': '1m' }
  }),
  cancelled('SIGTERM', 'sign-in', 'Waiting for offer', {
    entra: { clientSecret: 'fault-secret', errors: [{ hang: true }] },
    inputs: { 'client-secret': 'fault-secret', 'request-timeout': '1m' }
  }),
  {
    fault: '`offers` of 50 jobs that each failed with a long message',
    does: 'keeps every entry in `offers`, shortening the reasons to fit',
    apis: ['product-ingestion'],
    outcome: 'failure',
    exitCode: 1,
    inputs: { 'job-id': FIFTY_JOBS.join(',') },
    scenario: {
      jobs: Object.fromEntries(
        FIFTY_JOBS.map(id => [
          id,
          [
            {
              job: {
                status: 'completed',
                result: 'failed',
                errors: [{ code: 'conflict', message: '✗'.repeat(3_000) }]
              }
            }
          ]
        ])
      )
    },
    timeline: [],
    check: (run, _, expect) => {
      const offers = JSON.parse(run.outputs.offers ?? '[]') as { id: string; outcome: string }[]
      expect(offers.map(offer => offer.id.slice(0, 6))).toEqual(
        FIFTY_JOBS.map(id => id.slice(0, 6))
      )
      expect(offers.every(offer => offer.outcome === 'failure')).toBe(true)
    }
  },
  {
    fault: 'ids that differ only in case (`contoso-vm, Contoso-VM`)',
    does: 'refuses them before any request: the APIs read them as one offer',
    outcome: 'error',
    exitCode: 1,
    inputs: { 'offer-id': 'contoso-vm, Contoso-VM' },
    timeline: [SUCCEEDED],
    check: (run, sim, expect) => {
      expect(run.stdout).toMatch(/Input 'offer-id' lists "Contoso-VM" twice/)
      expect(sim.requests).toHaveLength(0)
    }
  },
  {
    fault: '`timeout: 1h1h`',
    does: 'refuses a duration that names a unit twice, before any request',
    outcome: 'error',
    exitCode: 1,
    inputs: { timeout: '1h1h' },
    timeline: [SUCCEEDED],
    check: (run, sim, expect) => {
      expect(run.stdout).toMatch(/Input 'timeout' is not a duration: "1h1h"/)
      expect(sim.requests).toHaveLength(0)
    }
  }
]
