// Several offers in one step: requests, the most in flight, peak memory and CPU time of
// the built action for 1, 10 and 50 offers, each on the same simulated timeline.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Phase } from '../simulator/scenario.js'
import { startSimulator } from '../simulator/server.js'
import { ROOT, runAction } from '../scripts/run-action.js'

export interface FleetFigures {
  offers: number
  /** `steady`, or `throttled`: every offer's first look meets a 429 with Retry-After. */
  timeline: string
  requests: number
  requestsPerOffer: number
  peakMemoryMb: number
  cpuMs: number
  /** The most status requests in flight at once, as the simulator saw them. */
  mostInFlight: number
  outcome: string
}

// Running for 8 seconds from the first look, then Succeeded: the same for every offer.
const STEADY: Phase[] = [
  { for: '8s', status: 'running', steps: { displaycertify: 'inProgress' } },
  { status: 'succeeded', steps: { '*': 'complete' } }
]
// The same after a 429 whose Retry-After holds every wait back, then lets all go at once.
const THROTTLED: Phase[] = [{ times: 1, fault: 429, retryAfter: 3 }, ...STEADY]
const TIMELINES: Record<string, Phase[]> = { steady: STEADY, throttled: THROTTLED }

export async function measureFleet(sizes: [string, number][]): Promise<FleetFigures[]> {
  const figures: FleetFigures[] = []
  for (const [timeline, offers] of sizes) {
    const phases = TIMELINES[timeline] as Phase[]
    const ids = Array.from({ length: offers }, (_, i) => `offer-${i}`)
    const simulator = await startSimulator({
      timeline: [],
      offers: Object.fromEntries(ids.map(id => [id, phases]))
    })
    let inFlight = 0
    let mostInFlight = 0
    simulator.onRequest = finished => {
      inFlight += finished ? -1 : 1
      mostInFlight = Math.max(mostInFlight, inFlight)
    }
    const dir = await mkdtemp(join(tmpdir(), 'fleet-bench-'))
    const probeFile = join(dir, 'usage.json')
    try {
      const run = await runAction({
        inputs: {
          'publisher-id': 'contoso',
          'offer-id': ids.join(','),
          token: 'bench-token',
          'base-url': simulator.url,
          interval: '1s',
          'max-interval': '2s',
          timeout: '1m'
        },
        env: {
          NODE_OPTIONS: `--import ${join(ROOT, 'bench', 'resource-probe.mjs')}`,
          RESOURCE_PROBE_FILE: probeFile
        }
      })
      const usage = JSON.parse(await readFile(probeFile, 'utf8')) as {
        maxRssKb: number
        cpuMs: number
      }
      figures.push({
        offers,
        timeline,
        requests: simulator.requests.length,
        requestsPerOffer: simulator.requests.length / offers,
        peakMemoryMb: usage.maxRssKb / 1024,
        cpuMs: usage.cpuMs,
        mostInFlight,
        outcome: run.outputs.outcome ?? ''
      })
    } finally {
      await simulator.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
  return figures
}
