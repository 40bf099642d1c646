// The GitHub REST endpoints the action uses: check runs, and workflow dispatches.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson } from './respond.js'
import type { GitHubSpec } from './scenario.js'

const CREATE_PATH = /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/
const UPDATE_PATH = /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/
const DISPATCH_PATH = /^\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+)\/dispatches$/

export interface DispatchRecord {
  repository: string
  workflow: string
  body: { ref?: string; inputs?: Record<string, string>; return_run_details?: boolean }
  /** The run it made, if it made one. */
  runId?: number
}

export interface CheckRunRecord {
  id: number
  repository: string
  /** The fields of the create call, then each update merged over them. */
  fields: Record<string, unknown>
  /** Every call's fields, in order: the create call first. */
  calls: Record<string, unknown>[]
}

export class GitHubChecks {
  readonly checkRuns: CheckRunRecord[] = []
  /** Every dispatch asked for, refused ones too. */
  readonly dispatches: DispatchRecord[] = []
  /** The Authorization header of every checks call. */
  readonly authorizations: string[] = []
  private calls = 0
  private hangAll = false

  constructor(private readonly spec: GitHubSpec = {}) {
    for (const fields of spec.existing ?? []) {
      this.checkRuns.push({
        id: 1000 + this.checkRuns.length,
        repository: 'contoso/marketplace-offers',
        fields: { status: 'in_progress', ...fields },
        calls: []
      })
    }
  }

  /** From now on, no call is answered: GitHub goes down. */
  hang(): void {
    this.hangAll = true
  }

  handle(request: IncomingMessage, body: string, response: ServerResponse): boolean {
    const path = new URL(request.url ?? '/', 'http://simulator').pathname
    const dispatch = request.method === 'POST' ? DISPATCH_PATH.exec(path) : null
    if (dispatch && (this.spec.hang || this.hangAll)) {
      this.dispatches.push({ repository: `${dispatch[1]}/${dispatch[2]}`, workflow: '', body: {} })
      return true // never answers; close() drops the connection
    }
    if (dispatch) return this.dispatch(dispatch, body, response)
    const create = request.method === 'POST' ? CREATE_PATH.exec(path) : null
    const update = request.method === 'PATCH' ? UPDATE_PATH.exec(path) : null
    const get = request.method === 'GET' ? UPDATE_PATH.exec(path) : null
    if (!create && !update && !get) return false
    this.authorizations.push(request.headers.authorization ?? '')
    this.calls++
    if (this.spec.hang || this.hangAll) return true
    if (this.spec.failWith) {
      sendJson(response, this.spec.failWith, {
        message: this.spec.failWith === 403 ? 'Resource not accessible by integration' : 'Error',
        documentation_url: 'https://docs.github.com/rest/checks/runs'
      })
      return true
    }
    const limited = this.spec.rateLimited
    if (limited?.calls.includes(this.calls)) {
      if (this.spec.retryAfter !== undefined) {
        response.setHeader('retry-after', String(this.spec.retryAfter))
      }
      sendJson(response, limited.status, {
        message:
          limited.status === 403
            ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
            : 'API rate limit exceeded',
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
      })
      return true
    }
    if (this.calls <= (this.spec.throttledCalls ?? 0)) {
      response.setHeader('retry-after', String(this.spec.retryAfter ?? 1))
      sendJson(response, 429, { message: 'API rate limit exceeded' })
      return true
    }
    if (this.calls <= (this.spec.flakyCalls ?? 0)) {
      sendJson(response, 502, { message: 'Server Error' })
      return true
    }
    const fields = JSON.parse(body || '{}') as Record<string, unknown>
    if (update && this.spec.hangCompletion && fields.status === 'completed') return true
    if (create) {
      const record: CheckRunRecord = {
        id: 1000 + this.checkRuns.length,
        repository: `${create[1]}/${create[2]}`,
        fields: { ...fields },
        calls: [fields]
      }
      this.checkRuns.push(record)
      sendJson(response, 201, { id: record.id, ...record.fields })
      return true
    }
    const record = this.checkRuns.find(run => run.id === Number((update ?? get)?.[3]))
    if (!record) {
      sendJson(response, 404, { message: 'Not Found' })
      return true
    }
    if (get) {
      sendJson(response, 200, { id: record.id, ...record.fields })
      return true
    }
    record.fields = { ...record.fields, ...fields }
    record.calls.push(fields)
    sendJson(response, 200, { id: record.id, ...record.fields })
    return true
  }

  private dispatch(match: RegExpExecArray, body: string, response: ServerResponse): boolean {
    const record: DispatchRecord = {
      repository: `${match[1]}/${match[2]}`,
      workflow: decodeURIComponent(match[3] ?? ''),
      body: JSON.parse(body || '{}') as DispatchRecord['body']
    }
    this.dispatches.push(record)
    const answer = this.spec.dispatch ?? 'details'
    if (answer === 'hang') return true
    if (typeof answer === 'number') {
      const messages: Record<number, string> = {
        403: 'Resource not accessible by integration',
        404: 'Not Found',
        422: "Workflow does not have 'workflow_dispatch' trigger",
        500: 'Server Error'
      }
      sendJson(response, answer, { message: messages[answer] ?? 'Error' })
      return true
    }
    if (answer === 'ghes' && record.body.return_run_details !== undefined) {
      sendJson(response, 422, {
        message: 'Invalid request.\n\n"return_run_details" is not a permitted key.'
      })
      return true
    }
    record.runId = 2000 + this.dispatches.filter(other => other.runId !== undefined).length
    if (answer === 'ghes' || !record.body.return_run_details) {
      response.writeHead(204).end()
      return true
    }
    const host = answer === 'elsewhere' ? 'https://github.example' : 'https://github.com'
    sendJson(response, 200, {
      workflow_run_id: record.runId,
      run_url: `https://api.github.com/repos/${record.repository}/actions/runs/${record.runId}`,
      html_url: `${host}/${record.repository}/actions/runs/${record.runId}`
    })
    return true
  }
}
