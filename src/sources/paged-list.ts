// A list the service sends in pages: `value` on each, and a link to the next page
// (`@nextLink` on Microsoft Graph, `nextLink` elsewhere, absolute or relative).
import { quote } from '../http/policy.js'
import type { ApiConnection } from './contract.js'
import { getJsonObject, type Failure, type ServiceWords } from './get-json.js'
import { field, list, text } from './json-fields.js'

// Far more than any publisher has; a server that links on for ever is cut off here.
const MOST_PAGES = 20
const MOST_ITEMS = 5_000

/** The items read, and, when a later page was gone, why the list ends early. */
export interface PagedList {
  kind: 'ok'
  items: unknown[]
  answered: string
  cut?: string
}

/**
 * Every item of every page, in order, or why the list could not be read. With
 * `goneLaterPages`, a later page that answers 404 ends the list where it is: a service
 * whose next-page links go stale (the Partner Center ingestion API's do).
 */
export async function getPagedList(
  connection: ApiConnection,
  url: string,
  words: ServiceWords,
  what: string,
  signal?: AbortSignal,
  { goneLaterPages = false } = {}
): Promise<PagedList | Failure> {
  const items: unknown[] = []
  let page: string | undefined = url
  let answered = ''
  for (let pages = 0; page !== undefined; pages++) {
    if (pages === MOST_PAGES) {
      return {
        kind: 'final',
        problem: `${answered}: the ${what} goes on past ${MOST_PAGES} pages; no publisher has that many`
      }
    }
    const answer = await getJsonObject(connection, page, words, `a ${what}`, signal)
    if (answer.kind !== 'ok' && pages > 0 && goneLaterPages && answer.status === 404) {
      return { kind: 'ok', items, answered, cut: `page ${pages + 1} of the ${what} answered 404` }
    }
    if (answer.kind !== 'ok') return answer
    answered = answer.answered
    items.push(...list(field(answer.object, 'value')).slice(0, MOST_ITEMS - items.length))
    const link = NEXT_LINK_NAMES.map(name => text(field(answer.object, name))).find(Boolean)
    page = undefined
    if (link && items.length < MOST_ITEMS) {
      page = linkUnderBaseUrl(link, connection.baseUrl)
      if (page === undefined) {
        return {
          kind: 'final',
          problem: connection.redact(
            `${answered} with a next page elsewhere than base-url: ${quote(link)}; it is not followed`
          )
        }
      }
    }
  }
  return { kind: 'ok', items, answered }
}

const NEXT_LINK_NAMES = ['@nextLink', 'nextLink', '@odata.nextLink']

/**
 * The link as an absolute URL when it stays under base-url; undefined otherwise. A
 * relative link is read from the API root, or from the host when it repeats the root's
 * path (`v1.0/ingestion/products/…`).
 */
export function linkUnderBaseUrl(link: string, baseUrl: string): string | undefined {
  try {
    const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`)
    const rootPath = base.pathname.replace(/^\//, '')
    const relative = link.replace(/^\//, '')
    const resolved = /^[a-z][a-z0-9+.-]*:/i.test(link)
      ? new URL(link)
      : rootPath && relative.startsWith(rootPath)
        ? new URL(`/${relative}`, base.origin)
        : new URL(relative, base)
    return resolved.origin === base.origin && resolved.pathname.startsWith(base.pathname)
      ? resolved.href
      : undefined
  } catch {
    return undefined
  }
}
