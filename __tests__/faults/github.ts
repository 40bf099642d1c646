// The fault catalogue's rows: GitHub's side: the check run, and a wait handed from run to run.
import { RUNNING, SUCCEEDED, type FaultCase } from './case.js'

export const GITHUB: FaultCase[] = [
  {
    fault: 'SIGTERM while the GitHub API hangs (check run)',
    does: 'writes outputs and summary first; the check run gets what time is left',
    outcome: 'error',
    exitCode: 1,
    github: { hang: true },
    timeline: [RUNNING],
    inputs: { interval: '1m', 'max-interval': '2m' },
    signal: { name: 'SIGTERM', after: 'Offer status: Running' },
    check: (run, _, expect) => {
      expect(run.outputs.status).toBe('Running')
      expect(run.summary).toContain('🚫')
    }
  },
  {
    fault: 'timeout 0 with a hanging GitHub API (check run)',
    does: 'ends within the deadline and one request timeout: the check run gets what is left',
    outcome: 'timeout',
    exitCode: 1,
    github: { hang: true },
    inputs: { timeout: '0' },
    timeline: [RUNNING]
  },
  {
    fault: 'SIGTERM while the check run is still being created (GitHub hangs)',
    does: 'has written outputs and summary before waiting for GitHub; exits within seconds',
    outcome: 'success',
    exitCode: 0,
    github: { hang: true },
    timeline: [SUCCEEDED],
    // The last look's line: the wait has ended, the outputs are being written.
    signal: { name: 'SIGTERM', after: 'Offer status: Succeeded' },
    check: (run, _, expect) => {
      expect(run.outputs.status).toBe('Succeeded')
      expect(run.outputs['check-run-id']).toBe('')
      expect(run.summary).toContain('✅')
    }
  },
  {
    fault: "GitHub's secondary rate limit (403 with Retry-After) on the completing call",
    does: 'waits as GitHub asked, within the time left, and completes the check run; no blame on permissions',
    outcome: 'success',
    exitCode: 0,
    github: { rateLimited: { calls: [3], status: 403 }, retryAfter: 2 },
    timeline: [SUCCEEDED],
    check: (run, sim, expect) => {
      // The log first: when the check run is missing, its warning says why.
      expect(run.stdout).not.toMatch(/::warning::Check run/)
      expect(sim.github.checkRuns[0]?.fields).toMatchObject({
        status: 'completed',
        conclusion: 'success'
      })
    }
  },
  {
    fault: 'a 429 on the completing call with a Retry-After past the time left',
    does: 'gives up the check run at once, saying what GitHub answered; the process does not stay for the pause',
    outcome: 'success',
    exitCode: 0,
    github: { rateLimited: { calls: [3], status: 429 }, retryAfter: 60 },
    inputs: { timeout: '5s' },
    timeline: [SUCCEEDED],
    check: (run, _, expect) => {
      expect(run.stdout).toMatch(
        /::warning::Check run "Marketplace publish" not completed \(GitHub answered 429: API rate limit exceeded.*it asked to wait 1m, longer than the time left\)\. The wait goes on/
      )
      expect(run.stdout).not.toMatch(/checks: write/)
    }
  },
  {
    fault: 'timeout 0 with GitHub asking for a 10-second pause',
    does: 'ends within the deadline and one request timeout: no pause outlives the deadline',
    outcome: 'timeout',
    exitCode: 1,
    github: { rateLimited: { calls: [1], status: 429 }, retryAfter: 10 },
    inputs: { timeout: '0' },
    timeline: [RUNNING]
  }
]
