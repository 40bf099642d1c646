// The floor any toolkit action pays: stock @actions/core and @actions/http-client, the
// same status request as the action's look (so the simulator does the same work for
// both), one output. Bundled the same way as the action, for the start-up ratio, and
// started as the actions/typescript-action template starts one: run() called, not
// awaited at the top level (which would cost every start a second parse of the bundle).
import * as core from '@actions/core'
import { HttpClient } from '@actions/http-client'

async function run(): Promise<void> {
  const client = new HttpClient('minimal-action')
  const publisher = encodeURIComponent(core.getInput('publisher-id'))
  const offer = encodeURIComponent(core.getInput('offer-id'))
  const response = await client.get(
    `${core.getInput('base-url')}/api/publishers/${publisher}/offers/${offer}/status?api-version=2017-10-31`,
    { authorization: `Bearer ${core.getInput('token')}` }
  )
  const body = JSON.parse(await response.readBody()) as { status?: unknown }
  core.setOutput('status', `${response.message.statusCode} ${String(body.status)}`)
}

void run()
