import { clip, withoutInvisible } from '../text.js'

/** Offer statuses of the one vocabulary: the Cloud Partner Portal reference's names. */
export const OFFER_STATUSES = [
  'NeverPublished',
  'NotStarted',
  'WaitingForPublisherReview',
  'Running',
  'Succeeded',
  'Canceled',
  'Failed'
] as const

/** Step statuses of the one vocabulary: the Cloud Partner Portal reference's names. */
export const STEP_STATUSES = [
  'NotStarted',
  'InProgress',
  'WaitingForPublisherReview',
  'WaitingForApproval',
  'Blocked',
  'Rejected',
  'Complete',
  'Canceled'
] as const

/** Offer statuses after which the offer no longer changes on its own. */
export const FINAL_OFFER_STATUSES = ['Succeeded', 'Canceled', 'Failed']

// The service answers in camelCase, the reference in PascalCase, people type either
// (and the British `Cancelled`): compare on a folded key.
const ALIASES = new Map([['cancelled', 'canceled']])

// Longer than any status name: a longer text is no status of ours, whatever it holds.
const KEY_CHARS = 64
// An unknown status is shown to people, but bounded.
const UNKNOWN_CHARS = 100

function foldKey(name: string): string {
  const key = withoutInvisible(name.slice(0, 4 * KEY_CHARS))
    .toLowerCase()
    .replace(/[\s_-]/g, '')
    .slice(0, KEY_CHARS + 1)
  return ALIASES.get(key) ?? key
}

const CANONICAL = new Map<string, string>(
  [...OFFER_STATUSES, ...STEP_STATUSES].map(name => [foldKey(name), name])
)

/** The reference's spelling of a known status; an unknown one as it came, on one bounded line. */
export function displayStatus(raw: string): string {
  return CANONICAL.get(foldKey(raw)) ?? clip(raw, UNKNOWN_CHARS)
}

export function sameStatus(a: string, b: string): boolean {
  return foldKey(a) === foldKey(b)
}

export function isStatusIn(status: string, list: readonly string[]): boolean {
  return list.some(name => sameStatus(name, status))
}

/**
 * Splits a comma- or newline-separated list and maps each name to its canonical
 * spelling. Names outside `known` are returned in `unknown`.
 */
export function parseStatusList(
  text: string,
  known: readonly string[]
): { names: string[]; unknown: string[] } {
  const names: string[] = []
  const unknown: string[] = []
  for (const item of text.split(/[,\n]/)) {
    const name = item.trim()
    if (!name) continue
    const canonical = known.find(k => sameStatus(k, name))
    if (!canonical) unknown.push(name)
    else if (!names.includes(canonical)) names.push(canonical)
  }
  return { names, unknown }
}
