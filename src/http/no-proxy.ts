// NO_PROXY as curl and Go read it. http-client (and @actions/github, which asks it)
// reads fewer forms: `*.example.com` matches nothing there and `.example.com` misses
// the host itself, and it knows no address ranges. Before a request, a host that the
// runner's NO_PROXY means to bypass is named in it as http-client reads it.
import { isIP } from 'node:net'
import { getProxyUrl } from '@actions/http-client'

/** Makes http-client go straight to `url` when NO_PROXY means it to, as curl and Go would. */
export function honourNoProxy(url: string, env: NodeJS.ProcessEnv = process.env): void {
  const name = env.no_proxy ? 'no_proxy' : 'NO_PROXY'
  const list = env[name] ?? ''
  if (list.trim() === '') return
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return
  }
  // Named already, or no proxy to bypass: nothing to add.
  if (!bypasses(list, parsed) || getProxyUrl(url) === '') return
  env[name] = `${list},${parsed.hostname}`
}

/** Whether a NO_PROXY list names the URL's host, in any form curl or Go accepts. */
export function bypasses(list: string, url: URL): boolean {
  const host = unbracketed(url.hostname.toLowerCase()).replace(/\.$/, '')
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  return list
    .split(/[,\s]+/)
    .map(entry => entry.trim().toLowerCase())
    .filter(entry => entry !== '')
    .some(entry => entry === '*' || matches(entry, host, port))
}

function matches(entry: string, host: string, port: string): boolean {
  const range = /^(.+)\/(\d{1,3})$/.exec(entry)
  if (range) return inRange(host, unbracketed(range[1] as string), Number(range[2]))
  const { name, entryPort } = splitPort(entry)
  if (entryPort !== undefined && entryPort !== port) return false
  if (isIP(name)) return isIP(host) !== 0 && sameAddress(name, host)
  // `*.example.com`: the names under it (Go); `.example.com` and `example.com`: the
  // name itself and those under it (curl).
  const subdomainsOnly = name.startsWith('*.')
  const domain = name.replace(/^\*?\./, '').replace(/\.$/, '')
  if (domain === '') return false
  return host.endsWith(`.${domain}`) || (!subdomainsOnly && host === domain)
}

function splitPort(entry: string): { name: string; entryPort?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  if (bracketed) return { name: bracketed[1] as string, entryPort: bracketed[2] }
  // A bare IPv6 address has colons of its own and no port.
  if (isIP(entry) === 6) return { name: entry }
  const withPort = /^(.*):(\d+)$/.exec(entry)
  return withPort ? { name: withPort[1] as string, entryPort: withPort[2] } : { name: entry }
}

function unbracketed(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
}

function sameAddress(a: string, b: string): boolean {
  const bytesA = addressBytes(a)
  const bytesB = addressBytes(b)
  return !!bytesA && !!bytesB && bytesA.join('.') === bytesB.join('.')
}

function inRange(host: string, network: string, prefix: number): boolean {
  const address = addressBytes(host)
  const base = addressBytes(network)
  if (!address || !base || address.length !== base.length || prefix > address.length * 8) {
    return false
  }
  for (let bit = 0; bit < prefix; bit++) {
    const mask = 0x80 >> (bit % 8)
    const byte = Math.floor(bit / 8)
    if (((address[byte] as number) & mask) !== ((base[byte] as number) & mask)) return false
  }
  return true
}

/** An address's bytes: 4 for IPv4, 16 for IPv6; undefined for a name. */
function addressBytes(text: string): number[] | undefined {
  const kind = isIP(text)
  if (kind === 4) return text.split('.').map(Number)
  if (kind !== 6) return undefined
  let address = text
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)
  if (v4) {
    const [a, b, c, d] = (v4[1] as string).split('.').map(Number) as number[]
    address = address.replace(
      v4[1] as string,
      `${(((a as number) << 8) | (b as number)).toString(16)}:${(((c as number) << 8) | (d as number)).toString(16)}`
    )
  }
  const [head = '', tail = ''] = address.split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = address.includes('::') ? (tail ? tail.split(':') : []) : []
  const groups = address.includes('::')
    ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
    : headGroups
  return groups.flatMap(group => {
    const value = parseInt(group || '0', 16)
    return [value >> 8, value & 0xff]
  })
}
