// npm run bench: start-up, size, memory and polling figures of the built action,
// printed as a table and written to bench/results.json. Figures, not pass/fail: the
// targets are shown beside them.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ROOT } from '../scripts/run-action.js'
import { measureStart } from './measure-start.js'
import { measureFleet } from './measure-fleet.js'
import { measurePolling } from './polling.js'

const START_RUNS = 21
const TIMELINES = 40

const start = await measureStart(START_RUNS)
const polling = await measurePolling(TIMELINES)
const fleet = await measureFleet([1, 10, 50])
const [action, every30s, every5m] = polling as [
  (typeof polling)[0],
  (typeof polling)[0],
  (typeof polling)[0]
]

const rows: [string, string, string, boolean][] = [
  [
    `cold start, one look (median of ${START_RUNS} alternating runs)`,
    `${start.ratio.toFixed(2)}x bare node (${start.actionMs.toFixed(0)} ms vs ${start.bareNodeMs.toFixed(0)} ms)`,
    '<= 3.0x',
    start.ratio <= 3
  ],
  [
    'JavaScript in dist/',
    `${(start.distJsBytes / 1000).toFixed(0)} KB`,
    '<= 600 KB',
    start.distJsBytes <= 600_000
  ],
  [
    'peak memory of one run',
    `${start.peakMemoryMb.toFixed(1)} MB`,
    '<= 60 MB',
    start.peakMemoryMb <= 60
  ],
  [
    `requests per hour of waiting (${TIMELINES} timelines)`,
    `${action.requestsPerHour.toFixed(1)} vs ${every30s.requestsPerHour.toFixed(1)} (30s) and ${every5m.requestsPerHour.toFixed(1)} (5m)`,
    `<= ${(every30s.requestsPerHour / 8).toFixed(1)} (1/8 of 30s)`,
    action.requestsPerHour <= every30s.requestsPerHour / 8
  ],
  [
    'detection lag p95',
    `${action.lagP95Minutes.toFixed(2)} min vs ${every5m.lagP95Minutes.toFixed(2)} (5m)`,
    "<= the 5m loop's",
    action.lagP95Minutes <= every5m.lagP95Minutes
  ],
  [
    'detection lag p50',
    `${action.lagP50Minutes.toFixed(2)} min vs ${every5m.lagP50Minutes.toFixed(2)} (5m)`,
    `< ${(every5m.lagP50Minutes / 2).toFixed(2)} (half the 5m loop's)`,
    action.lagP50Minutes < every5m.lagP50Minutes / 2
  ]
]

console.log(`\nnode ${process.version}, ${new Date().toISOString()}\n`)
console.log('| measure | figure | target | met |')
console.log('|---|---|---|---|')
for (const [measure, figure, target, met] of rows)
  console.log(`| ${measure} | ${figure} | ${target} | ${met ? 'yes' : 'NO'} |`)
console.log('\n| schedule | requests/hour | lag p50 | lag p95 |')
console.log('|---|---|---|---|')
for (const row of polling) {
  console.log(
    `| ${row.schedule} | ${row.requestsPerHour.toFixed(1)} | ${row.lagP50Minutes.toFixed(2)} min | ${row.lagP95Minutes.toFixed(2)} min |`
  )
}

console.log(
  '\n| offers in one step | requests | per offer | most in flight | peak memory | CPU time |'
)
console.log('|---|---|---|---|---|---|')
for (const row of fleet) {
  console.log(
    `| ${row.offers} | ${row.requests} | ${row.requestsPerOffer.toFixed(1)} | ${row.mostInFlight} | ${row.peakMemoryMb.toFixed(1)} MB | ${row.cpuMs.toFixed(0)} ms |`
  )
}

const file = join(ROOT, 'bench', 'results.json')
await writeFile(
  file,
  JSON.stringify(
    {
      node: process.version,
      at: new Date().toISOString(),
      start,
      polling,
      fleet,
      targetsMet: rows.every(row => row[3])
    },
    null,
    2
  ) + '\n'
)
console.log(`\nWritten to ${file}`)
