import { run } from './main.js'

// run() reports every failure itself; what escapes it (a runner that cannot even take
// the report) still ends in one plain line, never a stack of bundled code.
await run().catch((error: unknown) => {
  process.stdout.write(
    `::error::${String(error instanceof Error ? error.message : error).replace(/[\r\n]+/g, ' ')}\n`
  )
  process.exitCode = 1
})
