// The escapes a server may echo a secret in: JSON's `\\` escapes, percent-encoding
// (UTF-8 too), HTML entities. Each is read where it starts, on its own.

const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t'
}

// The HTML named entities of printable ASCII (and the no-break space).
const NAMED_ENTITIES = new Map(
  Object.entries({
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: ' ',
    excl: '!',
    num: '#',
    dollar: '$',
    percnt: '%',
    lpar: '(',
    rpar: ')',
    ast: '*',
    plus: '+',
    comma: ',',
    period: '.',
    sol: '/',
    colon: ':',
    semi: ';',
    equals: '=',
    quest: '?',
    commat: '@',
    lsqb: '[',
    bsol: '\\',
    rsqb: ']',
    hat: '^',
    lowbar: '_',
    grave: '`',
    lcub: '{',
    verbar: '|',
    vert: '|',
    rcub: '}'
  })
)

const NUMERIC_ENTITY = /^&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));/
const NAMED_ENTITY = /^&([a-zA-Z]{2,8});/

/** The escape that starts at `at` (JSON `\\`, percent-encoding, an HTML entity), if any. */
export function escapeAt(text: string, at: number): Decoded | undefined {
  switch (text.charCodeAt(at)) {
    case 0x5c:
      return jsonEscape(text, at)
    case 0x25:
      return percent(text, at)
    case 0x26:
      return entity(text, at)
    default:
      return undefined
  }
}

/** What an escape stands for, and how many characters of the text it takes. */
export interface Decoded {
  value: string
  length: number
}

function jsonEscape(text: string, at: number): Decoded | undefined {
  const next = text[at + 1]
  if (next === 'u') {
    const code = hexAt(text, at + 2, 4)
    return code < 0 ? undefined : { value: String.fromCharCode(code), length: 6 }
  }
  const value = next === undefined ? undefined : JSON_ESCAPES[next]
  return value === undefined ? undefined : { value, length: 2 }
}

// `%HH`, and the bytes of one UTF-8 character as `%HH%HH…`.
function percent(text: string, at: number): Decoded | undefined {
  const byteAt = (offset: number): number =>
    text.charCodeAt(at + offset) === 0x25 ? hexAt(text, at + offset + 1, 2) : -1
  const first = byteAt(0)
  if (first < 0) return undefined
  const more = first >= 0xf0 ? 3 : first >= 0xe0 ? 2 : first >= 0xc0 ? 1 : 0
  const single = { value: String.fromCharCode(first), length: 3 }
  if (more === 0) return single
  const bytes = [first]
  for (let k = 1; k <= more; k++) {
    const byte = byteAt(3 * k)
    if (byte < 0 || (byte & 0xc0) !== 0x80) return single
    bytes.push(byte)
  }
  return { value: UTF8.decode(Uint8Array.from(bytes)), length: 3 * (more + 1) }
}

const UTF8 = new TextDecoder()

function entity(text: string, at: number): Decoded | undefined {
  if (text.charCodeAt(at + 1) === 0x23) {
    const head = text.slice(at, at + 12)
    const numeric = NUMERIC_ENTITY.exec(head)
    if (!numeric) return undefined
    const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2])
    if (code > 0x10ffff) return undefined
    return { value: String.fromCodePoint(code), length: numeric[0].length }
  }
  const named = NAMED_ENTITY.exec(text.slice(at, at + 10))
  const value = named && NAMED_ENTITIES.get((named[1] as string).toLowerCase())
  return named && value ? { value, length: named[0].length } : undefined
}

/** The value of `digits` hex digits at `at`; -1 when they are not all hex digits. */
function hexAt(text: string, at: number, digits: number): number {
  let value = 0
  for (let i = at; i < at + digits; i++) {
    const code = text.charCodeAt(i) | 0x20 // lower case for letters
    const digit =
      code >= 0x30 && code <= 0x39 ? code - 0x30 : code >= 0x61 && code <= 0x66 ? code - 0x57 : -1
    if (digit < 0) return -1
    value = value * 16 + digit
  }
  return value
}
