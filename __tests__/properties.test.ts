// Property-based tests: whatever string or JSON value comes in, every parser gives a
// result or the documented input error, never another exception.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseRetryAfter } from '../src/http/policy.js'
import { formatDuration, parseDuration } from '../src/inputs/duration.js'
import { InputError } from '../src/inputs/input-error.js'
import { readOfferStatus } from '../src/sources/cloud-partner-portal/read-offer-status.js'
import { outputsOf } from '../src/report/outputs.js'
import { DEFAULTS, readSettings } from '../src/settings.js'
import { OFFER_STATUSES, STEP_STATUSES, parseStatusList } from '../src/status/statuses.js'
import {
  SUMMARY_BYTE_LIMIT,
  CHECK_SUMMARY_BYTE_LIMIT,
  renderSummary
} from '../src/report/summary.js'
import { brief, clip, escapeMarkdown } from '../src/text.js'
import { judge } from '../src/wait/verdict.js'
import { ended, stepWith } from './builders.js'
import { readRunner } from '../src/runner/context.js'

const INPUTS = [
  'api',
  'publisher-id',
  'offer-id',
  'job-id',
  'token',
  'tenant-id',
  'client-id',
  'client-secret',
  'authority-host',
  'base-url',
  'api-version',
  'target-status',
  'fail-on-status',
  'fail-on-step-status',
  'timeout',
  'interval',
  'max-interval',
  'request-timeout',
  'fail-on-timeout',
  'summary',
  'check-name',
  'github-token'
]

