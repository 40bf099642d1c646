// The GitHub REST calls of a check run, for the reports (create, update) and for a
// carried-on run's claim of the wait (get, update).
import type { CallOptions, GitHub } from './client.js'

export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'timed_out'

export interface CheckRunFields {
  status?: 'in_progress' | 'completed'
  conclusion?: CheckConclusion
  started_at?: string
  completed_at?: string
  details_url?: string
  /** Which wait the check run shows, and which run holds it. */
  external_id?: string
  output?: { title: string; summary: string }
}

/** What a check run says of itself. */
export interface ExistingCheckRun {
  name: string
  headSha: string
  status: string
  externalId: string
}

/** The check runs of one repository. */
export class Checks {
  private readonly owner: string
  private readonly repo: string

  constructor(
    private readonly github: GitHub,
    repository: string
  ) {
    const [owner = '', repo = ''] = repository.split('/')
    this.owner = owner
    this.repo = repo
  }

  create(
    name: string,
    headSha: string,
    fields: CheckRunFields,
    call: CallOptions
  ): Promise<number> {
    return this.github.call(async (octokit, signal) => {
      const { data } = await octokit.rest.checks.create({
        owner: this.owner,
        repo: this.repo,
        name,
        head_sha: headSha,
        ...fields,
        request: { signal }
      })
      return data.id
    }, call)
  }

  update(id: number, fields: CheckRunFields, call: CallOptions): Promise<void> {
    return this.github.call(async (octokit, signal) => {
      await octokit.rest.checks.update({
        owner: this.owner,
        repo: this.repo,
        check_run_id: id,
        ...fields,
        request: { signal }
      })
    }, call)
  }

  get(id: number, call: CallOptions): Promise<ExistingCheckRun> {
    return this.github.call(async (octokit, signal) => {
      const { data } = await octokit.rest.checks.get({
        owner: this.owner,
        repo: this.repo,
        check_run_id: id,
        request: { signal }
      })
      return {
        name: String(data.name ?? ''),
        headSha: String(data.head_sha ?? ''),
        status: String(data.status ?? ''),
        externalId: String(data.external_id ?? '')
      }
    }, call)
  }
}
