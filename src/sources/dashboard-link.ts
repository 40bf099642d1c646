// Where a publisher sees a product in Partner Center: the offer overview page, whose URL
// holds the product's GUID (Microsoft Learn, "X++ modules and ISV Studio": "From the
// browser's URL bar, locate the product ID GUID"). Built from an id the action checked,
// never from a URL a service sent.
import { isGuid } from '../inputs/ids.js'

/** The offer overview page of the product with this GUID, as a snapshot's `portalUrl`. */
export function portalUrlOf(productGuid: string): { portalUrl?: string } {
  return isGuid(productGuid)
    ? {
        portalUrl: `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${productGuid.toLowerCase()}/overview`
      }
    : {}
}
