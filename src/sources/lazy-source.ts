// An API's reading code loaded at its first look, for an API that few steps use (the
// Partner Center ingestion API): the steps that do not use it never load it.
import type { StatusSource } from '../status/source.js'

/** A source made at its first look, from code loaded then. */
export function lazySource(load: () => Promise<StatusSource>): StatusSource {
  let source: Promise<StatusSource> | undefined
  return { look: async signal => (await (source ??= load())).look(signal) }
}
