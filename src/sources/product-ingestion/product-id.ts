// The two forms of a product id the API takes: `product/<guid>`, or the bare guid.
import { isGuid } from '../../inputs/ids.js'

/** `product/<guid>` for a product id given as such or as its bare guid; else undefined. */
export function asProductId(id: string): string | undefined {
  const guid = id.replace(/^product\//i, '')
  return isGuid(guid) ? `product/${guid.toLowerCase()}` : undefined
}

/** `product/…` or the start of a guid: meant as a product id, valid or not. */
export function looksLikeProductId(id: string): boolean {
  return /^(?:product\/|[0-9a-f]{8}-[0-9a-f]{4}-)/i.test(id)
}
