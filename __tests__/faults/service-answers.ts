// The fault catalogue's rows: What the services answer: odd, huge, hostile and real bodies.
import {
  RUNNING,
  SUCCEEDED,
  EVERY_API,
  STATUS_BODIES,
  UNSEEN,
  OFFER,
  OTHER_PRODUCT,
  OWN_PRODUCT,
  product,
  type FaultCase
} from './case.js'

export const SERVICE_ANSWERS: FaultCase[] = [
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
  }
]
