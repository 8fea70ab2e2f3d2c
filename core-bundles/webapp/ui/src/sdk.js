// What the host offers plugin pages, imported by the bare name '@opendms/web' (the import map points it here):
// the same api/session/live/i18n instances the host runs, so a plugin page is logged in, speaks the user's
// language and gets the same live events. Keep these names stable: plugins are built against them.
export { api, isStale, describe, ApiError } from './api.js'
export { session, can, holdSession } from './session.js'
export { onLive } from './live.js'
export { t, locale } from './i18n.js'
