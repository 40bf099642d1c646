// The fault catalogue's rows: what the services answer to a publishing request
// (`publish`), and what the action does so that each request is sent at most once and
// the wait follows what it started, or says why it cannot.
import type { Phase, SubmissionSpec } from '../../simulator/scenario.js'
import type { Simulator } from '../../simulator/server.js'
import type { FaultCase } from './case.js'

// The Cloud Partner Portal: a live offer, and the preview a publish makes.
const LIVE: Phase = { status: 'succeeded', steps: { '*': 'complete' } }
const CERTIFYING: Phase = { status: 'running', steps: { displaycertify: 'inProgress' }, times: 2 }
const PREVIEW_READY: Phase = {
  status: 'running',
  steps: { '*': 'complete', 'publisher-signoff': 'waitingForPublisherReview', live: 'notStarted' }
}

// The Product Ingestion API: a product live at submission 1, then a preview of 2 made.
const sub = (target: 'preview' | 'live', number: string, status = 'completed'): SubmissionSpec => ({
  target,
  number,
  status,
  ...(status === 'completed' && { result: 'succeeded' }),
  created: `2026-11-0${number}T08:00:00Z`
})
const INGESTION = { scenario: { api: 'product-ingestion', externalId: 'contoso-saas' } } as const
const LIVE_1: Phase = { submissions: [sub('preview', '1'), sub('live', '1')] }
const PREVIEW_2: Phase[] = [
  { job: { status: 'running' }, submissions: [sub('live', '1'), sub('preview', '2', 'running')] },
  {
    job: { status: 'completed', result: 'succeeded' },
    submissions: [sub('live', '1'), sub('preview', '2')]
  }
]

// The publishing requests: POSTs to the API, not to Entra ID or GitHub.
const posts = (sim: Simulator) =>
  sim.requests.filter(
    request => request.method === 'POST' && !/^\/repos\/|\/oauth2\//.test(request.url)
  )

