// The fault catalogue: every fault we can name, what the action does about it, and the
// end-to-end test that shows it (faults-N.e2e.test.ts run the rows; docs/faults.md is
// this table, written by `npm run faults:doc`).
import type { expect as jestExpect } from '@jest/globals'
import type { EntraSpec, GitHubSpec, Phase, Scenario } from '../simulator/scenario.js'
import type { Simulator } from '../simulator/server.js'
import type { ActionRun } from '../scripts/run-action.js'

export type Api = NonNullable<Scenario['api']>

export interface FaultCase {
  fault: string
  /** What the action does, for the table. */
  does: string
  /** The APIs the row runs on; the Cloud Partner Portal alone when absent. */
  apis?: Api[]
  outcome: 'success' | 'failure' | 'timeout' | 'error'
  exitCode: 0 | 1
  timeline: Phase[]
  entra?: Partial<EntraSpec>
  /** Sign in with GitHub OIDC (the app without a secret). */
  oidc?: boolean
  /** The token input, when not the catalogue's own. */
  token?: string
  /** Show the wait as a check run against this simulated GitHub API. */
  github?: GitHubSpec
  /** Serve the simulator on this loopback address. */
  host?: '::1'
  /** GITHUB_OUTPUT names a directory: no output can be written. */
  brokenOutputs?: boolean
  /**
   * Every service behind a forward proxy (HTTPS_PROXY), on https host names under `.test`;
   * NO_PROXY names Entra ID's.
   */
  proxy?: boolean
  /** With `proxy`: NO_PROXY, when not Entra ID's host alone. */
  noProxy?: string
  /** With `proxy`: the proxy answers every CONNECT with this status. */
  proxyRefuses?: number
  /** More of the simulated scenario: several offers or jobs, product lists, paging. */
  scenario?: Partial<Scenario>
  /** The simulator's clock runs this far ahead of the runner's. */
  clockAheadMs?: number
  inputs?: Record<string, string>
  /** Point base-url at a closed port, or at a host name that does not resolve. */
  baseUrl?: 'closed-port' | 'unknown-host'
  /** Send this signal once stdout shows `after`. */
  signal?: { name: 'SIGINT' | 'SIGTERM'; after: string; wait?: number }
  /** More that the run must show (`expect` comes from the test: this file loads outside jest too). */
  check?: (run: ActionRun, sim: Simulator, expect: typeof jestExpect) => void
}

// The same moments on both APIs: each simulated API reads its own part.
const RUNNING: Phase = {
  status: 'running',
  steps: { displaycertify: 'inProgress' },
  job: { status: 'running' },
  appSource: { state: 'InProgress', substate: 'Submitted' }
}
const SUCCEEDED: Phase = {
  status: 'succeeded',
  steps: { '*': 'complete' },
  job: { status: 'completed', result: 'succeeded' },
  appSource: { state: 'Published', substate: 'InStore' }
}
const EVERY_API: Api[] = ['cloud-partner-portal', 'product-ingestion', 'partner-center']
const API_TITLES: Record<Api, string> = {
  'cloud-partner-portal': 'Cloud Partner Portal',
  'product-ingestion': 'Product Ingestion API',
  'partner-center': 'Partner Center ingestion API'
}
const apisOf = (row: FaultCase): string =>
  row.apis === EVERY_API
    ? 'all three'
    : (row.apis ?? ['cloud-partner-portal']).map(api => API_TITLES[api]).join(', ')
// Rows whose bodies are written in the shapes of these two APIs.
const STATUS_BODIES: Api[] = ['cloud-partner-portal', 'product-ingestion']
// The host names of the proxy rows, all served by the simulator behind the proxy.
export const PROXIED_HOSTS = {
  api: 'api.marketplace.test',
  login: 'login.marketplace.test',
  github: 'github.marketplace.test'
}
// Long ids and long messages: together more than the `offers` output's bound.
const FIFTY_JOBS = Array.from(
  { length: 50 },
  (_, i) => `job-${String(i + 1).padStart(2, '0')}-${'✗'.repeat(800)}`
)
// What no person should find in a log, summary or output: zero-width, bidi, ESC, NUL.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSEEN = new RegExp('[\\u200b\\u202e\\u001b\\u0000]')
// A look's first request: a status, or (Partner Center) a product's submission list.
const statusRequests = (sim: Simulator) =>
  sim.requests.filter(r => r.url.includes('/status') || /\/submissions(\?|$)/.test(r.url))
const gapMs = (sim: Simulator, from: number) => {
  const [a, b] = statusRequests(sim).slice(from, from + 2)
  return (b?.at ?? 0) - (a?.at ?? 0)
}
const retried = (
  fault: string,
  phase: Phase,
  log: string | RegExp,
  does = 'retries within the deadline; the wait goes on'
): FaultCase => ({
  fault,
  does,
  apis: EVERY_API,
  outcome: 'success',
  exitCode: 0,
  timeline: [RUNNING, phase, SUCCEEDED],
  check: (run, _, expect) => expect(run.stdout).toMatch(log)
})

const finalError = (code: number, log: RegExp): FaultCase => ({
  fault: `${code}`,
  does: "ends with `error` at once, quoting the server's code and message",
  outcome: 'error',
  exitCode: 1,
  timeline: [RUNNING, { fault: code }],
  check: (run, _, expect) => expect(run.stdout).toMatch(log)
})

const cancelled = (
  name: 'SIGINT' | 'SIGTERM',
  during: string,
  after: string,
  extra: Partial<FaultCase>
): FaultCase => ({
  fault: `${name} during ${during}`,
  does: 'stops, writes outputs and summary with the last status seen, exits 1 within seconds',
  outcome: 'error',
  exitCode: 1,
  timeline: [RUNNING],
  signal: { name, after },
  check: (run, _, expect) => expect(run.summary).toContain('🚫'),
  ...extra
})

