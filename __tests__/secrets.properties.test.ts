// A server may echo a credential in any form: raw, JSON-escaped, percent-encoded (an
// echoed form body), as HTML entities, or a mix of them, character by character. None
// survives redaction, not even a 12-character piece of it, read raw or decoded.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { escapeAt } from '../src/sign-in/escapes.js'
import { Secrets } from '../src/sign-in/secrets.js'

const PIECE = 12
const ESCAPE_STARTS = ['\\', '%', '&']

type Encoding =
  | 'raw'
  | 'json-u'
  | 'json-short'
  | 'percent'
  | 'percent-lower'
  | 'form'
  | 'html-dec'
  | 'html-hex'
  | 'html-named'

const ENCODINGS: Encoding[] = [
  'raw',
  'json-u',
  'json-short',
  'percent',
  'percent-lower',
  'form',
  'html-dec',
  'html-hex',
  'html-named'
]
const NAMED: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '/': '&sol;',
  '=': '&equals;'
}
const SHORT_JSON: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/' }

function encodeChar(char: string, encoding: Encoding): string {
  const code = char.codePointAt(0) as number
  const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0')
  switch (encoding) {
    case 'raw':
      return char
    case 'json-u':
      return [...char].length === 1 && char.length === 2
        ? `\\u${hex(char.charCodeAt(0), 4)}\\u${hex(char.charCodeAt(1), 4)}`
        : `\\u${hex(code, 4).toLowerCase()}`
    case 'json-short':
      return SHORT_JSON[char] ?? char
    case 'percent':
      return encodeURIComponent(char).replace(/[!'()*~]/g, c => `%${hex(c.charCodeAt(0), 2)}`)
    case 'percent-lower':
      return [...Buffer.from(char, 'utf8')].map(byte => `%${hex(byte, 2).toLowerCase()}`).join('')
    case 'form':
      return new URLSearchParams({ x: char }).toString().slice(2)
    case 'html-dec':
      return `&#${code};`
    case 'html-hex':
      return `&#x${hex(code, 1)};`
    case 'html-named':
      return NAMED[char] ?? char
  }
}

const secretChars = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~+/=%&<>"\'\\ :;'.split(''),
  'é',
  '€'
)
const secret = fc.array(secretChars, { minLength: 16, maxLength: 80 }).map(chars => chars.join(''))
const surrounding = fc.string({ maxLength: 40 })

/** The text with every escape undone where it starts, as a reader of it would see it. */
function decoded(text: string): string {
  let out = ''
  for (let at = 0; at < text.length;) {
    const escape = escapeAt(text, at)
    out += escape ? escape.value : text[at]
    at += escape ? escape.length : 1
  }
  return out.replace(/ /g, '+')
}

/** Every piece of PIECE characters of the secret. */
function pieces(value: string): string[] {
  const out: string[] = []
  for (let i = 0; i + PIECE <= value.length; i++) out.push(value.slice(i, i + PIECE))
  return out
}

function expectNoPiece(text: string, value: string): void {
  const read = decoded(text)
  for (const piece of pieces(value)) {
    expect(text).not.toContain(piece)
    expect(read).not.toContain(piece.replace(/ /g, '+'))
  }
}

describe('Secrets.redact', () => {
  it('cuts a secret echoed in any encoding, or a mix per character', () => {
    fc.assert(
      fc.property(
        secret,
        fc.array(fc.constantFrom(...ENCODINGS), { minLength: 1, maxLength: 80 }),
        surrounding,
        surrounding,
        (value, encodings, before, after) => {
          const secrets = new Secrets(() => undefined)
          secrets.add(value)
          const mixed = encodings.some(encoding => encoding !== 'raw')
          const echoed = [...value]
            .map((char, i) => {
              const encoded = encodeChar(char, encodings[i % encodings.length] as Encoding)
              // Every encoder escapes the characters that start its escapes: text where
              // `\n` stands raw beside escapes reads as a line break to any decoder.
              return mixed && encoded === char && ESCAPE_STARTS.includes(char)
                ? encodeChar(char, 'json-u')
                : encoded
            })
            .join('')
          const clean = secrets.redact(`${before}${echoed}${after}`)
          expect(clean).toContain('***')
          expectNoPiece(clean, value)
        }
      ),
      { numRuns: 400 }
    )
  })

  it('cuts it from a JSON body, however JSON.stringify escaped it, before the body is read', () => {
    fc.assert(
      fc.property(secret, value => {
        const secrets = new Secrets(() => undefined)
        secrets.add(value)
        const body = JSON.stringify({ status: `running ${value}` }).replace(
          /[a-z]/g,
          c => `\\u00${c.charCodeAt(0).toString(16)}`
        )
        const read = JSON.parse(secrets.redact(body)) as { status: string }
        expectNoPiece(read.status, value)
      })
    )
  })

  it('leaves text without a secret as it was', () => {
    fc.assert(
      fc.property(secret, fc.string({ maxLength: 200 }), (value, text) => {
        fc.pre(!decoded(text).includes(value.replace(/ /g, '+')) && !text.includes(value))
        const secrets = new Secrets(() => undefined)
        secrets.add(value)
        expect(secrets.redact(text)).toBe(text)
      })
    )
  })

  it('cuts the client secret out of an Entra ID error that echoes the form', () => {
    const clientSecret = 'Abc8Q~dEf.gHi_jKl-MnO~pQr5StU'
    const secrets = new Secrets(() => undefined)
    secrets.add(clientSecret)
    const form = new URLSearchParams({ client_secret: clientSecret, scope: 'x' }).toString()
    expect(form).toContain('%7E')
    const clean = secrets.redact(
      `{"error":"invalid_client","error_description":"AADSTS7000215: got ${form}"}`
    )
    expect(clean).toBe(
      '{"error":"invalid_client","error_description":"AADSTS7000215: got client_secret=***&scope=x"}'
    )
  })

  it('reads a megabyte of escapes, and a secret spread over it', () => {
    const value = 'a-secret-of-some-length'
    const secrets = new Secrets(() => undefined)
    secrets.add(value)
    const noise = '%41\\u0042&#67;'.repeat(80_000)
    expect(secrets.redact(noise)).toBe(noise)
    const echoed = [...value].map(char => `%${char.charCodeAt(0).toString(16)}`).join('')
    expect(secrets.redact(`${noise}${echoed}${noise}`)).toBe(`${noise}***${noise}`)
  })
})
