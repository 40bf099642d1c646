// Links from a service are clickable only where the API vouches for them: https, on a
// host its folder declares its own. Anything else is shown as inert text.

/** The URL when it is https on one of `hosts` (`*.blob.core.windows.net`: any host under it). */
export function ownLink(value: unknown, hosts: readonly string[]): string | undefined {
  if (typeof value !== 'string' || value.length > 2_000) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' || url.username || url.password) return undefined
  const host = url.hostname.toLowerCase()
  const own = hosts.some(pattern =>
    pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern
  )
  return own ? value : undefined
}
