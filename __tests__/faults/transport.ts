// The fault catalogue's rows: HTTP and the network: throttling, 5xx, resets, hangs, final refusals, proxies.
import {
  RUNNING,
  SUCCEEDED,
  EVERY_API,
  PROXIED_HOSTS,
  gapMs,
  retried,
  finalError,
  type FaultCase
} from './case.js'

export const TRANSPORT: FaultCase[] = [
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
    /Will retry: .*502 Bad Gateway: "502 Bad Gateway 502 Bad Gateway The server is temporarily unable/,
    'retries; the log quotes what the page says'
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
    fault: 'Retry-After as an HTTP-date, the runner clock 3 hours behind the server',
    does: "takes the pause from the answer's own `Date`: seconds, not hours",
    apis: EVERY_API,
    outcome: 'success',
    exitCode: 0,
    clockAheadMs: 3 * 3_600_000,
    timeline: [RUNNING, { fault: 429, retryAfterDate: 2 }, SUCCEEDED],
    check: (_, sim, expect) => expect(gapMs(sim, 1)).toBeGreaterThanOrEqual(1_500)
  }
]