// What a second round of hostile answers showed, and the answers of real services that
// the first reading got wrong.
const OFFER = { 'job-id': '', 'offer-id': 'contoso-vm' }
const OTHER_PRODUCT = 'product/0c5a1e7b-62d4-4b7e-9f3a-5d2c8e1b4a6f'
const OWN_PRODUCT = 'product/7a3c5e2d-1b4f-4e8a-9c6d-0f1e2d3c4b5a'
const product = (externalId: string, id = OWN_PRODUCT) => ({
  id,
  identity: { externalId },
  type: 'azureVirtualMachine'
})
const ECHOED = 'echoed~token.q7Rz2XpL9mKv4TnW8yBs'
const jsonEscaped = (text: string) =>
  [...text].map(char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
const neverShown =
  (secret: string) => (run: ActionRun, sim: Simulator, expect: typeof jestExpect) => {
    const written = [
      // The runner takes `::add-mask::` lines out of the log it shows.
      run.stdout.replace(/^::add-mask::.*$/gm, ''),
      run.summary,
      JSON.stringify(run.outputs),
      ...sim.github.checkRuns.map(r => JSON.stringify(r.calls))
    ]
    for (let at = 0; at + 12 <= secret.length; at++) {
      for (const text of written) expect(text).not.toContain(secret.slice(at, at + 12))
    }
  }

const SECOND_ROUND: FaultCase[] = [
  {
    fault: 'preview ready: a running offer whose sign-off step waits for the publisher',
    does: 'reads it as WaitingForPublisherReview, as the public clients do: a wait for the preview ends',
    outcome: 'success',
    exitCode: 0,
    inputs: { 'target-status': 'WaitingForPublisherReview' },
    timeline: [
      RUNNING,
      {
        status: 'running',
        steps: {
          '*': 'complete',
          'publisher-signoff': 'waitingForPublisherReview',
          live: 'notStarted'
        }
      }
    ],
    check: (run, _, expect) => {
      expect(run.outputs.status).toBe('WaitingForPublisherReview')
      expect(run.outputs['current-step']).toBe('publisher-signoff')
    }
  },
  {
    fault: "a blocked step's error message",
    does: 'puts the message into the failure reason and the summary, not only into an annotation',
    outcome: 'failure',
    exitCode: 1,
    inputs: { 'fail-on-step-status': 'Blocked' },
    timeline: [
      RUNNING,
      {
        status: 'running',
        steps: {
          displaycertify: {
            status: 'blocked',
            messages: [
              { level: 'error', text: 'No virtual machine image was found for the plan gen2.' },
              { level: 'information', text: 'Certification waits for the publisher.' }
            ]
          }
        }
      }
    ],
    check: (run, _, expect) => {
      const reason =
        'step "Certification" is Blocked: No virtual machine image was found for the plan gen2.'
      expect(JSON.parse(run.outputs.offers ?? '[]')[0].reason).toBe(reason)
      expect(run.stdout).toContain(`::error::failure: ${reason}`)
      expect(run.summary).toMatch(/\| Blocked \|.*\| error: No virtual machine image was found/)
    }
  },
  {
    fault: "a product lookup that lists another offer's product",
    does: 'takes only a product whose external id is the offer id: `error` naming the id and what was listed',
    apis: ['product-ingestion'],
    outcome: 'error',
    exitCode: 1,
    inputs: { ...OFFER, 'offer-id': 'other-offer' },
    scenario: { products: [product('example-product', OTHER_PRODUCT)] },
    timeline: [{ submissions: [{ target: 'live', status: 'completed', result: 'succeeded' }] }],
    check: (run, sim, expect) => {
      expect(run.outputs['product-id']).toBe('')
      expect(run.outputs['submission-id']).toBe('')
      expect(run.stdout).toMatch(
        /no product has the external id "other-offer" \(Partner Center's "Offer ID"\); the service listed one product with the external id "example-product"/
      )
      expect(sim.requests.some(r => r.url.startsWith('/submission/'))).toBe(false)
    }
  },
  {
    fault: 'a product lookup that lists two products of that external id',
    does: 'ends with `error` naming both: a gate must not guess which offer it was given',
    apis: ['product-ingestion'],
    outcome: 'error',
    exitCode: 1,
    inputs: OFFER,
    scenario: { products: [product('contoso-vm'), product('Contoso-VM', OTHER_PRODUCT)] },
    timeline: [{ submissions: [] }],
    check: (run, _, expect) =>
      expect(run.stdout).toMatch(
        /2 products have the external id "contoso-vm" \(product\/7a3c.*, product\/0c5a/
      )
  },
  {
    fault: 'a product list and a submission list in pages (`@nextLink`)',
    does: 'reads every page (same host, a bounded number) and finds the product in any case',
    apis: ['product-ingestion'],
    outcome: 'success',
    exitCode: 0,
    inputs: { ...OFFER, 'offer-id': 'CONTOSO-VM', 'target-status': 'WaitingForPublisherReview' },
    scenario: {
      pageSize: 1,
      products: [product('example-product', OTHER_PRODUCT), product('contoso-vm')]
    },
    timeline: [
      {
        submissions: [
          {
            target: 'live',
            status: 'completed',
            result: 'succeeded',
            created: '2026-10-01T00:00:00Z'
          },
          {
            target: 'preview',
            status: 'completed',
            result: 'succeeded',
            created: '2026-11-01T00:00:00Z'
          }
        ]
      }
    ],
    check: (run, sim, expect) => {
      expect(run.outputs['product-id']).toBe(OWN_PRODUCT)
      expect(run.outputs.status).toBe('WaitingForPublisherReview')
      expect(
        sim.requests.filter(r => r.url.includes('%24skipToken=') || r.url.includes('$skipToken='))
      ).toHaveLength(3)
    }
  },
  {
    fault: 'a `@nextLink` to another host',
    does: 'does not follow it, nor send the token there: `error` quoting the link',
    apis: ['product-ingestion'],
    outcome: 'error',
    exitCode: 1,
    inputs: OFFER,
    scenario: {
      pageSize: 1,
      nextLinkHost: 'collector.example.invalid',
      products: [product('example-product', OTHER_PRODUCT), product('contoso-vm')]
    },
    timeline: [{ submissions: [] }],
    check: (run, _, expect) =>
      expect(run.stdout).toMatch(
        /with a next page elsewhere than base-url: "http:\/\/collector\.example\.invalid/
      )
  },
  {
    fault: 'an old failed live submission beside a new preview that succeeded',
    does: 'lets only the newest of each target decide: the preview is ready',
    apis: ['product-ingestion'],
    outcome: 'success',
    exitCode: 0,
    inputs: { ...OFFER, 'target-status': 'WaitingForPublisherReview' },
    timeline: [
      {
        submissions: [
          {
            target: 'live',
            status: 'completed',
            result: 'failed',
            created: '2026-09-01T00:00:00Z',
            number: '1152921515689840001'
          },
          {
            target: 'preview',
            status: 'completed',
            result: 'succeeded',
            created: '2026-11-01T00:00:00Z',
            number: '1152921515689848683'
          }
        ]
      }
    ],
    check: (run, _, expect) => {
      expect(run.outputs['submission-id']).toMatch(/\/1152921515689848683$/)
      expect(JSON.parse(run.outputs.steps ?? '[]')).toEqual([
        expect.objectContaining({ id: 'preview', status: 'Complete' }),
        expect.objectContaining({ id: 'live', status: 'NotStarted' })
      ])
    }
  },
  {
    fault: 'the newest submission without `created` (missing or garbage)',
    does: 'orders by the number that ends the id, then by place: the newest is not sorted away',
    apis: ['product-ingestion'],
    outcome: 'failure',
    exitCode: 1,
    inputs: OFFER,
    timeline: [
      {
        submissions: [
          {
            target: 'preview',
            status: 'completed',
            result: 'succeeded',
            created: '2026-11-01T00:00:00Z',
            number: '1152921515689847000'
          },
          {
            target: 'preview',
            status: 'completed',
            result: 'failed',
            created: null,
            number: '1152921515689848000'
          },
          {
            target: 'live',
            status: 'completed',
            result: 'succeeded',
            created: 'garbage',
            number: '1152921515689846000'
          }
        ]
      }
    ],
    check: (run, _, expect) =>
      expect(run.outputs['submission-id']).toMatch(/\/1152921515689848000$/)
  },
  {
    fault: 'two live entries, the newer with a `pending` result; a preview without `status`',
    does: 'follows the newest live (Running); an entry with neither status nor result says nothing',
    apis: ['product-ingestion'],
    outcome: 'timeout',
    exitCode: 0,
    inputs: { ...OFFER, timeout: '0', 'fail-on-timeout': 'false' },
    timeline: [
      {
        submissions: [
          {
            target: 'live',
            status: 'completed',
            result: 'failed',
            created: '2026-10-01T00:00:00Z'
          },
          {
            target: 'live',
            status: 'completed',
            result: 'pending',
            created: '2026-11-02T00:00:00Z'
          },
          { target: 'preview', created: '2026-11-03T00:00:00Z' }
        ]
      }
    ],
    check: (run, _, expect) => {
      expect(run.outputs.status).toBe('Running')
      expect(JSON.parse(run.outputs.steps ?? '[]')).toEqual([
        expect.objectContaining({ id: 'live', status: 'InProgress' })
      ])
    }
  },
  {
    fault: 'a token echoed with JSON `\\u` escapes in a 200 answer',
    does: 'cuts it out in every form before reading: no 12-character piece reaches any output, the summary, the log or the check run',
    apis: EVERY_API,
    outcome: 'success',
    exitCode: 0,
    token: ECHOED,
    github: {},
    timeline: [
      {
        respond: {
          body: `{"status":"running ${jsonEscaped(ECHOED)}","jobStatus":"running ${jsonEscaped(ECHOED)}","steps":[{"id":"x","stepName":"${jsonEscaped(`step ${ECHOED}`)}","status":"inProgress"}]}`
        }
      },
      SUCCEEDED
    ],
    check: neverShown(ECHOED)
  },
  {
    fault: 'an Entra ID error that echoes the form (the client secret percent-encoded)',
    does: 'cuts the secret out of the reason in that form too',
    outcome: 'error',
    exitCode: 1,
    entra: {
      clientSecret: 'Abc8Q~dEf.gHi_jKl-MnO~pQr5StU',
      errors: [
        { status: 400, error: 'invalid_request', description: 'AADSTS900144: bad.', echoForm: true }
      ]
    },
    inputs: { 'client-secret': 'Abc8Q~dEf.gHi_jKl-MnO~pQr5StU' },
    timeline: [SUCCEEDED],
    check: (run, sim, expect) => {
      expect(run.stdout).toMatch(/AADSTS900144: bad\. Request: .*client_secret=\*\*\*/)
      neverShown('Abc8Q~dEf.gHi_jKl-MnO~pQr5StU')(run, sim, expect)
      neverShown(encodeURIComponent('Abc8Q~dEf.gHi_jKl-MnO~pQr5StU').replace(/~/g, '%7E'))(
        run,
        sim,
        expect
      )
    }
  },
  {
    fault: 'SIGTERM while the check run is still being created (GitHub hangs)',
    does: 'has written outputs and summary before waiting for GitHub; exits within seconds',
    outcome: 'success',
    exitCode: 0,
    github: { hang: true },
    timeline: [SUCCEEDED],
    // The last look's line: the wait has ended, the outputs are being written.
    signal: { name: 'SIGTERM', after: 'Offer status: Succeeded' },
    check: (run, _, expect) => {
      expect(run.outputs.status).toBe('Succeeded')
      expect(run.outputs['check-run-id']).toBe('')
      expect(run.summary).toContain('✅')
    }
  },
  {
    fault: 'one offer of several hangs while another answers slowly',
    does: "drops only the hung request: the other's answer arrives, each failure stays its own",
    apis: ['product-ingestion'],
    outcome: 'success',
    exitCode: 0,
    inputs: { 'job-id': 'job-a, job-b', 'request-timeout': '2s' },
    scenario: {
      jobs: {
        'job-a': [{ fault: 'hang' }, { job: { status: 'completed', result: 'succeeded' } }],
        // Asked half an interval after job-a, answered after job-a's request timed out.
        'job-b': [
          { fault: 'slow', delay: 1.8 },
          { job: { status: 'completed', result: 'succeeded' } }
        ]
      }
    },
    timeline: [],
    check: (run, _, expect) => {
      expect(run.stdout).toMatch(/configure job job-a: Will retry: no answer within 2s/)
      expect(run.stdout).not.toMatch(/configure job job-b: Will retry/)
    }
  },
  {
    fault: "GitHub's secondary rate limit (403 with Retry-After) on the completing call",
    does: 'waits as GitHub asked, within the time left, and completes the check run; no blame on permissions',
    outcome: 'success',
    exitCode: 0,
    github: { rateLimited: { calls: [3], status: 403 }, retryAfter: 2 },
    timeline: [SUCCEEDED],
    check: (run, sim, expect) => {
      // The log first: when the check run is missing, its warning says why.
      expect(run.stdout).not.toMatch(/::warning::Check run/)
      expect(sim.github.checkRuns[0]?.fields).toMatchObject({
        status: 'completed',
        conclusion: 'success'
      })
    }
  },
  {
    fault: 'a 429 on the completing call with a Retry-After past the time left',
    does: 'gives up the check run at once, saying what GitHub answered; the process does not stay for the pause',
    outcome: 'success',
    exitCode: 0,
    github: { rateLimited: { calls: [3], status: 429 }, retryAfter: 60 },
    inputs: { timeout: '5s' },
    timeline: [SUCCEEDED],
    check: (run, _, expect) => {
      expect(run.stdout).toMatch(
        /::warning::Check run "Marketplace publish" not updated \(GitHub answered 429: API rate limit exceeded.*it asked to wait 1m, longer than the time left\)\. The wait goes on/
      )
      expect(run.stdout).not.toMatch(/checks: write/)
    }
  },
  {
    fault: 'timeout 0 with GitHub asking for a 10-second pause',
    does: 'ends within the deadline and one request timeout: no pause outlives the deadline',
    outcome: 'timeout',
    exitCode: 1,
    github: { rateLimited: { calls: [1], status: 429 }, retryAfter: 10 },
    inputs: { timeout: '0' },
    timeline: [RUNNING]
  },
  {
    fault: 'a proxy that answers CONNECT with 407',
    does: 'ends with `error` at once, naming the proxy\'s answer, instead of retrying a "reset" for hours',
    outcome: 'error',
    exitCode: 1,
    proxy: true,
    proxyRefuses: 407,
    inputs: { timeout: '5h30m' },
    timeline: [SUCCEEDED],
    check: (run, _, expect) => {
      expect(run.stdout).toMatch(
        /the proxy refused the connection: it answered CONNECT with 407: it asks for credentials/
      )
      expect(Number(run.outputs['elapsed-seconds'])).toBeLessThan(5)
    }
  },
  {
    fault: 'NO_PROXY as curl and Go write it (`*.example.com`, `.example.com`)',
    does: 'goes straight to every host it names, for every request: API, Entra ID, GitHub',
    apis: EVERY_API,
    outcome: 'success',
    exitCode: 0,
    proxy: true,
    noProxy: `*.marketplace.test, .${PROXIED_HOSTS.login}`,
    proxyRefuses: 403,
    entra: { clientSecret: 'fault-secret' },
    github: {},
    inputs: { 'client-secret': 'fault-secret' },
    timeline: [SUCCEEDED],
    check: (run, sim, expect) => {
      expect(sim.github.checkRuns).toHaveLength(1)
      expect(sim.signIn.tokenRequests).toHaveLength(1)
    }
  },
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
    fault: 'four offers that get a 401 for the same revoked token',
    does: 'renews the token once for all of them: a 401 for a token already replaced does not renew again',
    apis: ['product-ingestion'],
    outcome: 'success',
    exitCode: 0,
    entra: { clientSecret: 'fault-secret', revokeAfter: '2s', revokedAnswerDelay: 1 },
    inputs: {
      'client-secret': 'fault-secret',
      'job-id': 'j-1, j-2, j-3, j-4',
      interval: '1s',
      'max-interval': '1s',
      'request-timeout': '3s'
    },
    scenario: {
      jobs: Object.fromEntries(
        ['j-1', 'j-2', 'j-3', 'j-4'].map(id => [
          id,
          [
            { job: { status: 'running' }, for: '4s' },
            { job: { status: 'completed', result: 'succeeded' } }
          ]
        ])
      )
    },
    timeline: [],
    check: (_, sim, expect) => {
      expect(sim.requests.filter(r => r.status === 401).length).toBeGreaterThanOrEqual(3)
      expect(sim.signIn.tokenRequests).toHaveLength(2)
    }
  },
  {
    fault: 'Retry-After as an HTTP-date, the runner clock 3 hours behind the server',
    does: "takes the pause from the answer's own `Date`: seconds, not hours",
    apis: EVERY_API,
    outcome: 'success',
    exitCode: 0,
    clockAheadMs: 3 * 3_600_000,
    timeline: [RUNNING, { fault: 429, retryAfterDate: 2 }, SUCCEEDED],
    check: (_, sim, expect) => expect(gapMs(sim, 1)).toBeGreaterThanOrEqual(1_500)
  },
  {
    fault: 'step statuses named `constructor`, `toString`, `__proto__`',
    does: 'shows them as text: no JavaScript reaches the summary',
    outcome: 'timeout',
    exitCode: 0,
    inputs: { timeout: '0', 'fail-on-timeout': 'false' },
    timeline: [
      {
        status: 'running',
        steps: {
          displaydummycertify: 'constructor',
          displaycertify: 'toString',
          displayprovision: '__proto__',
          displaypackage: 'hasOwnProperty'
        }
      }
    ],
    check: (run, _, expect) => {
      expect(run.summary).not.toMatch(/function|native code|\[object/)
      expect(run.summary).toContain('| ❔ | Validate Pre-Requisites | constructor |')
      expect(run.stdout).toMatch(/Step Validate Pre-Requisites: constructor/)
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

export const FAULTS: FaultCase[] = [
  {
    fault: '429 with Retry-After in seconds',
    does: 'waits at least as long as asked, then asks again',
    apis: EVERY_API,
    outcome: 'success',
    exitCode: 0,
    timeline: [RUNNING, { fault: 429, retryAfter: 2 }, SUCCEEDED],
    check: (_, sim, expect) => expect(gapMs(sim, 1)).toBeGreaterThanOrEqual(2_000)
  },
  {
    fault: '429 with Retry-After as an HTTP-date',
    does: 'waits until that time (at least), then asks again',
    apis: EVERY_API,
    outcome: 'success',
    exitCode: 0,
    timeline: [RUNNING, { fault: 429, retryAfterDate: 3 }, SUCCEEDED],
    check: (_, sim, expect) => expect(gapMs(sim, 1)).toBeGreaterThanOrEqual(1_900)
  },
  retried('500', { fault: 500 }, /Will retry: the .+ answered 500 Internal Server Error/),
  retried('502', { fault: 502 }, /Will retry: the .+ answered 502 Bad Gateway/),
  retried('503', { fault: 503 }, /Will retry: the .+ answered 503 Service Unavailable/),
  retried('504', { fault: 504 }, /Will retry: the .+ answered 504 Gateway Timeout/),
  retried(
    'an HTML error page',
    { fault: 'html' },
    /Will retry: .*502 Bad Gateway: "<!DOCTYPE html>/,
    'retries; the log quotes the start of the page'
  ),
  {
    fault: 'connection refused',
    does: 'retries until the deadline, then `timeout` with the connection error',
    outcome: 'timeout',
    exitCode: 1,
    timeline: [SUCCEEDED],
    baseUrl: 'closed-port',
    inputs: { timeout: '3s' },
    check: (run, _, expect) =>
      expect(run.stdout).toMatch(/no status was read within 3s: connection problem: .*ECONNREFUSED/)
  },
  retried('connection reset', { fault: 'reset' }, /Will retry: connection problem: .*ECONNRESET/),
  {
    fault: 'DNS failure',
    does: 'retries until the deadline (a lookup can fail for a moment), then `timeout` naming the host',
    outcome: 'timeout',
    exitCode: 1,
    timeline: [SUCCEEDED],
    baseUrl: 'unknown-host',
    inputs: { timeout: '3s' },
    check: (run, _, expect) =>
      expect(run.stdout).toMatch(
        /getaddrinfo ENOTFOUND cpp\.example\.invalid \(no lookup: test preload\)/
      )
  },
  retried(
    'a request hanging past request-timeout',
    { fault: 'hang' },
    /Will retry: no answer within 1s \(request-timeout\)/,
    'drops the connection after `request-timeout`, retries'
  ),
  retried(
    'a body that stops halfway',
    { fault: 'truncated' },
    /Will retry: connection problem: the connection closed before the whole body arrived/
  ),
  {
    fault: 'an empty body',
    does: 'ends with `error`: the answer cannot be read',
    apis: EVERY_API,
    outcome: 'error',
    exitCode: 1,
    timeline: [{ fault: 'empty' }],
    check: (run, _, expect) => expect(run.stdout).toMatch(/answered 200 OK with an empty body/)
  },
  {
    fault: 'malformed JSON',
    does: 'ends with `error`, quoting the start of the body and the parse error',
    apis: STATUS_BODIES,
    outcome: 'error',
    exitCode: 1,
    timeline: [{ fault: 'malformed' }],
    check: (run, _, expect) =>
      expect(run.stdout).toMatch(/with a body that is not JSON \(.+\): "\{ "/)
  },
  {
    fault: 'JSON of the wrong shape (`steps` not an array, a number for a status)',
    does: 'reads what it can (no steps, status `42`) and waits on',
    outcome: 'success',
    exitCode: 0,
    timeline: [{ respond: { json: { status: 42, steps: 'oops', messages: {} } } }, SUCCEEDED],
    check: (run, _, expect) => expect(run.stdout).toContain('Offer status: 42')
  },
  {
    fault: 'unknown statuses',
    does: 'carries them through as they came, in the log, outputs and summary',
    outcome: 'timeout',
    exitCode: 0,
    inputs: { timeout: '0', 'fail-on-timeout': 'false' },
    timeline: [
      {
        respond: {
          json: {
            status: 'quantumPending',
            steps: [{ id: 'x', stepName: 'X', status: 'dreaming' }]
          }
        }
      }
    ],
    check: (run, _, expect) => {
      expect(run.outputs.status).toBe('quantumPending')
      expect(run.summary).toContain('| ❔ | X | dreaming |')
    }
  },
  {
    fault: 'a huge response (6 MB, 5,000 steps)',
    does: 'reads it; the summary stays under 1 MiB, the outputs under 512 KiB (`steps` holds the first ones that fit in 256 KiB), the log has one line per change',
    outcome: 'success',
    exitCode: 0,
    timeline: [
      {
        respond: {
          json: {
            status: 'succeeded',
            steps: Array.from({ length: 5_000 }, (_, i) => ({
              id: `s${i}`,
              stepName: `Step ${i}`,
              status: 'complete',
              messages: [{ messageHtml: 'x'.repeat(1_200), level: 'information' }]
            }))
          }
        }
      }
    ],
    check: (run, _, expect) => {
      expect(Buffer.byteLength(run.summary)).toBeLessThan(1_000_000)
      expect(Buffer.byteLength(JSON.stringify(run.outputs))).toBeLessThan(512 * 1024)
      const steps = JSON.parse(run.outputs.steps ?? '[]') as { id: string }[]
      expect(steps.length).toBeGreaterThan(1_000)
      expect(steps.map(step => step.id)).toEqual(steps.map((_, i) => `s${i}`))
    }
  },
  {
    fault: 'HTML and markdown injection in step names and messages',
    does: 'shows it as inert text: no markup, link, mention or workflow command gets through',
    outcome: 'success',
    exitCode: 0,
    timeline: [
      {
        status: 'running',
        steps: {
          displaycertify: {
            status: 'inProgress',
            messages: [
              {
                level: 'warning',
                text: '<script>alert(1)</script>\n::error::injected | **bold** [x](https://evil.example) @team'
              }
            ]
          }
        }
      },
      SUCCEEDED
    ],
    check: (run, _, expect) => {
      expect(run.stdout.split('\n').filter(line => line.startsWith('::error'))).toEqual([])
      expect(run.summary).not.toMatch(/<script|\*\*bold|\[x\]\(|@team/)
    }
  },
  finalError(
    400,
    /::error::error: the Cloud Partner Portal answered 400 Bad Request: BadRequest: /
  ),
  finalError(
    401,
    /::error::error: the Cloud Partner Portal answered 401 Unauthorized: the token is expired or lacks rights/
  ),
  finalError(
    403,
    /::error::error: the Cloud Partner Portal answered 403 Forbidden: the token lacks rights to this publisher/
  ),
  finalError(404, /::error::error: the Cloud Partner Portal answered 404 Not Found: NotFound: /),
  finalError(409, /::error::error: the Cloud Partner Portal answered 409 Conflict: Conflict: /),
  {
    fault: 'token expiry mid-wait (Entra ID app)',
    does: 'renews the token before it ends; no request goes out with an expired one',
    apis: EVERY_API,
    outcome: 'success',
    exitCode: 0,
    entra: { clientSecret: 'fault-secret', tokenLifetime: 2 },
    inputs: { 'client-secret': 'fault-secret' },
    timeline: [{ for: '4s', ...RUNNING }, SUCCEEDED],
    check: (_, sim, expect) => {
      expect(sim.signIn.tokenRequests.length).toBeGreaterThanOrEqual(2)
      expect(statusRequests(sim).every(r => r.status === 200)).toBe(true)
    }
  },
  {
    fault: 'a failure of the token endpoint (503, then it works)',
    does: 'retries within the deadline, like the status endpoint',
    apis: EVERY_API,
    outcome: 'success',
    exitCode: 0,
    entra: {
      clientSecret: 'fault-secret',
      errors: [
        {
          status: 503,
          error: 'temporarily_unavailable',
          description: 'AADSTS90033: A transient error has occurred.'
        }
      ]
    },
    inputs: { 'client-secret': 'fault-secret' },
    timeline: [SUCCEEDED],
    check: (run, _, expect) =>
      expect(run.stdout).toMatch(/Will retry: Entra ID answered 503 .*AADSTS90033/)
  },
  {
    fault: 'a refusal of the token endpoint (wrong secret)',
    does: "ends with `error` and Entra ID's own AADSTS message, never the secret",
    outcome: 'error',
    exitCode: 1,
    entra: { clientSecret: 'the-right-secret' },
    inputs: { 'client-secret': 'a-wrong-secret' },
    timeline: [SUCCEEDED],
    check: (run, _, expect) =>
      expect(run.stdout).toMatch(/invalid_client: AADSTS7000215: Invalid client secret provided\./)
  },
  {
    fault: 'a long `estimatedTimeFrame` (300,000 spaces)',
    does: 'reads only the start of any server text a pattern sees: each look stays fast',
    outcome: 'success',
    exitCode: 0,
    inputs: { timeout: '10s' },
    timeline: [
      {
        for: '2s',
        respond: {
          json: {
            status: 'running',
            steps: [
              {
                id: 'last',
                status: 'inProgress',
                estimatedTimeFrame: `${' '.repeat(300_000)}soon`
              }
            ]
          }
        }
      },
      SUCCEEDED
    ],
    check: (run, _, expect) => expect(Number(run.outputs['elapsed-seconds'])).toBeLessThan(8)
  },
  {
    fault: 'SIGTERM while the GitHub API hangs (check run)',
    does: 'writes outputs and summary first; the check run gets what time is left',
    outcome: 'error',
    exitCode: 1,
    github: { hang: true },
    timeline: [RUNNING],
    inputs: { interval: '1m', 'max-interval': '2m' },
    signal: { name: 'SIGTERM', after: 'Offer status: Running' },
    check: (run, _, expect) => {
      expect(run.outputs.status).toBe('Running')
      expect(run.summary).toContain('🚫')
    }
  },
  {
    fault: 'a hanging GitHub ID-token endpoint (OIDC)',
    does: 'gives each ID-token request `request-timeout`, like every request; `timeout` at the deadline',
    apis: EVERY_API,
    outcome: 'timeout',
    exitCode: 1,
    oidc: true,
    entra: { idTokenHangs: true },
    inputs: { timeout: '3s' },
    timeline: [SUCCEEDED],
    check: (run, _, expect) =>
      expect(run.stdout).toMatch(
        /could not get a GitHub ID token: no answer within 1s \(request-timeout\)/
      )
  },
  {
    fault: 'a status holding a line break and a workflow command',
    does: 'shows it on one bounded line: nothing the server sends becomes a command',
    apis: EVERY_API,
    outcome: 'timeout',
    exitCode: 0,
    inputs: { timeout: '0', 'fail-on-timeout': 'false' },
    timeline: [
      {
        respond: {
          json: {
            status: `running\n::error::injected\n::add-mask::x${'y'.repeat(500)}`,
            jobStatus: 'running\n::error::injected\n::add-mask::x'
          }
        }
      }
    ],
    check: (run, _, expect) => {
      const lines = run.stdout.split('\n')
      expect(lines.filter(line => /^::(error|add-mask)::(injected|x)/.test(line))).toEqual([])
      expect(lines.find(line => line.startsWith('Result:'))?.length).toBeLessThan(400)
      expect(run.outputs.status).not.toMatch(/\n/)
    }
  },
  {
    fault: 'a token echoed in a 200 answer (status, step, message, link)',
    does: 'cuts every known secret out of what it reads, before escaping or shortening: outputs, summary, log and check run hold none',
    outcome: 'success',
    exitCode: 0,
    token: 'echoed_token_0123456789abcdef',
    github: {},
    timeline: [
      {
        respond: {
          json: {
            status: 'running',
            steps: [
              {
                id: 'echo',
                stepName: `x${'_'.repeat(290)}echoed_token_0123456789abcdef`,
                status: 'inProgress echoed_token_0123456789abcdef',
                messages: [{ messageHtml: 'token echoed_token_0123456789abcdef', level: 'warning' }]
              }
            ],
            previewLinks: ['https://example.com/?t=echoed_token_0123456789abcdef']
          }
        }
      },
      SUCCEEDED
    ],
    check: (run, sim, expect) => {
      const written = [
        run.summary,
        JSON.stringify(run.outputs),
        ...sim.github.checkRuns.map(r => JSON.stringify(r.calls))
      ]
      for (const text of written) {
        expect(text).not.toContain('echoed_token')
        expect(text).not.toContain('echoed&#95;token')
      }
    }
  },
  {
    fault: 'timeout 0 with a hanging GitHub API (check run)',
    does: 'ends within the deadline and one request timeout: the check run gets what is left',
    outcome: 'timeout',
    exitCode: 1,
    github: { hang: true },
    inputs: { timeout: '0' },
    timeline: [RUNNING]
  },
  {
    fault: 'a sign-in that hangs at every try',
    does: 'stops every request of a look at the deadline and one request timeout',
    apis: EVERY_API,
    outcome: 'timeout',
    exitCode: 1,
    entra: {
      clientSecret: 'fault-secret',
      errors: Array.from({ length: 20 }, () => ({ hang: true }))
    },
    inputs: { 'client-secret': 'fault-secret', timeout: '2s' },
    timeline: [SUCCEEDED]
  },
  {
    fault: 'a link nested 100,000 levels deep',
    does: 'keeps a few levels of what it does not read: the offer is read, and succeeds',
    outcome: 'success',
    exitCode: 0,
    timeline: [
      {
        respond: {
          body: `{"status":"succeeded","previewLinks":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`
        }
      }
    ],
    check: (run, _, expect) => expect(run.outputs['preview-links']).toBe('[[[[["…"]]]]]')
  },
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
    fault: 'a body over the size cap (9 MB)',
    does: 'ends with `error` at once, naming the size; not fetched again',
    apis: EVERY_API,
    outcome: 'error',
    exitCode: 1,
    timeline: [{ respond: { body: `{"status":"${'x'.repeat(9 * 1024 * 1024)}"}` } }],
    check: (run, sim, expect) => {
      expect(run.stdout).toMatch(/the answer is larger than 8 MiB/)
      expect(sim.requests).toHaveLength(1)
    }
  },
  {
    fault: '`base-url` on an IPv6 loopback address (`http://[::1]:PORT`)',
    does: 'connects to it',
    apis: EVERY_API,
    outcome: 'success',
    exitCode: 0,
    host: '::1',
    timeline: [SUCCEEDED]
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
  {
    fault: 'control, zero-width and bidi characters in server text',
    does: 'removes them everywhere it shows server text, and reads `Fai\\u200Bled` as Failed',
    apis: STATUS_BODIES,
    outcome: 'failure',
    exitCode: 1,
    timeline: [
      {
        respond: {
          json: {
            status: 'Fai\u200bled',
            jobStatus: 'completed',
            jobResult: 'fai\u200bled',
            messages: [{ messageHtml: 'evil\u202etxt.exe \u001b[31mred\u0000', level: 'error' }],
            errors: [{ code: 'x', message: 'evil\u202etxt.exe \u001b[31mred\u0000' }]
          }
        }
      }
    ],
    check: (run, _, expect) => {
      for (const text of [run.stdout, run.summary, JSON.stringify(run.outputs)]) {
        expect(text).not.toMatch(UNSEEN)
      }
      expect(run.outputs.status).toBe('Failed')
    }
  },
  {
    fault: '10,000 steps, each with an error message',
    does: 'annotates 20, says how many more; at most 20 log lines a look; summary and outputs bounded',
    outcome: 'success',
    exitCode: 0,
    timeline: [
      {
        respond: {
          json: {
            status: 'running',
            steps: Array.from({ length: 10_000 }, (_, i) => ({
              id: `s${i}`,
              stepName: `Step ${i}`,
              status: 'inProgress',
              messages: [{ messageHtml: `problem ${i}`, level: 'error' }]
            }))
          }
        }
      },
      SUCCEEDED
    ],
    check: (run, _, expect) => {
      const lines = run.stdout.split('\n')
      expect(lines.filter(line => line.startsWith('::error title='))).toHaveLength(20)
      expect(run.stdout).toMatch(/\d+\+ more warnings and errors of the service were not annotated/)
      expect(run.stdout).toContain('… and 9981 more changes in this look')
      expect(lines.filter(line => line.startsWith('Step ')).length).toBeLessThanOrEqual(40)
      expect(Buffer.byteLength(run.summary)).toBeLessThan(1_000_000)
      expect(Buffer.byteLength(JSON.stringify(run.outputs))).toBeLessThan(512 * 1024)
    }
  },
  {
    fault: 'a 3 MB status',
    does: 'shows an unknown status bounded: outputs stay small',
    apis: EVERY_API,
    outcome: 'timeout',
    exitCode: 0,
    inputs: { timeout: '0', 'fail-on-timeout': 'false' },
    timeline: [
      { respond: { json: { status: 'x'.repeat(3_000_000), jobStatus: 'x'.repeat(3_000_000) } } }
    ],
    check: (run, _, expect) =>
      expect(Buffer.byteLength(JSON.stringify(run.outputs))).toBeLessThan(8_000)
  },
  {
    fault: 'a byte-order mark before the JSON',
    does: 'reads the JSON after it',
    apis: STATUS_BODIES,
    outcome: 'success',
    exitCode: 0,
    timeline: [
      {
        respond: {
          body: '\ufeff{"status":"succeeded","jobStatus":"completed","jobResult":"succeeded"}'
        }
      }
    ]
  },
  {
    fault: 'a runner behind a proxy (HTTPS_PROXY, NO_PROXY)',
    does: 'reaches the status API and the checks API through it, Entra ID straight, with one HTTP stack',
    apis: EVERY_API,
    outcome: 'success',
    exitCode: 0,
    proxy: true,
    entra: { clientSecret: 'fault-secret' },
    github: {},
    inputs: { 'client-secret': 'fault-secret' },
    timeline: [RUNNING, SUCCEEDED],
    check: (run, sim, expect) => {
      expect(sim.github.checkRuns).toHaveLength(1)
      expect(sim.signIn.tokenRequests).toHaveLength(1)
      expect(run.stdout).not.toMatch(/::warning::Check run/)
    }
  },
  {
    fault: "Entra ID's 429 with Retry-After",
    does: 'waits as long as Entra ID asked before the next token request',
    apis: EVERY_API,
    outcome: 'success',
    exitCode: 0,
    entra: {
      clientSecret: 'fault-secret',
      errors: [{ status: 429, error: 'temporarily_unavailable', retryAfter: 3 }]
    },
    inputs: { 'client-secret': 'fault-secret' },
    timeline: [SUCCEEDED],
    check: (_, sim, expect) => {
      const [first, second] = sim.signIn.tokenRequests
      expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(2_900)
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
    fault: 'a deadline that falls during a Retry-After pause',
    does: 'ends as `timeout` at once instead of sleeping to the deadline',
    outcome: 'timeout',
    exitCode: 1,
    inputs: { timeout: '10s' },
    timeline: [RUNNING, { fault: 429, retryAfter: 60 }],
    check: (run, _, expect) => {
      expect(run.stdout).toMatch(/asked to wait 1m \(Retry-After\), past the deadline/)
      expect(Number(run.outputs['elapsed-seconds'])).toBeLessThan(10)
    }
  },
  ...SECOND_ROUND
]

/** The test files that run the rows, `faults-1.e2e.test.ts` and on. */
export const FAULT_SHARDS = 5

/** Which of those runs row `index`. */
export function shardOf(index: number): number {
  return (index % FAULT_SHARDS) + 1
}

/** The catalogue as a markdown table, for docs/faults.md. */
export function faultTable(): string {
  const rows = FAULTS.map(
    (row, index) =>
      `| ${row.fault} | ${apisOf(row)} | ${row.does} | \`${row.outcome}\`, exit ${row.exitCode} | \`faults-${shardOf(index)}.e2e.test.ts\` › ${row.fault.replace(/\|/g, '\\|')} |`
  )
  return [
    '# Fault catalogue',
    '',
    'What the action does on every fault we can name. Each row is an end-to-end test:',
    '`__tests__/faults-*.e2e.test.ts` run `dist/index.js` as a child process against the',
    'simulator and checks that the outputs and the summary are written, the outcome and',
    'exit code are the ones below, the run ends within its deadline plus one request',
    'timeout, and no secret leaks. The rows come from `__tests__/fault-catalogue.ts`;',
    '`npm run faults:doc` rewrites this file, and a test fails while it is stale.',
    '',
    '| fault | APIs | what the action does | outcome | test |',
    '|---|---|---|---|---|',
    ...rows,
    ''
  ].join('\n')
}
