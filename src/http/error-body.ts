// What an error answer says went wrong, in the service's own words: the error documents
// of Azure front ends and Microsoft Graph (`{"error": {code, message, details}}`), Entra
// ID (`{error, error_description}`), RFC 9110 problem documents (`{title, detail,
// errors}`), a JSON string, or plain text that may wrap one of these (a client's
// exception text). The part that says it is kept, wherever it comes in the body.
import { brief, clip } from '../text.js'

// Enough of any body to find what it says; JSON.parse on it stays quick.
const MOST_READ = 64 * 1024
const MESSAGE_CHARS = 500
const COMPLAINT_CHARS = 300
const DETAIL_COUNT = 10
const NESTED_TEXT = 3
// What says what went wrong, the surest first: a service's error code (ICH50400,
// AADSTS70011, Resell-20007), then words of refusal, then the word error itself (which
// boilerplate uses too: "An error occurred"). Plain alternatives: linear on any text.
const COMPLAINTS = [
  /\b(?:ICH\d{3,}|AADSTS\d{3,}|[A-Z][A-Za-z]{1,20}-\d{4,})\b/,
  /\b(?:failed|failure|invalid|missing|required|refused|denied|forbidden|cannot|unable|not (?:allowed|found|valid|permitted|supported))\b/i,
  /\berrors?\b/i
]

/** `: what went wrong` in the service's words; a quote of the body's start when it says nothing readable. */
export function describeErrorBody(body: string): string {
  const text = body.replace(/^\uFEFF/, '').slice(0, MOST_READ)
  if (text.trim() === '') return ''
  return `: ${wordsOf(text, 0)}`
}

function wordsOf(text: string, depth: number): string {
  const json = parsed(text.trim())
  if (typeof json === 'string' && depth < NESTED_TEXT) return wordsOf(json, depth + 1)
  const document = record(json) ?? embeddedDocument(text)
  const said = document && documentWords(document)
  // An error page says it in its visible text, not its markup: a tag parts words.
  return (
    said ?? complaint(/^\s*</.test(text) ? brief(text.replace(/<[^<>]*>/g, ' '), MOST_READ) : text)
  )
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

// A JSON object inside text: from its first `{` to its last `}`.
function embeddedDocument(text: string): Record<string, unknown> | undefined {
  const from = text.indexOf('{')
  const to = text.lastIndexOf('}')
  return from >= 0 && to > from ? record(parsed(text.slice(from, to + 1))) : undefined
}

/** `code: message (details)`, or `title: detail (field: message; …)`; undefined if it says nothing. */
function documentWords(outer: Record<string, unknown>): string | undefined {
  const inner = record(outer.error) ?? outer
  const description =
    typeof outer.error_description === 'string'
      ? outer.error_description.split(/\r?\n/)[0]
      : undefined
  const parts = [
    inner.code ?? (typeof outer.error === 'string' ? outer.error : undefined),
    inner.message ?? inner.Message ?? description ?? outer.title,
    outer.detail
  ]
    .filter(part => typeof part === 'string' && part.trim() !== '')
    .map(part => clip(part as string, MESSAGE_CHARS))
  const details = [...flattenDetails(inner.details), ...fieldErrors(outer.errors)].slice(
    0,
    DETAIL_COUNT
  )
  if (parts.length === 0 && details.length === 0) return undefined
  return `${parts.join(': ')}${details.length > 0 ? ` (${details.join('; ')})` : ''}`.trim()
}

/** Nested `details` as `code: message` lines, depth first, bounded. */
function flattenDetails(value: unknown, depth = 0): string[] {
  if (!Array.isArray(value) || depth > 5) return []
  const lines: string[] = []
  for (const item of value.slice(0, DETAIL_COUNT)) {
    const detail = record(item) ?? {}
    const line = [detail.code, detail.message]
      .filter(part => typeof part === 'string' && part.trim() !== '')
      .map(part => clip(part as string, MESSAGE_CHARS))
      .join(': ')
    if (line) lines.push(line)
    lines.push(...flattenDetails(detail.details, depth + 1))
  }
  return lines.slice(0, DETAIL_COUNT)
}

/** A problem document's `errors`: `field: message` by field, or a list of messages. */
function fieldErrors(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value
      .slice(0, DETAIL_COUNT)
      .map(item => (typeof item === 'string' ? item : (documentWords(record(item) ?? {}) ?? '')))
      .filter(Boolean)
      .map(item => clip(item, MESSAGE_CHARS))
  }
  return Object.entries(record(value) ?? {})
    .slice(0, DETAIL_COUNT)
    .map(([field, messages]) => {
      const said = [messages].flat().filter(item => typeof item === 'string')
      return clip(`${field}: ${said.join(' ') || 'refused'}`, MESSAGE_CHARS)
    })
}

// Plain text: the sentence that says what went wrong, and what follows it, quoted; the
// start of the text when no word says so.
function complaint(text: string): string {
  const at = COMPLAINTS.map(words => words.exec(text)?.index).find(index => index !== undefined)
  if (at === undefined || at < QUOTED_START) return `"${clip(text, COMPLAINT_CHARS)}"`
  const sentence = Math.max(
    text.lastIndexOf('. ', at) + 2,
    text.lastIndexOf('\n', at) + 1,
    at - 100
  )
  return `"…${clip(text.slice(sentence), COMPLAINT_CHARS)}"`
}

// A complaint this early is quoted with the start of the text.
const QUOTED_START = 120
