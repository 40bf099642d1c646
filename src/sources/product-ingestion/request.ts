import type { ApiConnection } from '../contract.js'
import { serviceWords, type ServiceWords } from '../get-json.js'

/** `{base-url}/{path}?$version=…`, with any other query parameters first. */
export function apiUrl(
  connection: ApiConnection,
  path: string,
  query: Record<string, string> = {}
): string {
  const params = Object.entries(query).map(
    ([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`
  )
  params.push(`$version=${encodeURIComponent(connection.apiVersion)}`)
  return `${connection.baseUrl}/${path}?${params.join('&')}`
}

/** How the API's answers read; `notFound` says what a 404 means for this request. */
export function wordsFor(notFound: string): ServiceWords {
  return serviceWords('the Product Ingestion API', {
    audience: 'https://graph.microsoft.com',
    addedTo: 'as a user of the Partner Center account (Manager role)',
    hints: {
      403: 'the app lacks rights to this account; add it in Partner Center under Account settings > User management > Microsoft Entra applications, with the Manager role',
      404: notFound
    }
  })
}
