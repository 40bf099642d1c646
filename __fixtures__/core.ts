// A stand-in for @actions/core in unit tests of run(): records what the action would
// have written to the runner.
import { jest } from '@jest/globals'

export const outputs: Record<string, string> = {}
export const lines: string[] = []
export const summaries: string[] = []

export const setSecret = jest.fn<(secret: string) => void>()
export const setOutput = jest.fn((name: string, value: string) => {
  outputs[name] = value
})
export const info = jest.fn((message: string) => void lines.push(message))
export const warning = jest.fn((message: string) => void lines.push(`::warning::${message}`))
export const error = jest.fn((message: string) => void lines.push(`::error::${message}`))
export const setFailed = jest.fn((message: string) => void lines.push(`::error::${message}`))
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
