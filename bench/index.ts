// npm run bench: start-up, memory, polling and fleet figures of the built action,
// printed as tables and written to bench/results.json. Figures, not pass/fail: each
// target is shown beside its figure.
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ROOT } from '../scripts/run-action.js'
import { measureStart } from './measure-start.js'
import { measureFleet } from './measure-fleet.js'
import { measurePolling, type ModelFigures, type ScheduleFigures } from './polling.js'
import {
  adverseModel,
  ingestionJobModel,
  ingestionSubmissionModel,
  referenceModel
} from './timelines.js'

const START_RUNS = 31
const TIMELINES = 200
/** The 0.1.0 schedule on the same reference timelines: the figures not to fall behind. */
const PREVIOUS_REFERENCE = { requestsPerHour: 14.05, lagP50Minutes: 0.33, lagP95Minutes: 2.25 }

// The runtime action.yml declares, fetched from the npm registry, and this node.
const node24 = execFileSync('bash', [join(ROOT, 'scripts', 'fetch-node24.sh')], {
  encoding: 'utf8'
}).trim()
const start = await measureStart(START_RUNS, node24)
const startHere = await measureStart(START_RUNS)
const models: ModelFigures[] = []
for (const model of [referenceModel, adverseModel, ingestionJobModel, ingestionSubmissionModel])
  models.push(await measurePolling(model, TIMELINES))
const fleet = await measureFleet([
  ['steady', 1],
  ['steady', 10],
  ['steady', 50],
  ['throttled', 50]
])

const mins = (value: number) => `${value.toFixed(2)} min`
const scheduleOf = (figures: ModelFigures, name: string) =>
  figures.schedules.find(s => s.schedule.startsWith(name)) as ScheduleFigures
const [reference, adverse, jobs, submissions] = models as [
  ModelFigures,
  ModelFigures,
  ModelFigures,
  ModelFigures
]
const ours = (figures: ModelFigures) => scheduleOf(figures, 'this action')
const capped = (figures: ModelFigures) => scheduleOf(figures, 'capped backoff')
const steadyFleet = fleet.filter(row => row.timeline === 'steady')

const rows: [string, string, string, boolean][] = [
  ...[start, startHere].map((figures): [string, string, string, boolean] => [
    `cold start of a one-look run on node ${figures.node} (median of ${START_RUNS} interleaved pairs)`,
    `${figures.ratio.toFixed(2)}x the minimal toolkit action, middle half of pairs ${figures.ratioQuartiles.map(r => r.toFixed(2)).join(' to ')} (${figures.actionMs.toFixed(0)} ms vs ${figures.minimalActionMs.toFixed(0)} ms; bare node ${figures.bareNodeMs.toFixed(0)} ms)`,
    '<= 1.10x',
    figures.ratio <= 1.1
  ]),
  ...[start, startHere].map((figures): [string, string, string, boolean] => [
    `peak memory of one run on node ${figures.node}`,
    `${figures.peakMemoryMb.toFixed(1)} MB (minimal toolkit action ${figures.minimalPeakMemoryMb.toFixed(1)} MB)`,
    '<= the minimal action + 10 MB',
    figures.peakMemoryMb <= figures.minimalPeakMemoryMb + 10
  ]),
  [
    'adverse: requests per hour',
    `${ours(adverse).requestsPerHour.toFixed(2)} vs capped backoff ${capped(adverse).requestsPerHour.toFixed(2)}`,
    '<= capped backoff',
    ours(adverse).requestsPerHour <= capped(adverse).requestsPerHour
  ],
  [
    'adverse: lag p95',
    `${mins(ours(adverse).lagP95Minutes)} vs ${mins(capped(adverse).lagP95Minutes)}`,
    '<= capped backoff',
    ours(adverse).lagP95Minutes <= capped(adverse).lagP95Minutes
  ],
  [
    'adverse: lag p50',
    `${mins(ours(adverse).lagP50Minutes)} vs ${mins(capped(adverse).lagP50Minutes)}`,
    `<= ${mins(0.75 * capped(adverse).lagP50Minutes)} (3/4 of capped backoff)`,
    ours(adverse).lagP50Minutes <= 0.75 * capped(adverse).lagP50Minutes
  ],
  [
    'adverse: requests in any one timeline',
    `${ours(adverse).worstRequestRatio.toFixed(2)}x capped backoff at most`,
    '<= 1.25x',
    ours(adverse).worstRequestRatio <= 1.25
  ],
  [
    'reference: requests per hour',
    `${ours(reference).requestsPerHour.toFixed(2)}`,
    `<= ${PREVIOUS_REFERENCE.requestsPerHour} (0.1.0)`,
    ours(reference).requestsPerHour <= PREVIOUS_REFERENCE.requestsPerHour
  ],
  [
    'reference: lag p50',
    mins(ours(reference).lagP50Minutes),
    `<= ${mins(PREVIOUS_REFERENCE.lagP50Minutes)} (0.1.0)`,
    ours(reference).lagP50Minutes <= PREVIOUS_REFERENCE.lagP50Minutes
  ],
  [
    'reference: lag p95',
    mins(ours(reference).lagP95Minutes),
    `<= ${mins(PREVIOUS_REFERENCE.lagP95Minutes)} (0.1.0)`,
    ours(reference).lagP95Minutes <= PREVIOUS_REFERENCE.lagP95Minutes
  ],
  [
    'Product Ingestion: shortest pause between requests',
    `${Math.min(ours(jobs).shortestGapSeconds, ours(submissions).shortestGapSeconds).toFixed(0)} s`,
    '>= 60 s (one request a minute)',
    Math.min(ours(jobs).shortestGapSeconds, ours(submissions).shortestGapSeconds) >= 60
  ],
  [
    'several offers: requests per offer',
    steadyFleet.map(row => `${row.requestsPerOffer.toFixed(1)} (${row.offers})`).join(', '),
    'the same for 1, 10 and 50 (linear)',
    steadyFleet.every(row => row.requestsPerOffer === steadyFleet[0]?.requestsPerOffer)
  ],
  [
    'several offers: most requests in flight',
    fleet.map(row => `${row.mostInFlight} (${row.offers}, ${row.timeline})`).join(', '),
    '<= 4 (the shared limit)',
    fleet.every(row => row.mostInFlight <= 4)
  ]
]

