// A stand-in for @actions/core in tests of run(): records what the action would have
// written to the runner, each mock typed as the function it stands for.
import type * as core from '@actions/core'
import { jest } from '@jest/globals'

export const outputs: Record<string, string> = {}
export const lines: string[] = []
export const summaries: string[] = []

export const setSecret = jest.fn<typeof core.setSecret>()
export const setOutput = jest.fn<typeof core.setOutput>((name, value) => {
  outputs[name] = String(value)
})
export const info = jest.fn<typeof core.info>(message => void lines.push(message))
export const warning = jest.fn<typeof core.warning>(
  message => void lines.push(`::warning::${String(message)}`)
)
export const error = jest.fn<typeof core.error>(
  message => void lines.push(`::error::${String(message)}`)
)
export const setFailed = jest.fn<typeof core.setFailed>(
  message => void lines.push(`::error::${String(message)}`)
)
export const summary = {
  addRaw(markdown: string) {
    summaries.push(markdown)
    return { write: async () => undefined }
  }
}

export function reset(): void {
  for (const key of Object.keys(outputs)) delete outputs[key]
  lines.length = 0
  summaries.length = 0
}
