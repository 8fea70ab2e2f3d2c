// How every page talks to /api: JSON in and out, the session's CSRF token on writes, the user's language for the
// problem texts; a 401 sends the user to the login page, a refusal shows the API's own (Chinese) message.
import { ElMessage } from 'element-plus'
import { locale } from './i18n.js'
import { session, expired } from './session-state.js'

const BASE = '/api'

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`)
    this.status = status
    this.body = body
    this.problems = (body && body.errors) || []
  }
}

/** A 409 because someone else saved the record after it was read: offer a reload, never overwrite. */
export function isStale(err) {
  return err instanceof ApiError && err.status === 409 && err.problems.some((p) => p.code === 'stale_version')
}

function url(path, query) {
  const u = new URL(BASE + (path.startsWith('/') ? path : '/' + path), location.origin)
  for (const [k, v] of Object.entries(query || {})) {
    if (v === undefined || v === null || v === '') continue
    for (const one of Array.isArray(v) ? v : [v]) u.searchParams.append(k, one)
  }
  return u.pathname + u.search
}

/** The message to show for a refusal: the API's text and the fields it names. */
export function describe(err) {
  if (!(err instanceof ApiError)) return String(err && err.message ? err.message : err)
  if (err.problems.length) return err.problems.map((p) => p.message).join('；')
  return err.message
}

export async function request(method, path, { query, body, quiet = false, headers = {} } = {}) {
  const h = { Accept: 'application/json', 'Accept-Language': locale(), ...headers }
  if (body !== undefined) h['Content-Type'] = 'application/json'
  if (method !== 'GET' && session.csrfToken) h['X-CSRF-Token'] = session.csrfToken
  let response
  try {
    response = await fetch(url(path, query), {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin'
    })
  } catch (e) {
    const err = new ApiError(0, { detail: e.message })
    if (!quiet) ElMessage.error(err.message)
    throw err
  }
  const type = response.headers.get('Content-Type') || ''
  const data = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.text()
  if (response.ok) return data
  const err = new ApiError(response.status, typeof data === 'object' ? data : { detail: data })
  if (response.status === 401 && !path.startsWith('/session')) {
    expired()
  } else if (!quiet) {
    ElMessage.error({ message: describe(err), grouping: true })
  }
  throw err
}

export const api = {
  get: (path, query, opts) => request('GET', path, { ...opts, query }),
  post: (path, body, opts) => request('POST', path, { ...opts, body }),
  put: (path, body, opts) => request('PUT', path, { ...opts, body }),
  patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
  del: (path, opts) => request('DELETE', path, opts)
}

export default api
