// The logged-in user, shared by api.js and session.js without a cycle between them.
import { reactive } from 'vue'

export const session = reactive({
  user: null,
  csrfToken: null,
  idleTimeoutSeconds: 0,
  // why the user is on the login page again (a key of shell.json), shown there once
  reason: null
})

const listeners = new Set()

/** The server no longer knows the session: back to the login page with a message. */
export function expired(reason = 'shell.sessionExpired') {
  const had = session.user !== null
  session.user = null
  session.csrfToken = null
  if (had) session.reason = reason
  for (const l of listeners) l(reason)
}

export function onExpired(listener) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
