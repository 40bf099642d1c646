// The fault catalogue's rows: what the Partner Center ingestion API really answers, in
// the shapes clients recorded (`__tests__/fixtures/partner-center/`), replayed; each
// class one that turned a status the action could know into an error, a timeout or a
// silent reason.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RecordedAnswer } from '../../simulator/scenario.js'
import { type FaultCase } from './case.js'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'partner-center')
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as unknown

// Requests by what they ask for: the submission list, a submission's details.
const LIST = '/submissions(\\?|$)'
const DETAILS = '/workflowdetails$'
const VALIDATIONS = '/validations$'
const REPORTS = '/reports$'
const EMPTY = { value: [] }

/** A row on the Partner Center ingestion API, its answers replayed as recorded. */
const replayed = (row: Omit<FaultCase, 'apis' | 'timeline'> & { recorded: RecordedAnswer[] }) => {
  const { recorded, ...rest } = row
  return {
    ...rest,
    apis: ['partner-center'],
    timeline: [{ appSource: { state: 'InProgress', substate: 'Submitted' } }],
    scenario: { recorded, ...rest.scenario }
  } satisfies FaultCase
}

/** The answers of a product with one submission: its list, its details, nothing to explain. */
const submissionAnswers = (
  list: unknown,
  details: unknown = fixture('workflowdetails-live-first.json')
) => [
  { match: LIST, json: list },
  { match: DETAILS, json: details },
  { match: VALIDATIONS, json: EMPTY },
  { match: REPORTS, json: EMPTY }
]

