// A forward proxy on loopback, as a runner's HTTPS_PROXY would be: it tunnels CONNECT
// requests to the host names it knows (all on loopback) and records each one.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import type { Duplex } from 'node:stream'

export interface ConnectProxy {
  url: string
  /** Every CONNECT target, `host:port`, in order. */
  tunnels: string[]
  close(): Promise<void>
}

/**
 * `names` maps the host names it serves to loopback addresses; `refuse` answers every
 * CONNECT with that status instead (407: credentials wanted, 403: host not allowed).
 */
export async function startConnectProxy(
  names: Record<string, string>,
  refuse?: number
): Promise<ConnectProxy> {
  const tunnels: string[] = []
  // A tunnelled socket leaves the HTTP server's keeping: close() must end it itself.
  const open = new Set<Duplex>()
  const server: Server = createServer((_, response) => {
    response.writeHead(405).end('CONNECT only')
  })
  server.on('connect', (request, client, head) => {
    const target = request.url ?? ''
    tunnels.push(target)
    const [host = '', port = ''] = target.split(':')
    const address = names[host]
    if (refuse !== undefined) {
      const reason = refuse === 407 ? 'Proxy Authentication Required' : 'Forbidden'
      client.end(`HTTP/1.1 ${refuse} ${reason}\r\nProxy-Authenticate: Basic realm="proxy"\r\n\r\n`)
      return
    }
    if (!address) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    open.add(client)
    client.on('close', () => open.delete(client))
    const upstream = connect(Number(port), address, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    open.add(upstream)
    upstream.on('close', () => open.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise(resolve => {
        for (const socket of open) socket.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
