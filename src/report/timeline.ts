// The wait as a picture: each step's phases over the whole wait, across its runs, as a
// Mermaid gantt chart that GitHub draws in the job summary. Mermaid reads its own
// syntax in the text it draws (`:`, `#`, `;`, `%%`, keywords at a line's start), so
// server text keeps only letters, digits and a few harmless marks, and every task line
// starts with an icon that no keyword matches.
import type { StepPhase, TargetResult } from '../status/result.js'
import { isStatusIn, sameStatus } from '../status/statuses.js'
import { utcTime } from '../utc-time.js'
import { stepIcon } from './icons.js'

const NAME_CHARS = 60
const DAY_MS = 86_400_000
// Phases that end a step: a point in time, not a span.
const ENDS = ['Complete', 'Rejected', 'Canceled']
const TROUBLE = ['Rejected', 'Canceled', 'Blocked']

// What Mermaid may not see: all but letters and digits (of any script) and a few marks.
// The class of any script is built on first use, as its Unicode sets cost about a
// millisecond to compile, and most text is ASCII, where the plain class says the same.
const NOT_PLAIN_ASCII = /[^A-Za-z0-9 .()/'+-]/g
let notPlainAnyScript: RegExp | undefined

function notPlain(text: string): RegExp {
  if (!/[\u0080-\uffff]/.test(text)) return NOT_PLAIN_ASCII
  return (notPlainAnyScript ??= new RegExp("[^\\p{L}\\p{N} .()/'+-]", 'gu'))
}

/** Text Mermaid shows as it is: no character of its syntax, on one bounded line. */
export function mermaidText(text: string): string {
  const head = text.slice(0, 4 * NAME_CHARS)
  const plain = head.replace(notPlain(head), ' ').replace(/\s+/g, ' ').trim()
  return plain.slice(0, NAME_CHARS).trim() || '(none)'
}

/** A gantt chart of the steps' phases in a fenced `mermaid` block; none without phases. */
export function ganttChart(result: TargetResult): string[] {
  // A step not yet started has no bar: the chart shows what has happened.
  const started = result.phases.filter(phase => !sameStatus(phase.status, 'NotStarted'))
  if (started.length === 0) return []
  const byStep = new Map<string, StepPhase[]>()
  for (const phase of started) {
    byStep.set(phase.step, [...(byStep.get(phase.step) ?? []), phase])
  }
  // Which run saw a phase begin matters once the wait has gone from run to run.
  const runs = new Set(started.map(phase => phase.run))
  const namesRun = runs.size > 1
  const start = Math.min(...started.map(phase => phase.at))
  const span = result.endedAt - start
  const axis = span < 600_000 ? '%H:%M:%S' : span < DAY_MS ? '%H:%M' : '%b %d %H:%M'
  let id = 0
  const sections = [...byStep].flatMap(([step, phases]) => [
    `  section ${mermaidText(step)}`,
    ...phases.map((phase, index) => {
      // The last phase of a step is where it is now: an end is a point, else it goes on.
      const last = index === phases.length - 1
      const milestone = last && isStatusIn(phase.status, ENDS)
      const tags = [
        milestone ? 'milestone' : last ? 'active' : 'done',
        ...(isStatusIn(phase.status, TROUBLE) ? ['crit'] : [])
      ]
      const until = milestone ? phase.at : (phases[index + 1]?.at ?? result.endedAt)
      const run = namesRun && phase.run !== undefined ? ` (run ${phase.run})` : ''
      return `  ${stepIcon(phase.status)} ${mermaidText(phase.status)}${run} :${tags.join(', ')}, p${id++}, ${utcTime(phase.at)}, ${utcTime(until)}`
    })
  ])
  return [
    '```mermaid',
    // Room on the left for step names such as "Packaging and Lead Generation Registration".
    '%%{init: {"gantt": {"leftPadding": 220}}}%%',
    'gantt',
    '  title Phases of each step (UTC)',
    '  dateFormat YYYY-MM-DD HH:mm:ss',
    `  axisFormat ${axis}`,
    // The time the reader looks is not the wait's: no line for it.
    '  todayMarker off',
    ...sections,
    '```',
    ''
  ]
}
