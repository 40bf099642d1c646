import { describe, expect, it } from '@jest/globals'
import { InputError } from '../src/inputs/input-error.js'
import { DEFAULTS, readSettings } from '../src/settings.js'
import { readRunner } from '../src/runner/context.js'

// A job with `permissions: id-token: write`: the runner's ID-token endpoint is there.
const RUNNER_WITH_ID_TOKENS = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://runner.example/idtoken?api-version=2.0',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token'
}
const required = { 'publisher-id': 'contoso', 'offer-id': 'contoso-vm', token: 'secret-token' }

/** Inputs as the runner passes them: absent ones undefined, given ones as given. */
function read(inputs: Record<string, string>) {
  return readSettings(
    name => (({ ...required, ...inputs }) as Record<string, string>)[name],
    readRunner(RUNNER_WITH_ID_TOKENS)
  )
}

function errorOf(inputs: Record<string, string>): InputError {
  try {
    read(inputs)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('no error')
}

describe('readSettings', () => {
  it('fills absent inputs with the defaults of action.yml and of the chosen API', () => {
    const settings = read({})
    expect(settings.api.name).toBe('cloud-partner-portal')
    expect(settings.targets.map(({ id, label }) => ({ id, label }))).toEqual([
      { id: 'contoso-vm', label: 'offer contoso/contoso-vm' }
    ])
    expect(settings).toMatchObject({
      signIn: { kind: 'token', token: 'secret-token' },
      baseUrl: 'https://cloudpartner.azure.com',
      apiVersion: '2017-10-31',
      targetStatuses: ['Succeeded'],
      failOnStatuses: ['Failed', 'Canceled'],
      failOnStepStatuses: ['Rejected'],
      timeoutMs: 1_800_000,
      intervalMs: 30_000,
      maxIntervalMs: 300_000,
      requestTimeoutMs: 30_000,
      failOnTimeout: true,
      writeSummary: true
    })
  })

  it('reads every kind of value', () => {
    const settings = read({
      'base-url': 'http://127.0.0.1:8080/',
      'target-status': 'waitingForPublisherReview\nsucceeded',
      'fail-on-status': '',
      'fail-on-step-status': 'rejected, blocked',
      'api-version': '',
      timeout: '0',
      interval: '5',
      'max-interval': '2m',
      'request-timeout': '10s',
      'fail-on-timeout': 'False',
      summary: 'false',
      token: 'Bearer abc.def.ghi'
    })
    expect(settings).toMatchObject({
      baseUrl: 'http://127.0.0.1:8080',
      targetStatuses: ['WaitingForPublisherReview', 'Succeeded'],
      failOnStatuses: [],
      failOnStepStatuses: ['Rejected', 'Blocked'],
      apiVersion: '2017-10-31',
      timeoutMs: 0,
      intervalMs: 5_000,
      maxIntervalMs: 120_000,
      requestTimeoutMs: 10_000,
      failOnTimeout: false,
      writeSummary: false,
      signIn: { kind: 'token', token: 'abc.def.ghi' }
    })
  })

  it.each([
    [{ api: 'cloud-partner-portal', 'publisher-id': '' }, 'publisher-id', /required/],
    [{ 'offer-id': '.' }, 'offer-id', /plain id/],
    [{ 'job-id': '1234' }, 'job-id', /for the Product Ingestion API/],
    [
      { api: 'legacy' },
      'api',
      /must be auto, product-ingestion, cloud-partner-portal or partner-center/
    ],
    [{ 'offer-id': 'a, b\na' }, 'offer-id', /lists "a" twice/],
    [
      { 'offer-id': Array.from({ length: 51 }, (_, i) => `vm${i}`).join(',') },
      'offer-id',
      /lists 51 ids; one step waits for at most 50/
    ],
    [{ 'offer-id': 'a/b' }, 'offer-id', /plain id/],
    [{ 'offer-id': 'a\\b' }, 'offer-id', /plain id/],
    [{ 'offer-id': '..' }, 'offer-id', /plain id/],
    [{ 'publisher-id': ' contoso' }, 'publisher-id', /spaces at its ends/],
    [{ 'offer-id': 'vm\rx' }, 'offer-id', /control character/],
    [{ 'offer-id': 'vm\u0007' }, 'offer-id', /control character/],
    [{ token: '' }, 'token', /is empty and nothing else was given/],
    [{ token: 'abc def' }, 'token', /spaces/],
    [{ token: 'abc1234' }, 'token', /is 7 characters long/],
    [
      { 'offer-id': 'contoso-vm, Contoso-VM' },
      'offer-id',
      /lists "Contoso-VM" twice \(ids are the same in any case\)/
    ],
    [{ timeout: '1h1h' }, 'timeout', /not a duration: "1h1h".*each unit once/],
    [{ timeout: '30m1h' }, 'timeout', /not a duration/],
    [{ 'base-url': 'http://cloudpartner.azure.com' }, 'base-url', /https/],
    [{ 'base-url': 'ftp://127.0.0.1' }, 'base-url', /https/],
    [{ 'base-url': 'not a url' }, 'base-url', /not a URL/],
    [{ 'base-url': 'https://u:p@example.com' }, 'base-url', /user name/],
    [{ 'base-url': 'https://example.com/?x=1' }, 'base-url', /query/],
    [{ 'api-version': 'latest' }, 'api-version', /2017-10-31/],
    [{ 'target-status': 'Done' }, 'target-status', /unknown status "Done"/],
    [{ 'target-status': ' , ' }, 'target-status', /no status/],
    [{ 'fail-on-status': 'Rejected' }, 'fail-on-status', /unknown status "Rejected"/],
    [{ 'fail-on-step-status': 'Failed' }, 'fail-on-step-status', /unknown status "Failed"/],
    [{ 'target-status': 'Failed' }, 'target-status', /both name Failed/],
    [{ timeout: 'abc' }, 'timeout', /not a duration/],
    [{ timeout: '-1' }, 'timeout', /not a duration/],
    [{ timeout: '6d' }, 'timeout', /at most 5d/],
    [{ interval: '0' }, 'interval', /at least 1s/],
    [{ 'request-timeout': '0.5' }, 'request-timeout', /at least 1s/],
    [{ interval: '5m', 'max-interval': '1m' }, 'max-interval', /shorter than 'interval'/],
    [{ 'fail-on-timeout': 'maybe' }, 'fail-on-timeout', /true or false/],
    [{ summary: '1' }, 'summary', /true or false/],
    [{ 'check-name': 'a\nb' }, 'check-name', /one line/],
    [{ 'check-name': 'x'.repeat(101) }, 'check-name', /at most 100/],
    [{ 'check-name': 'Marketplace' }, 'github-token', /is empty but 'check-name'/]
  ])('refuses %j naming the input', (inputs, input, problem) => {
    const error = errorOf(inputs)
    expect(error.inputs).toEqual([input])
    expect(error.message).toMatch(new RegExp(`^Input '${input}' `))
    expect(error.message).toMatch(problem)
    expect(error.message).not.toContain('\n')
  })

  it('reads a check run only when check-name is set', () => {
    expect(read({ 'github-token': 'ghs_x' })).not.toHaveProperty('checkName')
    expect(read({ 'github-token': 'ghs_x' })).not.toHaveProperty('githubToken')
    expect(read({ 'check-name': ' Marketplace ', 'github-token': 'ghs_x' })).toMatchObject({
      checkName: 'Marketplace',
      githubToken: 'ghs_x'
    })
  })

  it('accepts loopback hosts over plain http for local testing', () => {
    for (const url of ['http://localhost:1', 'http://127.0.0.1', 'http://[::1]:8080']) {
      expect(read({ 'base-url': url }).baseUrl).toBe(url.replace(/\/$/, ''))
    }
  })

  it('never quotes the token in its error', () => {
    const error = errorOf({ token: 'very-secret value' })
    expect(error.message).not.toContain('very-secret')
  })
})

describe('readSettings: the Product Ingestion API', () => {
  const ingestion = { 'publisher-id': '', token: 'secret-token' }

  it('is the API when no publisher-id is given, with its own defaults', () => {
    const settings = read({ ...ingestion, 'offer-id': 'contoso-saas' })
    expect(settings.api.name).toBe('product-ingestion')
    expect(settings).toMatchObject({
      baseUrl: 'https://graph.microsoft.com/rp/product-ingestion',
      apiVersion: '2022-07-01',
      intervalMs: 60_000
    })
    expect(settings.api.scope).toBe('https://graph.microsoft.com/.default')
    expect(settings.targets[0]).toMatchObject({ id: 'contoso-saas', label: 'offer contoso-saas' })
  })

  it('reads several offers or jobs, comma or newline separated, in order', () => {
    const offers = read({ ...ingestion, 'offer-id': 'a, b\nc' })
    expect(offers.targets.map(target => target.id)).toEqual(['a', 'b', 'c'])
    const guid = '7a3c0000-1111-2222-3333-444455556666'
    expect(() => read({ ...ingestion, 'offer-id': `product/${guid}, ${guid}` })).toThrow(
      /names product\/7a3c0000-1111-2222-3333-444455556666 twice/
    )
  })

  it('uses an interval given explicitly as given', () => {
    expect(read({ ...ingestion, 'offer-id': 'x', interval: '10s' }).intervalMs).toBe(10_000)
  })

  it('reads a job id, and a product id with its slash', () => {
    const job = read({ ...ingestion, 'offer-id': '', 'job-id': '0f3c-77' })
    expect(job.targets[0]).toMatchObject({
      id: '0f3c-77',
      label: 'configure job 0f3c-77',
      noun: 'job'
    })
    const guid = '7A3C0000-1111-2222-3333-444455556666'
    for (const id of [`product/${guid}`, guid]) {
      expect(read({ ...ingestion, 'offer-id': id }).targets[0]?.id).toBe(id)
    }
  })

  it.each([
    [{ 'offer-id': 'x', 'job-id': 'y' }, ['offer-id', 'job-id'], /both given/],
    [{ 'offer-id': '' }, ['offer-id', 'job-id'], /both empty/],
    [
      { 'offer-id': 'x', 'publisher-id': 'contoso', api: 'product-ingestion' },
      ['publisher-id'],
      /Cloud Partner Portal/
    ],
    [
      { 'offer-id': 'product/not-a-guid' },
      ['offer-id'],
      /not a product id: a product id is product\/<guid>/
    ],
    [{ 'offer-id': '', 'job-id': '../x' }, ['job-id'], /plain id/],
    [{ 'offer-id': 'x', 'api-version': '2017' }, ['api-version'], /2022-07-01/]
  ])('refuses %j naming the inputs', (inputs, names, problem) => {
    const error = errorOf({ ...ingestion, ...inputs })
    expect(error.inputs).toEqual(names)
    expect(error.message).toMatch(problem)
  })
})

describe('DEFAULTS', () => {
  it('match the defaults declared in action.yml, but for expressions only a runner knows', async () => {
    const { actionDefaults } = await import('../scripts/run-action.js')
    const declared = Object.entries(await actionDefaults()).filter(
      ([, value]) => !value.includes('${{')
    )
    expect(DEFAULTS).toEqual(Object.fromEntries(declared))
  })
})

describe('readSettings: sign-in', () => {
  const app = {
    token: '',
    'tenant-id': 'contoso.onmicrosoft.com',
    'client-id': '11111111-2222-3333-4444-555555555555'
  }

  it('reads client credentials', () => {
    expect(read({ ...app, 'client-secret': 's3cret' }).signIn).toEqual({
      kind: 'client-secret',
      tenantId: 'contoso.onmicrosoft.com',
      clientId: '11111111-2222-3333-4444-555555555555',
      clientSecret: 's3cret',
      authorityHost: 'https://login.microsoftonline.com'
    })
  })

  it('says to add id-token: write when the job gets no ID token', () => {
    expect(() =>
      readSettings(
        name => (({ ...required, ...app }) as Record<string, string>)[name],
        readRunner({})
      )
    ).toThrow(
      new InputError(
        ['tenant-id', 'client-id'],
        'without client-secret sign in with GitHub OIDC, but this job gets no ID token: add `permissions: id-token: write` to the job'
      )
    )
  })

  it('reads GitHub OIDC federation from tenant-id and client-id alone', () => {
    expect(read({ ...app, 'authority-host': 'https://login.microsoftonline.us/' }).signIn).toEqual({
      kind: 'oidc',
      tenantId: 'contoso.onmicrosoft.com',
      clientId: '11111111-2222-3333-4444-555555555555',
      authorityHost: 'https://login.microsoftonline.us'
    })
  })

  it.each([
    [
      { ...app, token: 'abc' },
      ['token', 'tenant-id', 'client-id'],
      /were all given: sign in one way/
    ],
    [{ token: 'abc', 'client-secret': 'x' }, ['token', 'client-secret'], /were all given/],
    [
      { token: '', 'client-secret': 'x' },
      ['client-secret'],
      /need 'tenant-id' and 'client-id' as well/
    ],
    [{ token: '', 'tenant-id': 't' }, ['tenant-id'], /need 'client-id' as well/],
    [{ token: '', 'client-id': app['client-id'] }, ['client-id'], /need 'tenant-id' as well/],
    [{ ...app, 'client-id': 'my-app' }, ['client-id'], /a GUID/],
    [{ ...app, 'tenant-id': 'a/b' }, ['tenant-id'], /plain id/],
    [{ ...app, 'authority-host': 'http://login.example' }, ['authority-host'], /must use https/],
    [{ ...app, 'client-secret': 'a\nb' }, ['client-secret'], /control characters/]
  ])('refuses %j naming the inputs', (inputs, names, problem) => {
    const error = errorOf(inputs)
    expect(error.inputs).toEqual(names)
    expect(error.message).toMatch(problem)
    expect(error.message).not.toContain('\n')
  })

  it('never quotes the client secret', () => {
    expect(errorOf({ ...app, 'client-secret': 'hidden\u0007value' }).message).not.toContain(
      'hidden'
    )
  })
})