console.log(`\nnode ${process.version}, ${new Date().toISOString()}\n`)
console.log('| measure | figure | target | met |')
console.log('|---|---|---|---|')
for (const [measure, figure, target, met] of rows)
  console.log(`| ${measure} | ${figure} | ${target} | ${met ? 'yes' : 'NO'} |`)

for (const figures of models) {
  console.log(
    `\n${figures.model} (${figures.api}, ${figures.timelines} timelines, median ${figures.medianHours.toFixed(1)} h, longest ${figures.longestHours.toFixed(1)} h)\n`
  )
  console.log(
    '| schedule | requests/hour | lag p50 | lag p95 | most requests vs capped | worse on both | shortest pause |'
  )
  console.log('|---|---|---|---|---|---|---|')
  for (const row of figures.schedules) {
    console.log(
      `| ${row.schedule} | ${row.requestsPerHour.toFixed(2)} | ${mins(row.lagP50Minutes)} | ${mins(row.lagP95Minutes)} | ${row.worstRequestRatio.toFixed(2)}x | ${(100 * row.worseOnBothShare).toFixed(0)}% | ${row.shortestGapSeconds.toFixed(0)} s |`
    )
  }
}

console.log(
  '\n| offers in one step | timeline | requests | per offer | most in flight | peak memory | CPU time |'
)
console.log('|---|---|---|---|---|---|---|')
for (const row of fleet) {
  console.log(
    `| ${row.offers} | ${row.timeline} | ${row.requests} | ${row.requestsPerOffer.toFixed(1)} | ${row.mostInFlight} | ${row.peakMemoryMb.toFixed(1)} MB | ${row.cpuMs.toFixed(0)} ms |`
  )
}

const file = join(ROOT, 'bench', 'results.json')
await writeFile(
  file,
  JSON.stringify(
    {
      node: process.version,
      at: new Date().toISOString(),
      start: [start, startHere],
      polling: models,
      fleet,
      targets: rows.map(([measure, figure, target, met]) => ({ measure, figure, target, met }))
    },
    null,
    2
  ) + '\n'
)
console.log(`\nWritten to ${file}`)
