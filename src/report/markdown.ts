// Markdown pieces of the job summary and the check run: every piece of server text
// escaped, every link checked, every document within its byte limit.
import type { StatusMessage } from '../status/snapshot.js'
import { clip, escapeMarkdown } from '../text.js'

export const CELL_CHARS = 300

/** A cell's text as a sentence: one full stop at the end. */
export function sentence(text: string): string {
  const shown = cell(text)
  return /[.!?]$/.test(shown) ? shown : `${shown}.`
}

export function cell(text: string): string {
  return escapeMarkdown(clip(text, CELL_CHARS))
}

/**
 * A link when the value is an http(s) URL, shown as `label` or as itself; else text.
 * Only for URLs the action or an API vouches for: server text is never linked as such.
 */
export function link(value: unknown, label?: string): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '')
  try {
    const url = new URL(text)
    if (url.protocol === 'https:' || url.protocol === 'http:') {
      return `[${cell(label ?? url.href)}](${url.href.replace(/[()<> ]/g, encodeURIComponent)})`
    }
  } catch {
    // Not a URL: shown as text.
  }
  return cell(text)
}

/** ` ([link](url))` after a message the API vouches a link for; else nothing. */
export function messageLink(message: StatusMessage): string {
  return message.link ? ` (${link(message.link, 'link')})` : ''
}

export function fitToLimit(markdown: string, byteLimit: number): string {
  if (Buffer.byteLength(markdown) <= byteLimit) return markdown
  const note = '\n\n_The summary was cut to fit its size limit._\n'
  const room = Math.max(0, byteLimit - Buffer.byteLength(note))
  return (
    Buffer.from(markdown)
      .subarray(0, room)
      .toString('utf8')
      .replace(/\uFFFD$/, '') + note
  )
}
