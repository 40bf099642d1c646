// dist/index.js as the runner runs it: a child process with every INPUT_* (action.yml
// defaults included), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_EVENT_PATH. Each
// outcome once per API, and the signals a runner sends; everything else runs run() in
// process (action.test.ts and the others). CI runs this file on Node 24 too.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_APP_GUID, PARTNER_CENTER_ROOT } from '../simulator/partner-center.js'
import type { Phase, Scenario } from '../simulator/scenario.js'
import { startSimulator, type Simulator } from '../simulator/server.js'
import { actionOutputNames, runAction, startAction, type ActionRun } from '../scripts/run-action.js'
import { expectNoLeaks } from './leak-check.js'

// A timeout of 2s waits it out for real: room for a busy machine.
jest.setTimeout(20_000)

const TOKEN = 'e2e-secret-token-5f1c'
const JOB = '0f3c2a1b-9d8e-4f7a-8b6c-5d4e3f2a1b0c'
const FAST = { interval: '1s', 'max-interval': '1s', 'request-timeout': '5s' }
let simulator: Simulator | undefined

afterEach(async () => {
  expectNoLeaks(simulator)
  await simulator?.close()
  simulator = undefined
})

type Api = 'cloud-partner-portal' | 'product-ingestion' | 'partner-center'

const scenarioOf: Record<Api, Partial<Scenario>> = {
  'cloud-partner-portal': { publisherId: 'contoso', offerId: 'contoso-vm' },
  'product-ingestion': { jobId: JOB },
  'partner-center': {}
}

async function serve(api: Api, timeline: Phase[]): Promise<Simulator> {
  simulator = await startSimulator({ api, token: TOKEN, timeline, ...scenarioOf[api] })
  return simulator
}

function inputs(api: Api, sim: Simulator, more: Record<string, string> = {}) {
  const targets: Record<Api, Record<string, string>> = {
    'cloud-partner-portal': { 'publisher-id': 'contoso', 'offer-id': 'contoso-vm' },
    'product-ingestion': { 'job-id': JOB },
    'partner-center': { api: 'partner-center', 'offer-id': DEFAULT_APP_GUID }
  }
  const baseUrl = api === 'partner-center' ? `${sim.url}${PARTNER_CENTER_ROOT}` : sim.url
  return { ...targets[api], token: TOKEN, 'base-url': baseUrl, ...FAST, ...more }
}

function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter(line => line.startsWith('::error::'))
}

const inStore = { appSource: { state: 'Published', substate: 'InStore' } } as const
const running: Record<Api, Phase> = {
  'cloud-partner-portal': { status: 'running', steps: { displaydummycertify: 'inProgress' } },
  'product-ingestion': { job: { status: 'running' } },
  'partner-center': { appSource: { state: 'InProgress', substate: 'Submitted' } }
}
const succeeded: Record<Api, Phase> = {
  'cloud-partner-portal': { status: 'succeeded', steps: { '*': 'complete' } },
  'product-ingestion': { job: { status: 'completed', result: 'succeeded' } },
  'partner-center': inStore
}
const failed: Record<Api, Phase> = {
  'cloud-partner-portal': {
    status: 'running',
    steps: {
      displaycertify: {
        status: 'rejected',
        messages: [{ level: 'error', text: 'Image <b>failed</b> the scan' }]
      }
    }
  },
  'product-ingestion': {
    job: {
      status: 'completed',
      result: 'failed',
      errors: [{ code: 'businessValidationError', message: 'The plan has no price.' }]
    }
  },
  'partner-center': {
    appSource: {
      state: 'InProgress',
      substate: 'Failed',
      validations: [{ errorCode: 'Resell-20007', severity: 'Error', message: 'Module missing.' }]
    }
  }
}
const failureWords: Record<Api, RegExp> = {
  'cloud-partner-portal': /Image failed the scan/,
  'product-ingestion': /The plan has no price\./,
  'partner-center': /Resell-20007: Module missing\./
}
const APIS = Object.keys(scenarioOf) as Api[]

