// Server text goes into logs, annotations and markdown: make it plain, short and inert.

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' '
}

// C0 and C1 control characters: invisible, and able to break a log line or a header.
// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f]/
const SPACE_OR_CONTROL = new RegExp(`(?:\\s|${CONTROL_CHAR.source})+`, 'g')
// Characters a person cannot see that hide or reorder what they read: soft hyphen,
// zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates, the
// byte-order mark.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g

export function hasControlChar(text: string): boolean {
  return CONTROL_CHAR.test(text)
}

/** The text without the characters a person cannot see. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '')
}

/**
 * Text on one line of at most `max` characters: no line break or control character
 * is left to start a workflow command or break a table row.
 */
export function clip(text: string, max: number): string {
  // Cut before cleaning as well: the server may send megabytes where a few words fit.
  const line = withoutInvisible(text.slice(0, 4 * max))
    .replace(SPACE_OR_CONTROL, ' ')
    .trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** The visible text of an HTML fragment (a step message), clipped. */
export function brief(html: string, max: number): string {
  const text = html
    .slice(0, 4 * max)
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^<>]*>/g, '') // [^<>]: linear even on `<<<<` without a `>`
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, entity => ENTITIES[entity] ?? entity)
  return clip(text, max)
}

/**
 * Text safe inside a markdown table cell: no markup, HTML, links, mentions or cell
 * breaks survive, because every character that could start one becomes an entity.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[&<>|`*_[\]\\~]/g, entity)
    .replace(/:(?=\/\/)/g, entity) // autolinks: https://
    .replace(/\b(www)\./gi, '$1&#46;') // autolinks: www.
    .replace(/@(?=\w)/g, entity) // mentions
}

function entity(char: string): string {
  return `&#${char.charCodeAt(0)};`
}