export const PARTNER_CENTER: FaultCase[] = [
  replayed({
    fault: 'an error body that is a JSON string, the complaint after 160 characters (ICH50400)',
    does: "decodes it and puts the service's complaint in the reason, however far in it comes",
    outcome: 'error',
    exitCode: 1,
    recorded: [{ match: LIST, status: 400, json: fixture('error-ich50400.json') }],
    check: (run, _, expect) => {
      expect(run.outputs.offers).toContain(
        'ICH50400 - Unable to complete request. Request validation failed. ProductTypeFilter[0]'
      )
    }
  }),
  replayed({
    fault: 'a problem document whose `errors` come last (the seller id refused)',
    does: 'names the refused field and what the service said of it in the reason',
    outcome: 'error',
    exitCode: 1,
    recorded: [{ match: LIST, status: 400, json: fixture('error-problem-document.json') }],
    check: (run, _, expect) => {
      expect(run.stdout).toContain(
        'One or more validation errors occurred. (x-ms-publisherId: The x-ms-publisherId field is required.)'
      )
    }
  }),
  replayed({
    fault:
      'every submission release 1 (a product never published), the newest listed in the middle',
    does: 'follows the newest by its id, never by list order alone',
    outcome: 'success',
    exitCode: 0,
    inputs: { 'target-status': 'WaitingForPublisherReview' },
    recorded: submissionAnswers(fixture('submissions-never-published.json')),
    check: (run, _, expect) => {
      expect(run.outputs['submission-id']).toBe('1152921505699000103')
    }
  }),
  replayed({
    fault: 'the newest submission without a `releaseNumber`',
    does: 'is not sunk below an older one: the ids say which is newer',
    outcome: 'success',
    exitCode: 0,
    inputs: { 'target-status': 'WaitingForPublisherReview' },
    recorded: submissionAnswers(fixture('submissions-release-missing.json')),
    check: (run, _, expect) => {
      expect(run.outputs['submission-id']).toBe('1152921505699000207')
    }
  }),
  replayed({
    fault: 'a failure only `pendingUpdateInfo` shows (substate still InDraft)',
    does: 'reads the validations at its `href`: the reason and the summary name the failed one',
    outcome: 'failure',
    exitCode: 1,
    recorded: [
      { match: LIST, json: fixture('submission-pending-failed.json') },
      { match: DETAILS, json: fixture('workflowdetails-live-first.json') },
      {
        match: VALIDATIONS,
        json: {
          value: [
            {
              errorCode: 'Resell-20007',
              severity: 'Error',
              message: 'ResellerConfiguration module is missing..',
              resource: 'Resell'
            }
          ]
        }
      },
      { match: REPORTS, json: EMPTY }
    ],
    check: (run, sim, expect) => {
      expect(run.stdout).toMatch(
        /::error::failure: .*Resell-20007: ResellerConfiguration module is missing/
      )
      expect(run.summary).toContain('Validation Resell-20007')
      expect(
        sim.requests.some(request => request.url.endsWith('/1152921505699000301/validations'))
      ).toBe(true)
    }
  }),
  replayed({
    fault: 'an Error validation listed after 60 informational ones',
    does: 'still reaches the reason and the summary: the cap comes after the filter',
    outcome: 'failure',
    exitCode: 1,
    recorded: [
      {
        match: LIST,
        json: {
          value: [
            { id: '1152921505699000501', state: 'InProgress', substate: 'Failed', releaseNumber: 5 }
          ]
        }
      },
      { match: DETAILS, json: fixture('workflowdetails-live-first.json') },
      { match: VALIDATIONS, json: fixture('validations-error-after-many.json') },
      { match: REPORTS, json: EMPTY }
    ],
    check: (run, _, expect) => {
      expect(run.outputs.offers).toContain('Resell-20007')
      expect(run.summary).toContain('Validation Resell-20007')
    }
  }),
  replayed({
    fault: 'a `nextLink` that answers 404',
    does: 'keeps the status of the pages read, with a warning; never an error',
    outcome: 'success',
    exitCode: 0,
    inputs: { 'target-status': 'WaitingForPublisherReview' },
    recorded: [
      { match: '\\$skipToken=', status: 404, json: 'Page not found.' },
      {
        match: LIST,
        json: {
          ...(fixture('submissions-release-missing.json') as object),
          nextLink:
            'v1.0/ingestion/products/5d2c8a1e-3b7f-4c9d-8e6a-1f0b2c3d4e5f/submissions?$skipToken=2'
        }
      },
      ...submissionAnswers(EMPTY).slice(1)
    ],
    check: (run, _, expect) => {
      expect(run.stdout).toMatch(
        /::warning title=Publishing%3A Product::The submission list ended early \(page 2 of the submission list answered 404\)/
      )
    }
  }),
  replayed({
    fault: 'validations that cannot be read when a submission fails',
    does: 'lets the failure stand, with a warning that the explanation is read again at the next change',
    outcome: 'failure',
    exitCode: 1,
    recorded: [
      {
        match: LIST,
        json: {
          value: [
            { id: '1152921505699000601', state: 'InProgress', substate: 'Failed', releaseNumber: 6 }
          ]
        }
      },
      { match: DETAILS, json: fixture('workflowdetails-live-first.json') },
      { match: VALIDATIONS, status: 500, json: { code: 'ICH500', message: 'Internal error' } },
      { match: REPORTS, json: EMPTY }
    ],
    check: (run, _, expect) => {
      expect(run.stdout).toMatch(
        /The validations of submission "1152921505699000601" could not be read .*read again at its next change/
      )
    }
  }),
  replayed({
    fault: 'a 404 on a submission that was readable (navcontainerhelper#4126)',
    does: 'lists the product again and follows the newest, saying so in the log; no error',
    outcome: 'success',
    exitCode: 0,
    inputs: { 'target-status': 'WaitingForPublisherReview' },
    recorded: [
      {
        match: DETAILS,
        times: 1,
        status: 404,
        json: "Submission '1152921505699000207' was not found."
      },
      ...submissionAnswers(fixture('submissions-release-missing.json'))
    ],
    check: (run, sim, expect) => {
      expect(run.stdout).toMatch(
        /answered 404 although it is listed; the product's submissions were listed again/
      )
      expect(sim.requests.filter(request => /\/submissions\?/.test(request.url))).toHaveLength(2)
    }
  }),
  replayed({
    fault: 'workflow details that list Live before Preview',
    does: "orders the steps Preview first: `current-step` is the preview's",
    outcome: 'timeout',
    exitCode: 0,
    inputs: { timeout: '0', 'fail-on-timeout': 'false' },
    recorded: submissionAnswers({
      value: [
        { id: '1152921505699000701', state: 'InProgress', substate: 'Submitted', releaseNumber: 7 }
      ]
    }),
    check: (run, _, expect) => {
      expect(run.outputs['current-step']).toBe('preview/automated validation')
      expect((JSON.parse(run.outputs.steps ?? '[]') as { id: string }[])[0]?.id).toBe(
        'preview/automated validation'
      )
    }
  }),
  replayed({
    fault: 'a ready submission that promotes itself, told only when `publishOption` is asked for',
    does: 'asks for it (`$expand=PublishOption`) and reads the submission as Running, not waiting for the publisher',
    outcome: 'timeout',
    exitCode: 0,
    inputs: {
      timeout: '0',
      'fail-on-timeout': 'false',
      'target-status': 'WaitingForPublisherReview'
    },
    recorded: [
      {
        match: '/submissions\\?.*\\$expand=PublishOption',
        json: {
          value: [
            {
              id: '1152921505699000801',
              state: 'InProgress',
              substate: 'ReadyToPublish',
              releaseNumber: 8,
              publishOption: { isAutoPromote: true, isManualPublish: false }
            }
          ]
        }
      },
      {
        match: LIST,
        json: {
          value: [
            {
              id: '1152921505699000801',
              state: 'InProgress',
              substate: 'ReadyToPublish',
              releaseNumber: 8
            }
          ]
        }
      },
      ...submissionAnswers(EMPTY).slice(1)
    ],
    check: (run, _, expect) => {
      expect(run.outputs.status).toBe('Running')
    }
  }),
  replayed({
    fault: "a certification report's link, on Azure Blob Storage and elsewhere",
    does: "is a clickable link in the summary and the check run on the service's own hosts; inert text elsewhere",
    outcome: 'failure',
    exitCode: 1,
    github: {},
    recorded: [
      {
        match: LIST,
        json: {
          value: [
            {
              id: '1152921505699000401',
              state: 'InProgress',
              substate: 'FailedInCertification',
              releaseNumber: 4
            }
          ]
        }
      },
      { match: DETAILS, json: fixture('workflowdetails-live-first.json') },
      { match: VALIDATIONS, json: EMPTY },
      { match: REPORTS, json: fixture('reports.json') }
    ],
    check: (run, sim, expect) => {
      const link =
        '](https://pcingestionreports.blob.core.windows.net/reports/1152921505699000401/certification.pdf?sv=2021-08-06&se=2026-12-08)'
      expect(run.summary).toContain(link)
      expect(run.summary).not.toContain('](https://ingestionreports.example.org')
      const checkRun = JSON.stringify(sim.github.checkRuns[0]?.fields)
      expect(checkRun).toContain('](https://pcingestionreports.blob.core.windows.net/reports/')
    }
  })
]
