// Bundled in place of the `undici` package (tsconfig `paths`, which ncc follows; jest
// runs the real undici, so the end-to-end tests of dist/ are where this one is used). @actions/http-client imports undici when it loads, for a
// ProxyAgent this action's requests never use, and @actions/github for the fetch of its
// Octokit. Evaluating undici costs about 70 ms at every start, and its 445 KB would be
// most of the bundle. Here that fetch goes through HttpSession: @actions/http-client
// with its own proxy support, the way every other request of the action goes.
import { HttpSession } from '../http/http-session.js'

// The caller's signal sets the real limit of each call.
const CALL_LIMIT_MS = 60_000
const NULL_BODY_STATUSES = [101, 204, 205, 304]

/** Inert: requests made "with" it still reach proxies through HttpSession's agents. */
export const ProxyAgent = function ProxyAgent(): object {
  return {}
} as unknown as new (options: unknown) => object

export async function fetch(
  input: string | URL | Request,
  init: RequestInit = {}
): Promise<Response> {
  if (init.body != null && typeof init.body !== 'string') {
    throw new TypeError('this fetch sends string bodies only')
  }
  const url = input instanceof Request ? input.url : String(input)
  const session = new HttpSession(CALL_LIMIT_MS)
  try {
    const answer = await session.request(
      init.method ?? 'GET',
      url,
      Object.fromEntries(new Headers(init.headers)),
      init.body ?? undefined,
      init.signal ?? undefined
    )
    const headers = new Headers()
    for (const [name, value] of Object.entries(answer.headers)) {
      for (const one of [value ?? []].flat()) headers.append(name, one)
    }
    return new Response(NULL_BODY_STATUSES.includes(answer.status) ? null : answer.body, {
      status: answer.status,
      statusText: answer.statusText,
      headers
    })
  } finally {
    session.dispose()
  }
}
