import { run } from './main.js'

// run() reports every failure itself; what escapes it (a runner that cannot even take
// the report) still ends in one plain line, never a stack of bundled code. Not awaited:
// a top-level await makes the bundle wrap all it holds in an async module, parsed once
// more at every start; the pending work keeps the process alive all the same.
void run().catch((error: unknown) => {
  process.stdout.write(
    `::error::${String(error instanceof Error ? error.message : error).replace(/[\r\n]+/g, ' ')}\n`
  )
  process.exitCode = 1
})
