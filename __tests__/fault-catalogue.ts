// The fault catalogue: every fault we can name, what the action does about it, and the
// end-to-end test that shows it (faults.e2e.test.ts runs each row; docs/faults.md is
// this table, written by `npm run faults:doc`).
import type { expect as jestExpect } from '@jest/globals'
import type { EntraSpec, Phase } from '../simulator/scenario.js'
import type { Simulator } from '../simulator/server.js'
import type { ActionRun } from '../scripts/run-action.js'

export interface FaultCase {
  fault: string
  /** What the action does, for the table. */
  does: string
  outcome: 'success' | 'failure' | 'timeout' | 'error'
  exitCode: 0 | 1
  timeline: Phase[]
  entra?: Partial<EntraSpec>
  inputs?: Record<string, string>
  /** Point base-url at a closed port, or at a host name that does not resolve. */
  baseUrl?: 'closed-port' | 'unknown-host'
  /** Send this signal once stdout shows `after`. */
  signal?: { name: 'SIGINT' | 'SIGTERM'; after: string; wait?: number }
  /** More that the run must show (`expect` comes from the test: this file loads outside jest too). */
  check?: (run: ActionRun, sim: Simulator, expect: typeof jestExpect) => void
}

const RUNNING: Phase = { status: 'running', steps: { displaycertify: 'inProgress' } }
const SUCCEEDED: Phase = { status: 'succeeded', steps: { '*': 'complete' } }
const statusRequests = (sim: Simulator) => sim.requests.filter(r => r.url.includes('/status'))
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

export const FAULTS: FaultCase[] = [
  {
    fault: '429 with Retry-After in seconds',
    does: 'waits at least as long as asked, then asks again',
    outcome: 'success',
    exitCode: 0,
    timeline: [RUNNING, { fault: 429, retryAfter: 2 }, SUCCEEDED],
    check: (_, sim, expect) => expect(gapMs(sim, 1)).toBeGreaterThanOrEqual(2_000)
  },
  {
    fault: '429 with Retry-After as an HTTP-date',
    does: 'waits until that time (at least), then asks again',
    outcome: 'success',
    exitCode: 0,
    timeline: [RUNNING, { fault: 429, retryAfterDate: 3 }, SUCCEEDED],
    check: (_, sim, expect) => expect(gapMs(sim, 1)).toBeGreaterThanOrEqual(1_900)
  },
  retried(
    '500',
    { fault: 500 },
    /Will retry: the Cloud Partner Portal answered 500 Internal Server Error/
  ),
  retried('502', { fault: 502 }, /Will retry: the Cloud Partner Portal answered 502 Bad Gateway/),
  retried(
    '503',
    { fault: 503 },
    /Will retry: the Cloud Partner Portal answered 503 Service Unavailable/
  ),
  retried(
    '504',
    { fault: 504 },
    /Will retry: the Cloud Partner Portal answered 504 Gateway Timeout/
  ),
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
    outcome: 'error',
    exitCode: 1,
    timeline: [{ fault: 'empty' }],
    check: (run, _, expect) => expect(run.stdout).toMatch(/answered 200 OK with an empty body/)
  },
  {
    fault: 'malformed JSON',
    does: 'ends with `error`, quoting the start of the body and the parse error',
    outcome: 'error',
    exitCode: 1,
    timeline: [{ fault: 'malformed' }],
    check: (run, _, expect) =>
      expect(run.stdout).toMatch(/with a body that is not JSON \(.+\): "\{ "status": "running"/)
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
    does: 'reads it; the summary stays under 1 MiB, the log has one line per change',
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
      expect(JSON.parse(run.outputs.steps ?? '[]')).toHaveLength(5_000)
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
  }
]

/** The catalogue as a markdown table, for docs/faults.md. */
export function faultTable(): string {
  const rows = FAULTS.map(
    row =>
      `| ${row.fault} | ${row.does} | \`${row.outcome}\`, exit ${row.exitCode} | \`faults.e2e.test.ts\` › ${row.fault.replace(/\|/g, '\\|')} |`
  )
  return [
    '# Fault catalogue',
    '',
    'What the action does on every fault we can name. Each row is an end-to-end test:',
    '`__tests__/faults.e2e.test.ts` runs `dist/index.js` as a child process against the',
    'simulator and checks that the outputs and the summary are written, the outcome and',
    'exit code are the ones below, the run ends within its deadline plus one request',
    'timeout, and no secret leaks. The rows come from `__tests__/fault-catalogue.ts`;',
    '`npm run faults:doc` rewrites this file, and a test fails while it is stale.',
    '',
    '| fault | what the action does | outcome | test |',
    '|---|---|---|---|',
    ...rows,
    ''
  ].join('\n')
}
