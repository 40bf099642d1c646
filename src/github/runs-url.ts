// Where GitHub shows this repository's workflow runs: the check run links its own run,
// a wait handed from run to run links every run of its chain, and a state read back
// may link no other page.

/** `https://github.com/owner/repo/actions/runs/`, a run's id to follow. */
export function runsUrl(env: NodeJS.ProcessEnv): string {
  return `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/`
}
