import { InputError } from './input-error.js'

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.test(hostname)
}

// Secrets go to these URLs: https only, but for loopback hosts (the simulator).
export function readHttpsUrl(name: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(name, `is not a URL: ${JSON.stringify(value)}`)
  }
  if (url.username || url.password) {
    throw new InputError(name, 'must not contain a user name or password')
  }
  if (url.search || url.hash) {
    throw new InputError(name, 'must not contain a query or fragment')
  }
  const loopback = isLoopbackHost(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError(
      name,
      `must use https (plain http only for loopback hosts): ${JSON.stringify(value)}`
    )
  }
  return url.href.replace(/\/+$/, '')
}