export const PUBLISHING: FaultCase[] = [
  {
    fault: 'a publishing request refused: 409, an operation under way',
    does: "ends that offer `error` with the service's words and what to check; sends nothing more",
    outcome: 'error',
    exitCode: 1,
    timeline: [LIVE],
    inputs: { publish: 'preview' },
    scenario: { publishing: { refusals: [{ fault: 409 }] } },
    check: (run, sim, expect) => {
      expect(posts(sim)).toHaveLength(1)
      expect(run.stdout).toMatch(
        /::error::error: the preview request was refused: the Cloud Partner Portal answered 409 Conflict: only one operation of an offer can run at a time/
      )
    }
  },
  {
    fault: 'a publishing request throttled: 429 with Retry-After',
    does: 'sends it again once the Retry-After has passed (it was not taken), then follows it',
    outcome: 'success',
    exitCode: 0,
    timeline: [LIVE],
    inputs: { publish: 'preview' },
    scenario: {
      publishing: { refusals: [{ fault: 429, retryAfter: 3 }], preview: [PREVIEW_READY] }
    },
    check: (_, sim, expect) => {
      const [first, second, ...more] = posts(sim)
      expect(more).toEqual([])
      expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(3_000)
    }
  },
  {
    fault: "a publishing request's answer lost: no answer within request-timeout",
    does: 'never sends it again; follows it once the status shows it went through',
    outcome: 'success',
    exitCode: 0,
    timeline: [LIVE],
    inputs: { publish: 'preview' },
    scenario: { publishing: { lostAnswer: 'hang', preview: [CERTIFYING, PREVIEW_READY] } },
    check: (run, sim, expect) => {
      expect(posts(sim)).toHaveLength(1)
      expect(run.stdout).toContain('the request whose answer was lost went through after all')
    }
  },
  {
    fault:
      "a publishing request's connection reset after it was sent, and the status never shows it",
    does: 'never sends it again; at the deadline ends `error`: the answer was lost, it may not have gone through, what to check',
    outcome: 'error',
    exitCode: 1,
    timeline: [LIVE],
    inputs: { publish: 'preview' },
    scenario: { publishing: { lostAnswer: 'reset' } },
    check: (run, sim, expect) => {
      expect(posts(sim)).toHaveLength(1)
      expect(run.stdout).toMatch(
        /::error::error: the answer to the preview request sent at .* was lost, .* it may not have\. Check the offer in Partner Center/
      )
    }
  },
  {
    fault: 'a go-live answered 502, taken all the same',
    does: 'never sends it again; follows the live submission that carries the preview id once listed',
    apis: ['product-ingestion'],
    outcome: 'success',
    exitCode: 0,
    timeline: [{ submissions: [sub('live', '1'), sub('preview', '2')] }],
    inputs: { publish: 'live' },
    scenario: {
      ...INGESTION.scenario,
      publishing: {
        lostAnswer: 502,
        live: [
          {
            submissions: [
              sub('preview', '2'),
              { ...sub('live', '2', 'running'), created: '2026-11-09T08:00:00Z' }
            ]
          },
          {
            submissions: [
              sub('preview', '2'),
              { ...sub('live', '2'), created: '2026-11-09T08:00:00Z' }
            ]
          }
        ]
      }
    },
    check: (run, sim, expect) => {
      expect(posts(sim)).toHaveLength(1)
      expect(run.outputs.status).toBe('Succeeded')
    }
  },
  {
    fault: 'a publish answered 202 with a Location on another host',
    does: 'follows nothing it cannot vouch for: waits for the status to show the publish under way, then follows the offer',
    outcome: 'success',
    exitCode: 0,
    timeline: [LIVE],
    inputs: { publish: 'preview' },
    scenario: {
      publishing: {
        answer: { status: 202, headers: { location: 'https://elsewhere.test/api/operations/1' } },
        preview: [CERTIFYING, PREVIEW_READY]
      }
    },
    check: (run, sim, expect) => {
      expect(posts(sim)).toHaveLength(1)
      expect(sim.requests.some(request => request.url.includes('/operations/'))).toBe(false)
      expect(JSON.parse(run.outputs.offers ?? '')[0].requests[0].ref).toBe('')
    }
  },
  {
    fault: 'a configure request answered without a jobId',
    does: 'takes it as sent and never sends it again; follows the new preview once the submissions show it',
    apis: ['product-ingestion'],
    outcome: 'success',
    exitCode: 0,
    timeline: [LIVE_1],
    inputs: { publish: 'preview' },
    scenario: {
      ...INGESTION.scenario,
      publishing: { answer: { status: 202, json: { jobStatus: 'notStarted' } }, preview: PREVIEW_2 }
    },
    check: (run, sim, expect) => {
      expect(posts(sim)).toHaveLength(1)
      expect(run.outputs['submission-id']).toMatch(/\/2$/)
    }
  },
  {
    fault: 'the configure job of a preview fails: "An In Progress submission already exists"',
    does: "ends `failure` with the job's errors; nothing is sent again",
    apis: ['product-ingestion'],
    outcome: 'failure',
    exitCode: 1,
    timeline: [LIVE_1],
    inputs: { publish: 'preview' },
    scenario: {
      ...INGESTION.scenario,
      publishing: {
        preview: [
          {
            job: {
              status: 'completed',
              result: 'failed',
              errors: [
                {
                  code: 'internalServerError',
                  message: 'An In Progress submission 1152921505699000003 already exists.'
                }
              ]
            }
          }
        ]
      }
    },
    check: (run, sim, expect) => {
      expect(posts(sim)).toHaveLength(1)
      expect(run.stdout).toContain('An In Progress submission 1152921505699000003 already exists.')
    }
  },
  {
    fault: 'a promote refused: 409',
    does: "ends `error` with the service's words: not ready, or promoted already; sends nothing more",
    apis: ['partner-center'],
    outcome: 'error',
    exitCode: 1,
    timeline: [{ appSource: { state: 'Published', substate: 'ReadyToPublish' } }],
    inputs: { publish: 'live' },
    scenario: {
      publishing: {
        refusals: [{ fault: 409, message: 'Submission is not in a promotable state.' }]
      }
    },
    check: (run, sim, expect) => {
      expect(posts(sim)).toHaveLength(1)
      expect(run.stdout).toMatch(
        /the go-live request was refused: the Partner Center ingestion API answered 409 Conflict: the submission is not ready to publish, or was promoted already .*Submission is not in a promotable state\./
      )
    }
  },
  {
    fault: 'a publishing request answered 401, the token expired meanwhile',
    does: 'signs in again and sends it once more (a 401 is refused before anything is done); never a third time',
    outcome: 'success',
    exitCode: 0,
    entra: { clientSecret: 'fault-catalogue-secret-p1' },
    inputs: { publish: 'preview', 'client-secret': 'fault-catalogue-secret-p1' },
    timeline: [LIVE],
    scenario: { publishing: { refusals: [{ fault: 401 }], preview: [PREVIEW_READY] } },
    check: (_, sim, expect) => {
      expect(posts(sim)).toHaveLength(2)
    }
  },
  {
    fault: 'the workflow run again while the preview it sent is still certifying',
    does: 'sends nothing: the status shows a publish under way, and the wait follows it',
    outcome: 'success',
    exitCode: 0,
    timeline: [CERTIFYING, PREVIEW_READY],
    inputs: { publish: 'preview' },
    scenario: { publishing: { preview: [LIVE] } },
    check: (run, sim, expect) => {
      expect(posts(sim)).toEqual([])
      expect(run.stdout).toContain('not sent, a publish is under way already')
    }
  }
]
