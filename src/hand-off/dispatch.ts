// Starts the next run of this workflow with the hand-off state as its input. Sent once,
// never retried: a dispatch that timed out or got a 5xx may have started a run, and two
// would fork the wait.
import type { CallOptions, GitHub } from '../github/client.js'
import { RequestError } from '../http/http-session.js'
import { isRunPage, workflowRunsPage, type RunnerContext } from '../runner/context.js'
import type { HandOff } from './hand-off-inputs.js'

/** Why the next run was not started, with what fixes it. */
export class DispatchRefused extends Error {}

/** Dispatches the next run; resolves to its page (or the workflow's runs when GitHub does not say). */
export async function dispatchNextRun(
  github: GitHub,
  handOff: HandOff,
  state: string,
  runner: RunnerContext,
  call: CallOptions
): Promise<string> {
  const [owner = '', repo = ''] = runner.repository.split('/')
  const send = (runDetails: boolean) =>
    github.call(
      async (octokit, signal) => {
        const { data } = await octokit.request(
          'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
          {
            owner,
            repo,
            workflow_id: handOff.workflowFile,
            ref: handOff.ref,
            inputs: { [handOff.inputName]: state },
            ...(runDetails && { return_run_details: true }),
            headers: { 'X-GitHub-Api-Version': '2022-11-28' },
            request: { signal }
          }
        )
        return data as unknown
      },
      { ...call, retries: false }
    )
  // Only a run page of this repository on this server is linked; else the runs list.
  const pageOf = (data: unknown): string => {
    const url = (data as { html_url?: unknown } | undefined)?.html_url
    return isRunPage(url, runner) ? url : workflowRunsPage(runner)
  }
  try {
    return pageOf(await send(true))
  } catch (error) {
    if (!(error instanceof RequestError)) throw error
    // GitHub Enterprise Server 3.20 and older know no run details; they made no run.
    if (
      (error.status === 400 || error.status === 422) &&
      /return_run_details/.test(error.message)
    ) {
      try {
        return pageOf(await send(false))
      } catch (again) {
        if (again instanceof RequestError) throw refusal(again, handOff)
        throw again
      }
    }
    throw refusal(error, handOff)
  }
}

function refusal(error: RequestError, handOff: HandOff): DispatchRefused {
  const answer = error.message.slice(0, 300)
  const where = `workflow ${handOff.workflowFile} on ${handOff.ref}`
  if (error.rateLimited) {
    return new DispatchRefused(
      `GitHub rate-limited the dispatch of the next run (${answer}); no run was started`
    )
  }
  if (error.status === undefined || error.status >= 500) {
    return new DispatchRefused(
      `the dispatch of the next run got no clear answer (${answer}); it may have started a run, so it is not sent again: look for it in the Actions tab`
    )
  }
  switch (error.status) {
    case 403:
      return new DispatchRefused(
        `GitHub refused to start the next run (${answer}): give the job \`permissions: actions: write\``
      )
    case 404:
      return new DispatchRefused(
        `GitHub found no ${where} (${answer}): the workflow file must be on the default branch, and the token must see it`
      )
    case 422:
      return new DispatchRefused(
        `GitHub refused to start the next run of ${where} (${answer}): the workflow must declare the workflow_dispatch input \`${handOff.inputName}\` (type: string, default '') on its default branch, and the ref must be one it can run on`
      )
    default:
      return new DispatchRefused(`GitHub refused to start the next run of ${where} (${answer})`)
  }
}
