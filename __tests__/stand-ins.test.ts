import { afterEach, describe, expect, it } from '@jest/globals'
import { fetch, ProxyAgent } from '../src/stand-ins/undici.js'
import { startSimulator, type Simulator } from '../simulator/server.js'

let simulator: Simulator | undefined

afterEach(async () => {
  await simulator?.close()
  simulator = undefined
})

describe('the undici stand-in', () => {
  it('sends method, headers and body, and answers with a Response', async () => {
    simulator = await startSimulator({ timeline: [{ status: 'running' }] })
    const response = await fetch(`${simulator.url}/repos/contoso/offers/check-runs`, {
      method: 'POST',
      headers: { authorization: 'token ghs_x', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Marketplace', head_sha: 'abc' })
    })
    expect(response.status).toBe(201)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await response.json()).toMatchObject({ id: 1000, name: 'Marketplace', head_sha: 'abc' })
    expect(simulator.github.authorizations).toEqual(['token ghs_x'])
  })

  it('gives error statuses as they came, and no body where HTTP has none', async () => {
    simulator = await startSimulator({
      timeline: [
        { respond: { status: 204 } },
        { respond: { status: 422, json: { message: 'Invalid' } } }
      ]
    })
    const url = `${simulator.url}/api/publishers/p/offers/o/status?api-version=2017-10-31`
    const headers = { authorization: 'Bearer t' }
    const empty = await fetch(url, { headers })
    expect(empty.status).toBe(204)
    expect(empty.body).toBeNull()
    const refused = await fetch(new URL(url), { headers })
    expect(refused.status).toBe(422)
    expect(await refused.json()).toEqual({ message: 'Invalid' })
  })

  it('stops when the signal aborts', async () => {
    simulator = await startSimulator({ timeline: [{ fault: 'hang' }] })
    const request = fetch(
      `${simulator.url}/api/publishers/p/offers/o/status?api-version=2017-10-31`,
      {
        headers: { authorization: 'Bearer t' },
        signal: AbortSignal.timeout(100)
      }
    )
    await expect(request).rejects.toThrow('request cancelled')
  })

  it('refuses bodies it cannot send, and has an inert ProxyAgent', async () => {
    await expect(
      fetch('http://127.0.0.1:9/x', { method: 'POST', body: new Uint8Array(1) })
    ).rejects.toThrow('string bodies only')
    expect(new ProxyAgent({ uri: 'http://proxy.example:3128' })).toEqual({})
  })
})
