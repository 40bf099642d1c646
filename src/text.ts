// Server text goes into logs, annotations and markdown: make it plain and inert.

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' '
}

/** The visible text of an HTML fragment, on one line. */
export function plainText(html: string): string {
  return (
    html
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, entity => ENTITIES[entity] ?? entity)
      // eslint-disable-next-line no-control-regex
      .replace(/[\s\u0000-\u001f\u007f]+/g, ' ')
      .trim()
  )
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
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
