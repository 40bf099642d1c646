// The GitHub REST endpoints of check runs, as the action uses them.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson } from './respond.js'
import type { GitHubSpec } from './scenario.js'

const CREATE_PATH = /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/
const UPDATE_PATH = /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/

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
  /** The Authorization header of every checks call. */
  readonly authorizations: string[] = []
  private calls = 0

  constructor(private readonly spec: GitHubSpec = {}) {}

  handle(request: IncomingMessage, body: string, response: ServerResponse): boolean {
    const path = new URL(request.url ?? '/', 'http://simulator').pathname
    const create = request.method === 'POST' ? CREATE_PATH.exec(path) : null
    const update = request.method === 'PATCH' ? UPDATE_PATH.exec(path) : null
    if (!create && !update) return false
    this.authorizations.push(request.headers.authorization ?? '')
    this.calls++
    if (this.spec.hang) return true // never answers; close() drops the connection
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
    const record = this.checkRuns.find(run => run.id === Number(update?.[3]))
    if (!record) {
      sendJson(response, 404, { message: 'Not Found' })
      return true
    }
    record.fields = { ...record.fields, ...fields }
    record.calls.push(fields)
    sendJson(response, 200, { id: record.id, ...record.fields })
    return true
  }
}
