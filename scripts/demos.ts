// The demos of `npm run demo`: each a scenario of the simulator and the inputs that
// point the action at it. __tests__/demos.test.ts runs each and checks how it ends.
import { PARTNER_CENTER_ROOT } from '../simulator/partner-center.js'
import type { Simulator } from '../simulator/server.js'
import { DISPATCHED_RUN_ENV, type ActionRun } from './run-action.js'

export interface Demo {
  scenario: string
  inputs: Record<string, string>
  /** Where the API's base-url is on the simulator. */
  root?: string
  /** How its last run ends. */
  outcome: string
  /** Said at the end, where the exit code alone would puzzle. */
  ending?: string
}

export const DEMOS: Record<string, Demo> = {
  'product-ingestion': {
    outcome: 'success',
    scenario: 'ingestion-preview',
    inputs: { 'job-id': 'c32dd7e8-8fd7-4f6b-a9c2-3c7a8f9e0b51', interval: '2s' }
  },
  'cloud-partner-portal': {
    outcome: 'success',
    scenario: 'publish',
    inputs: { 'publisher-id': 'contoso', 'offer-id': 'contoso-demo-vm', interval: '2s' }
  },
  fleet: {
    outcome: 'failure',
    ending:
      'The step fails on purpose: contoso-vm-rhel is rejected in certification and ' +
      'contoso-vm-sles is still running at the 20s timeout, so in a workflow the step ' +
      'would be red while the outputs tell later jobs which offers can go on.',
    scenario: 'fleet',
    inputs: {
      'offer-id': 'contoso-vm-ubuntu, contoso-vm-rhel, contoso-vm-sles, contoso-vm-windows',
      'target-status': 'WaitingForPublisherReview',
      interval: '2s',
      timeout: '20s'
    }
  },
  'partner-center': {
    outcome: 'success',
    scenario: 'appsource',
    inputs: {
      api: 'partner-center',
      'offer-id': '5d2c8a1e-3b7f-4c9d-8e6a-1f0b2c3d4e5f',
      'seller-id': '1234567',
      interval: '2s'
    },
    root: PARTNER_CENTER_ROOT
  },
  'go-live': {
    outcome: 'success',
    scenario: 'go-live',
    inputs: { 'offer-id': 'contoso-demo-offer', publish: 'live', interval: '2s' }
  },
  'hand-off': {
    outcome: 'success',
    scenario: 'hand-off',
    inputs: {
      'publisher-id': 'contoso',
      'offer-id': 'contoso-demo-vm',
      interval: '2s',
      'hand-off-after': '5s',
      'check-name': 'Marketplace publish'
    }
  }
}
/** The inputs of a demo's run against the simulator at `url`. */
export function demoInputs(demo: Demo, url: string): Record<string, string> {
  return {
    token: 'demo-token-not-a-secret',
    'base-url': url + (demo.root ?? ''),
    'max-interval': '4s',
    timeout: '2m',
    ...demo.inputs
  }
}

export const ALIASES: Record<string, string> = {
  appsource: 'partner-center',
  cpp: 'cloud-partner-portal',
  ingestion: 'product-ingestion'
}

/**
 * The run GitHub would start once `run` handed its wait off: a workflow_dispatch run
 * with the state the first one sent. None when it did not.
 */
export function dispatchedRun(
  run: ActionRun,
  simulator: Simulator
): { env: Record<string, string>; event: object } | undefined {
  const [dispatch] = simulator.github.dispatches
  if (run.outputs.outcome !== 'handed-off' || !dispatch) return undefined
  return {
    env: DISPATCHED_RUN_ENV,
    event: { inputs: dispatch.body.inputs }
  }
}