describe('the built action, as the runner runs it', () => {
  it.each(APIS)('%s: success, with every output and a summary', async api => {
    const sim = await serve(api, [running[api], succeeded[api]])
    const run = await runAction({ inputs: inputs(api, sim) })
    expect(run.exitCode).toBe(0)
    expect(Object.keys(run.outputs).sort()).toEqual(await actionOutputNames())
    expect(run.outputs).toMatchObject({ outcome: 'success', status: 'Succeeded', polls: '2' })
    expect(run.summary).toMatch(/^## ✅ Marketplace .*: Succeeded$/m)
    expect(errorLines(run)).toEqual([])
    // The runner is told to mask it, and it never shows anywhere else.
    expect(run.stdout.replace(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN)
    expect(run.summary + JSON.stringify(run.outputs)).not.toContain(TOKEN)
  })

  it.each(APIS)('%s: failure, the service words in the error and the summary', async api => {
    const sim = await serve(api, [running[api], failed[api]])
    const run = await runAction({ inputs: inputs(api, sim, { timeout: '10m' }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failure')
    expect(errorLines(run)).toHaveLength(1)
    expect(errorLines(run)[0]).toMatch(/^::error::failure: /)
    expect(errorLines(run)[0]).toMatch(failureWords[api])
    expect(run.summary).toMatch(failureWords[api])
  })

  it.each(APIS)('%s: timeout, after the time given and no longer', async api => {
    const sim = await serve(api, [running[api]])
    const started = Date.now()
    const run = await runAction({ inputs: inputs(api, sim, { timeout: '2s' }) })
    expect(Date.now() - started).toBeLessThan(2_000 + 5_000)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('timeout')
    expect(errorLines(run)[0]).toMatch(/^::error::timeout: .* after 2s/)
    expect(run.summary).toMatch(/^## ⏱️ Marketplace /m)
  })

  it.each(APIS)("%s: error on a 404, with the service's own message", async api => {
    const sim = await serve(api, [{ fault: 404 }])
    const run = await runAction({ inputs: inputs(api, sim) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'error', status: '' })
    expect(errorLines(run)).toHaveLength(1)
    expect(errorLines(run)[0]).toMatch(/answered 404 Not Found/)
    expect(sim.requests).toHaveLength(1)
  })

  // Each publishing request once per API: its path, the wait following what it started.
  const NOW_LIVE: Record<Api, Phase> = {
    'cloud-partner-portal': succeeded['cloud-partner-portal'],
    'product-ingestion': {
      job: { status: 'completed', result: 'succeeded' },
      submissions: [
        { target: 'preview', number: '2', status: 'completed', result: 'succeeded' },
        {
          target: 'live',
          number: '2',
          status: 'completed',
          result: 'succeeded',
          created: '2026-11-30T08:00:00Z'
        }
      ]
    },
    'partner-center': inStore
  }
  const READY: Record<Api, Phase> = {
    'cloud-partner-portal': {
      status: 'running',
      steps: {
        '*': 'complete',
        'publisher-signoff': 'waitingForPublisherReview',
        live: 'notStarted'
      }
    },
    'product-ingestion': {
      job: { status: 'completed', result: 'succeeded' },
      submissions: [
        { target: 'live', number: '1', status: 'completed', result: 'succeeded' },
        { target: 'preview', number: '2', status: 'completed', result: 'succeeded' }
      ]
    },
    'partner-center': { appSource: { state: 'Published', substate: 'ReadyToPublish' } }
  }
  // A preview newer than the live version's: what a preview request makes.
  const NEW_PREVIEW: Partial<Record<Api, Phase>> = {
    'product-ingestion': {
      job: { status: 'completed', result: 'succeeded' },
      submissions: [
        { target: 'live', number: '2', status: 'completed', result: 'succeeded' },
        { target: 'preview', number: '3', status: 'completed', result: 'succeeded' }
      ]
    }
  }
  const PUBLISH_PATHS: Record<string, RegExp> = {
    'cloud-partner-portal preview': /^\/api\/publishers\/contoso\/offers\/contoso-vm\/publish\?/,
    'cloud-partner-portal live': /^\/api\/publishers\/contoso\/offers\/contoso-vm\/golive\?/,
    'product-ingestion preview': /^\/configure\?\$version=/,
    'product-ingestion live': /^\/configure\?\$version=/,
    'partner-center live': /\/submissions\/\d+\/promote$/
  }
  it.each(Object.keys(PUBLISH_PATHS))('publish: %s, the request sent once', async name => {
    const [api, kind] = name.split(' ') as [Api, 'preview' | 'live']
    const [before, after] =
      kind === 'preview'
        ? [NOW_LIVE[api], NEW_PREVIEW[api] ?? READY[api]]
        : [READY[api], NOW_LIVE[api]]
    simulator = await startSimulator({
      api,
      token: TOKEN,
      timeline: [before],
      publishing: { [kind]: [running[api], after] },
      ...scenarioOf[api],
      // The offer by its id: product-ingestion waits for a job otherwise.
      ...(api === 'product-ingestion' && { jobId: undefined, externalId: 'contoso-saas' })
    })
    const target: Record<string, string> =
      api === 'product-ingestion' ? { 'job-id': '', 'offer-id': 'contoso-saas' } : {}
    const run = await runAction({
      inputs: inputs(api, simulator, { ...target, publish: kind, timeout: '15s' })
    })
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      status: kind === 'preview' ? 'WaitingForPublisherReview' : 'Succeeded'
    })
    const posts = simulator.requests.filter(request => request.method === 'POST')
    expect(posts).toHaveLength(1)
    expect(posts[0]?.url).toMatch(PUBLISH_PATHS[name] as RegExp)
    expect(JSON.parse(run.outputs.offers ?? '')[0].requests).toEqual([
      expect.objectContaining({ kind, run: 1 })
    ])
  })

  // Every time limit rests on a timer that must fire on the runtime action.yml names.
  it('stops a status request that never answers at request-timeout, and retries it', async () => {
    const api = 'cloud-partner-portal'
    const sim = await serve(api, [{ fault: 'hang' }, succeeded[api]])
    const run = await runAction({ inputs: inputs(api, sim, { 'request-timeout': '1s' }) })
    expect(run.outputs.outcome).toBe('success')
    expect(run.stdout).toContain('Will retry: no answer within 1s (request-timeout)')
  })

  it('ends within a request timeout when GitHub never answers the check run', async () => {
    const api = 'cloud-partner-portal'
    simulator = await startSimulator({
      api,
      token: TOKEN,
      timeline: [succeeded[api]],
      github: { hangCompletion: true },
      ...scenarioOf[api]
    })
    const started = Date.now()
    const run = await runAction({
      inputs: inputs(api, simulator, { 'request-timeout': '1s', 'check-name': 'Publish' }),
      env: { GITHUB_API_URL: simulator.url }
    })
    // One request timeout, and starting and reporting on a busy machine.
    expect(Date.now() - started).toBeLessThan(1_000 + 5_000)
    expect(run.outputs).toMatchObject({ outcome: 'success', 'check-run-id': '1000' })
    expect(run.stdout).toContain('::warning::Check run "Publish" not completed')
  })

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s writes outputs and summary with the last status seen, then exits non-zero',
    async signal => {
      const api = 'cloud-partner-portal'
      const sim = await serve(api, [running[api]])
      const { child, done } = await startAction({
        inputs: inputs(api, sim, { interval: '30s', 'max-interval': '1m' })
      })
      await new Promise<void>(resolve => {
        child.stdout?.on('data', (chunk: string) => {
          if (String(chunk).includes('Offer status: Running')) resolve()
        })
      })
      const signalledAt = Date.now()
      child.kill(signal)
      const run = await done
      expect(Date.now() - signalledAt).toBeLessThan(3_000)
      expect(run.exitCode).toBe(1)
      expect(run.outputs).toMatchObject({ outcome: 'error', status: 'Running', polls: '1' })
      expect(errorLines(run)[0]).toMatch(
        new RegExp(`the wait was cancelled \\(received ${signal}\\)`)
      )
      expect(run.summary).toContain('## 🚫 Marketplace offer contoso/contoso-vm: Running')
    }
  )

  it('on SIGTERM during a hanging request still exits within a few seconds', async () => {
    const api = 'cloud-partner-portal'
    const sim = await serve(api, [{ fault: 'hang' }])
    const { child, done } = await startAction({
      inputs: inputs(api, sim, { 'request-timeout': '1m' })
    })
    await new Promise<void>(resolve => {
      child.stdout?.on('data', (chunk: string) => {
        if (String(chunk).includes('Waiting for offer')) resolve()
      })
    })
    await new Promise(resolve => setTimeout(resolve, 300))
    const signalledAt = Date.now()
    child.kill('SIGTERM')
    const run = await done
    expect(Date.now() - signalledAt).toBeLessThan(3_000)
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'error', status: '' })
    expect(run.summary).toContain('🚫')
  })
})
