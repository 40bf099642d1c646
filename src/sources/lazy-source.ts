// An API's reading code loaded at its first look, for an API that few steps use (the
// Partner Center ingestion API): the steps that do not use it never load it.
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
