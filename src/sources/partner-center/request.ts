// How the Partner Center ingestion API is asked: paths under base-url, the seller id
// on every request, and its refusals in words.
import type { ApiConnection } from '../contract.js'
import { serviceWords, type ServiceWords } from '../get-json.js'
import { linkUnderBaseUrl } from '../paged-list.js'

/** `{base-url}/products/{productId}/…`, each part of the path encoded. */
export function productUrl(
  connection: ApiConnection,
  productId: string,
  ...path: string[]
): string {
  return [connection.baseUrl, 'products', productId, ...path]
    .map((part, index) => (index === 0 ? part : encodeURIComponent(part)))
    .join('/')
}

/**
 * The connection with `x-ms-publisherId` among the headers of every request: the service
 * refused calls without it for a while in 2026, and takes it now.
 */
export function withSellerId(connection: ApiConnection, sellerId: string): ApiConnection {
  if (!sellerId) return connection
  return { ...connection, headers: { ...connection.headers, 'x-ms-publisherId': sellerId } }
}

/** A link the service gave, as a URL under base-url; '' when it points elsewhere. */
export function underBaseUrl(connection: ApiConnection, link: string): string {
  return linkUnderBaseUrl(link, connection.baseUrl) ?? ''
}

/** How the API's answers read; `notFound` says what a 404 means for this request. */
export function wordsFor(notFound: string): ServiceWords {
  return serviceWords('the Partner Center ingestion API', {
    audience: 'https://api.partner.microsoft.com',
    addedTo: 'as a user of the Partner Center account (Manager role)',
    hints: {
      400: "if the service names x-ms-publisherId, set 'seller-id' to the seller id of the Partner Center account",
      403: 'the app lacks rights to this account; add it in Partner Center under Account settings > User management > Microsoft Entra applications, with the Manager role',
      404: notFound
    }
  })
}
