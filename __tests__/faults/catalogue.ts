// The fault catalogue: every fault we can name, what the action does about it, and the
// test that shows it. The rows live by area beside this file; faults-N.test.ts run them
// (fault-runner.ts); docs/faults.md is this table, written by `npm run faults:doc`.
import { apisOf, type FaultCase } from './case.js'
import { GITHUB } from './github.js'
import { HAND_OFF } from './hand-off.js'
import { PARTNER_CENTER } from './partner-center.js'
import { PUBLISHING } from './publishing.js'
import { RUNNER } from './runner.js'
import { SERVICE_ANSWERS } from './service-answers.js'
import { SIGN_IN } from './sign-in.js'
import { TRANSPORT } from './transport.js'

export { PROXIED_HOSTS, type Api, type FaultCase } from './case.js'

const AREAS: { title: string; rows: FaultCase[] }[] = [
  { title: 'HTTP and the network', rows: TRANSPORT },
  { title: 'What the services answer', rows: SERVICE_ANSWERS },
  { title: 'What Partner Center really answers', rows: PARTNER_CENTER },
  { title: 'Publishing requests (`publish`)', rows: PUBLISHING },
  { title: 'Signing in, and secrets', rows: SIGN_IN },
  { title: "GitHub's side: the check run", rows: GITHUB },
  { title: 'A wait handed from run to run', rows: HAND_OFF },
  { title: 'The runner: cancellation, outputs and inputs', rows: RUNNER }
]

export const FAULTS: FaultCase[] = AREAS.flatMap(area => area.rows)

/** The test files that run the rows, `faults-1.test.ts` and on. */
export const FAULT_SHARDS = 5

/** Which of those runs row `index`. */
export function shardOf(index: number): number {
  return (index % FAULT_SHARDS) + 1
}

/** The catalogue as markdown tables, one an area, for docs/faults.md. */
export function faultTable(): string {
  let index = 0
  const sections = AREAS.flatMap(area => [
    `## ${area.title}`,
    '',
    '| fault | APIs | what the action does | outcome | test |',
    '|---|---|---|---|---|',
    ...area.rows.map(
      row =>
        `| ${row.fault} | ${apisOf(row)} | ${row.does} | \`${row.outcome}\`, exit ${row.exitCode} | \`faults-${shardOf(index++)}.test.ts\` › ${row.fault.replace(/\|/g, '\\|')} |`
    ),
    ''
  ])
  return [
    '# Fault catalogue',
    '',
    'What the action does on every fault we can name. Each row is a whole run of the action',
    'against the simulator: `__tests__/faults-*.test.ts` run `run()` in process, in virtual',
    "time, with the runner's environment (rows behind a proxy, or with a name that does not",
    'resolve, run the bundle as a child process: they need a process of their own). Each',
    'checks that the outputs and the summary are written, the outcome and exit code are',
    'the ones below, the run ends within its deadline plus one request timeout, and no',
    'secret leaks. The rows come from `__tests__/faults/`, one file an area;',
    '`npm run faults:doc` rewrites this file, and a test fails while it is stale.',
    '',
    ...sections
  ].join('\n')
}
