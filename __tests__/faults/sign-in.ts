// The fault catalogue's rows: Signing in, and the secrets of a run.
import {
  RUNNING,
  SUCCEEDED,
  EVERY_API,
  statusRequests,
  ECHOED,
  jsonEscaped,
  neverShown,
  type FaultCase
} from './case.js'

export const SIGN_IN: FaultCase[] = [
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
    fault: 'four offers that get a 401 for the same revoked token',
    does: 'renews the token once for all of them: a 401 for a token already replaced does not renew again',
    apis: ['product-ingestion'],
    realTime: true,
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
  }
]
