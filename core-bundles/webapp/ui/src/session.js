// The user's session: login against the staff accounts (POST /api/session sets an HttpOnly cookie), the user's
// permissions for can(), logout, and the idle timeout (the server's; the page goes back to login when it passes).
import { api } from './api.js'
import { session, expired, onExpired } from './session-state.js'

export { session, onExpired }

function take(body) {
  session.user = {
    login: body.login,
    name: body.name || body.login,
    roles: body.roles || [],
    permissions: body.permissions || []
  }
  session.csrfToken = body.csrfToken || null
  session.idleTimeoutSeconds = body.idleTimeoutSeconds || 0
  session.reason = null
  touch()
}

/** Whether the user may do it: the permission names of the API's one permission table (GET /api/permissions). */
export function can(permission) {
  if (!permission) return true
  const u = session.user
  if (!u) return false
  return (Array.isArray(permission) ? permission : [permission]).some((p) => u.permissions.includes(p))
}

export async function login(loginName, password) {
  take(await api.post('/session', { login: loginName, password }, { quiet: true }))
  return session.user
}

/** Asks the server whether the browser still has a session (on opening the app). */
export async function restore() {
  try {
    take(await api.get('/session', undefined, { quiet: true }))
  } catch {
    session.user = null
  }
  return session.user
}

export async function logout() {
  try {
    await api.del('/session', { quiet: true })
  } finally {
    session.user = null
    session.csrfToken = null
  }
}

// The server ends a session after idleTimeoutSeconds without a request. An open page keeps making requests (the live
// stream reconnects, the board reloads), so the page itself ends the session after that long without anyone
// touching it, and says so on the login page. A page that is watched but not touched (the workshop TV board) holds
// the session while it is shown: holdSession() returns the function that lets go.
let lastActivity = Date.now()
let holds = 0
function touch() {
  lastActivity = Date.now()
}
for (const e of ['pointerdown', 'keydown', 'wheel']) addEventListener(e, touch, { passive: true, capture: true })

export function holdSession() {
  holds++
  let held = true
  return () => {
    if (held) holds--
    held = false
    touch()
  }
}

setInterval(async () => {
  const limit = session.idleTimeoutSeconds * 1000
  if (session.user && holds === 0 && limit > 0 && Date.now() - lastActivity > limit) {
    try {
      await api.del('/session', { quiet: true })
    } catch {
      /* already gone on the server */
    }
    expired('shell.idleTimeout')
  }
}, 15000)
