// The floor any toolkit action pays: stock @actions/core and @actions/http-client,
// one GET, one output. Bundled the same way as the action, for the start-up ratio.
import * as core from '@actions/core'
import { HttpClient } from '@actions/http-client'

const client = new HttpClient('minimal-action')
const response = await client.get(`${core.getInput('base-url')}/minimal`)
const body = await response.readBody()
core.setOutput('status', `${response.message.statusCode} ${body.length}`)