/** Any string, or one near the values inputs take, so both paths get explored. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '90s',
    '15m',
    '2h',
    '1h30m',
    '6d',
    'abc',
    'Succeeded',
    'failed, Canceled',
    'Rejected',
    'true',
    'false',
    'contoso',
    'a/b',
    '..',
    'https://cloudpartner.azure.com',
    'http://127.0.0.1:8080',
    'http://example.com',
    '2017-10-31',
    '11111111-2222-3333-4444-555555555555',
    'Bearer abc',
    'tok en'
  )
)

const anyJson = fc.jsonValue({ maxDepth: 4 })
const offerLike = fc.oneof(
  fc.dictionary(
    fc.constantFrom('status', 'steps', 'messages', 'previewLinks', 'liveLinks', 'x'),
    anyJson
  ),
  fc.record({
    status: fc.oneof(text, anyJson),
    steps: fc.array(
      fc.dictionary(
        fc.constantFrom(
          'id',
          'stepName',
          'status',
          'progressPercentage',
          'estimatedTimeFrame',
          'messages'
        ),
        fc.oneof(text, anyJson)
      ),
      { maxLength: 6 }
    )
  })
)

describe('properties', () => {
  it('parseDuration: a whole number of milliseconds or undefined, never an exception', () => {
    fc.assert(
      fc.property(text, value => {
        const ms = parseDuration(value)
        expect(ms === undefined || (Number.isSafeInteger(ms) && ms >= 0)).toBe(true)
      })
    )
  })

  it('parseDuration reads what formatDuration writes, to the second, within its two units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 * 86_400 }), seconds => {
        const written = formatDuration(seconds * 1000)
        const read = parseDuration(written) ?? -1
        expect(read).toBeLessThanOrEqual(seconds * 1000)
        expect(read).toBeGreaterThan(
          seconds * 1000 - (seconds >= 86_400 ? 3_600_000 : seconds >= 3_600 ? 60_000 : 1_000)
        )
      })
    )
  })

  it('parseStatusList: known names in their spelling, the rest reported, nothing else', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(OFFER_STATUSES, STEP_STATUSES), (value, known) => {
        const { names, unknown } = parseStatusList(value, known)
        expect(names.every(name => (known as readonly string[]).includes(name))).toBe(true)
        expect(
          unknown.every(name => name === name.trim() && name !== '' && !/[,\n]/.test(name))
        ).toBe(true)
      })
    )
  })

  it('readSettings: settings, or a one-line InputError naming real inputs, never quoting a secret', () => {
    // Secrets that look like secrets, with spaces or control characters at times, so that
    // the errors about them are explored too; or any text at all.
    const secret = fc.oneof(
      fc
        .tuple(fc.stringMatching(/^[A-Za-z0-9]{16}$/), fc.constantFrom('', ' x', '\n', '\u0007'))
        .map(([body, tail]) => `sk_${body}${tail}`),
      text
    )
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...INPUTS), text),
        fc.option(secret, { nil: undefined }),
        fc.option(secret, { nil: undefined }),
        (given, token, clientSecret) => {
          const inputs: Record<string, string | undefined> = {
            ...given,
            token,
            'client-secret': clientSecret
          }
          try {
            const settings = readSettings(name => inputs[name], readRunner({}))
            expect(settings.timeoutMs).toBeGreaterThanOrEqual(0)
            expect(settings.maxIntervalMs).toBeGreaterThanOrEqual(settings.intervalMs)
            expect(settings.intervalMs).toBeGreaterThanOrEqual(1_000)
          } catch (error) {
            expect(error).toBeInstanceOf(InputError)
            const { message, inputs: named } = error as InputError
            expect(message).toMatch(/^Inputs? '/)
            expect(message).not.toMatch(/[\n\r]/)
            expect(named.every(name => INPUTS.includes(name))).toBe(true)
            for (const value of [token, clientSecret]) {
              const body = /^sk_[A-Za-z0-9]{16}/.exec(value ?? '')?.[0]
              if (body) expect(message).not.toContain(body)
            }
          }
        }
      ),
      { numRuns: 2_000 }
    )
  })

  it('readSettings accepts the defaults of action.yml with any one sign-in', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9._~+/-]{8,80}$/), token => {
        const settings = readSettings(
          name => ({ ...DEFAULTS, 'publisher-id': 'p', 'offer-id': 'o', token })[name] ?? '',
          readRunner({})
        )
        expect(settings.signIn).toEqual({ kind: 'token', token })
      })
    )
  })

  it('parseRetryAfter: milliseconds from now, never negative, or undefined', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          fc.date({ noInvalidDate: true }).map(d => d.toUTCString())
        ),
        value => {
          const ms = parseRetryAfter(value, Date.UTC(2026, 0, 1))
          expect(ms === undefined || (Number.isFinite(ms) && ms >= 0)).toBe(true)
        }
      )
    )
  })

  it('readOfferStatus: any JSON object gives a well-typed status, never an exception', () => {
    fc.assert(
      fc.property(offerLike, body => {
        const offer = readOfferStatus(body as Record<string, unknown>)
        expect(typeof offer.status).toBe('string')
        for (const step of offer.steps) {
          expect(typeof step.id === 'string' && step.id !== '').toBe(true)
          expect(typeof step.name).toBe('string')
          expect(typeof step.status).toBe('string')
          expect(step.progress === null || (step.progress >= 0 && step.progress <= 100)).toBe(true)
          expect(step.messages.every(m => typeof m.html === 'string')).toBe(true)
        }
        expect(Array.isArray(offer.previewLinks) && Array.isArray(offer.liveLinks)).toBe(true)
        const verdict = judge(
          offer,
          {
            targetStatuses: ['Succeeded'],
            failOnStatuses: ['Failed'],
            failOnStepStatuses: ['Rejected']
          },
          'offer'
        )
        expect([undefined, 'success', 'failure']).toContain(verdict?.outcome)
        expect(() =>
          JSON.parse(
            outputsOf(
              [ended({ outcome: 'success', reason: '', snapshot: offer, polls: 1 })],
              stepWith()
            ).steps ?? ''
          )
        ).not.toThrow()
      })
    )
  })

  it('renderSummary: within its limit, one table row per step, whatever the server sent', () => {
    const message = fc.record({
      html: text,
      level: fc.oneof(text, fc.constantFrom('error', 'warning', 'information')),
      timestamp: text,
      link: fc.option(text, { nil: undefined })
    })
    const snapshot = fc.record({
      status: text,
      steps: fc.array(
        fc.record({
          id: text,
          name: text,
          description: text,
          status: text,
          progress: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
          estimatedTimeFrame: text,
          messages: fc.array(message, { maxLength: 3 })
        }),
        { maxLength: 6 }
      ),
      messages: fc.array(message, { maxLength: 3 }),
      previewLinks: fc.array(anyJson, { maxLength: 3 }),
      liveLinks: fc.array(anyJson, { maxLength: 3 }),
      safeLinks: fc.array(text, { maxLength: 3 }),
      productId: text,
      submissionId: text
    })
    fc.assert(
      fc.property(snapshot, text, fc.array(text, { maxLength: 5 }), (offer, reason, changes) => {
        for (const limit of [SUMMARY_BYTE_LIMIT, CHECK_SUMMARY_BYTE_LIMIT]) {
          const markdown = renderSummary(
            ended({
              label: reason,
              changes: changes.map((change, i) => ({ at: i, text: change })),
              outcome: 'failure',
              reason,
              snapshot: offer,
              polls: 3,
              startedAt: 0,
              endedAt: 1_000
            }),
            stepWith(),
            { byteLimit: limit }
          )
          expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(limit)
          // The rows under the step table's header, as wide as it is.
          const lines = markdown.split('\n')
          const header = lines.findIndex(line => /^\| {2}\| Step \| Status \|/.test(line))
          const width = lines[header]?.split('|').length
          const rows = header < 0 ? [] : lines.slice(header + 2, lines.indexOf('', header))
          expect(rows.every(line => line.split('|').length === width)).toBe(true)
          expect(rows).toHaveLength(
            offer.steps.length === 0
              ? 0
              : Math.min(offer.steps.length, 100) + (offer.steps.length > 100 ? 1 : 0)
          )
          expect(markdown).not.toMatch(/<(?!sub>|\/sub>)/)
        }
      })
    )
  })

  it('clip, brief and escapeMarkdown: one inert line', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.integer({ min: 2, max: 50 }),
        (value, max) => {
          for (const line of [clip(value, max), brief(value, max)]) {
            expect(line.length).toBeLessThanOrEqual(max)
            // eslint-disable-next-line no-control-regex
            expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/)
          }
          expect(escapeMarkdown(clip(value, max))).not.toMatch(/[<>|`*_[\]\\~]/)
        }
      )
    )
  })
})
