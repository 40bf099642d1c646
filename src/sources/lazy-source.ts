// An API's reading code loaded at its first look (the Product Ingestion and Partner
// Center ingestion APIs): a step waits on one API, and never loads another's.
import type { StatusSource } from '../status/source.js'

/** A source made at its first look, from code loaded then. */
export function lazySource(load: () => Promise<StatusSource>): StatusSource {
  let source: Promise<StatusSource> | undefined
  const loaded = () => (source ??= load())
  return {
    look: async signal => (await loaded()).look(signal),
    publish: async (kind, seen, signal) => {
      const { publish } = await loaded()
      if (!publish) throw new Error('this source sends no publishing request')
      return publish.call(await loaded(), kind, seen, signal)
    }
  }
}
