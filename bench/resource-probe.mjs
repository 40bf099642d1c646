// Preloaded into the action by the fleet bench: at exit, writes the process's own peak
// memory and CPU time to the file RESOURCE_PROBE_FILE names.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage()
  writeFileSync(
    process.env.RESOURCE_PROBE_FILE ?? '/dev/null',
    JSON.stringify({ maxRssKb: maxRSS, cpuMs: (userCPUTime + systemCPUTime) / 1000 })
  )
})
