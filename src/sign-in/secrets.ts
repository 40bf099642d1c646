import type { InputReader } from '../inputs/input-reader.js'
import { escapeAt } from './escapes.js'
import { withoutBearer } from './sign-in-inputs.js'

/**
 * The secrets of this run: each is masked in the runner's log as soon as it is known,
 * and cut out of any text we repeat (a server may echo what it was sent, and the job
 * summary and outputs are not masked by the runner). A server may echo a secret in
 * another form than it was sent: JSON-escaped, percent-encoded (a form body echoed), as
 * HTML entities, or a mix, character by character. Each form is cut out.
 */
export class Secrets {
  private readonly values = new Set<string>()
  // The secrets by their first character, spaces as `+` (a form body's space).
  private readonly byFirst = new Map<string, string[]>()

  constructor(private readonly mask: (secret: string) => void) {}

  readonly add = (value: string): void => {
    const secret = value.trim()
    if (!secret || this.values.has(secret)) return
    this.values.add(secret)
    const folded = foldSpaces(secret)
    const first = folded[0] as string
    this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), folded])
    this.mask(secret)
  }

  readonly redact = (text: string): string => {
    let clean = text
    for (const secret of this.values) clean = clean.split(secret).join(REPLACEMENT)
    // Text without an escape character holds no escaped secret.
    if (this.values.size === 0 || !/[\\%&+]/.test(clean)) return clean
    const cuts: [number, number][] = []
    for (const [first, secrets] of this.byFirst) {
      for (const at of starts(clean, first)) {
        for (const secret of secrets) {
          const end = echoEnd(clean, at, secret)
          if (end > at) cuts.push([at, end])
        }
      }
    }
    return cuts.length === 0 ? clean : cutOut(clean, cuts)
  }
}

/**
 * The secrets a run knows before its first request: the credential inputs (a token also
 * without its `Bearer `), and the runner's token for its ID-token endpoint, which the
 * action sends and a server may echo. Tokens fetched later are added as they come.
 */
export function secretsOfRun(
  input: InputReader,
  env: NodeJS.ProcessEnv,
  mask: (secret: string) => void
): Secrets {
  const secrets = new Secrets(mask)
  for (const name of ['token', 'client-secret', 'github-token']) {
    const value = input(name) ?? ''
    secrets.add(value)
    secrets.add(withoutBearer(value))
  }
  secrets.add(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '')
  return secrets
}

const REPLACEMENT = '***'

function foldSpaces(text: string): string {
  return text.replace(/ /g, '+')
}

/** Where a secret that begins with `first` may begin: as itself, or as an escape of it. */
function starts(text: string, first: string): number[] {
  const found: number[] = []
  for (const char of first === '+' ? ['+', ' '] : [first]) {
    for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) found.push(at)
  }
  for (const match of text.matchAll(/[\\%&]/g)) {
    const decoded = escapeAt(text, match.index)
    if (decoded && foldSpaces(decoded.value).startsWith(first)) found.push(match.index)
  }
  return found
}

// Steps allowed per start, for a secret whose characters are themselves escape-like
// (`%25…`): each character can be read two ways, and the search stays bounded.
const STEPS_PER_CHAR = 4

/**
 * Where an echo of the secret that starts at `at` ends, each of its characters as
 * itself or in any escape; -1 when there is none. Tries both readings where a
 * character could be either (a secret with `%` in it, sent raw or as `%25`).
 */
function echoEnd(text: string, at: number, secret: string): number {
  const pending: [number, number][] = [[at, 0]]
  let steps = STEPS_PER_CHAR * secret.length
  while (pending.length > 0 && steps > 0) {
    let [position, matched] = pending.pop() as [number, number]
    while (matched < secret.length && steps-- > 0) {
      const char = text[position]
      const raw = char !== undefined && (char === ' ' ? '+' : char) === secret[matched]
      const decoded = escapeAt(text, position)
      const value = decoded ? foldSpaces(decoded.value) : ''
      const escaped = value !== '' && secret.startsWith(value, matched)
      const length = decoded?.length ?? 0
      // An escape first: cutting `\\` in half would leave the text's own escapes broken.
      if (raw && escaped) pending.push([position + 1, matched + 1])
      if (escaped) {
        position += length
        matched += value.length
      } else if (raw) {
        position++
        matched++
      } else break
    }
    if (matched >= secret.length) return position
  }
  return -1
}

/** The text with each range replaced, overlapping ranges merged. */
function cutOut(text: string, cuts: [number, number][]): string {
  cuts.sort((a, b) => a[0] - b[0])
  let out = ''
  let from = 0
  for (const [start, end] of cuts) {
    if (end <= from) continue
    if (start >= from) out += text.slice(from, start) + REPLACEMENT
    from = end
  }
  return out + text.slice(from)
}
