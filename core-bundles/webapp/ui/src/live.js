// Server push: one EventSource on /api/live for the whole page, opened while someone is logged in. Pages subscribe
// with onLive('workorder', handler) and call the returned function when they go away. The browser reconnects by
// itself after a network break; when the server closes the stream for good (logout, restart) we reopen it with a
// growing pause, and tell subscribers of 'reconnected' so they reload what they may have missed.
import { watch } from 'vue'
import { session } from './session-state.js'

const handlers = new Map()
let source = null
let retry = null
let pause = 1000

function dispatch(type, event) {
  let data = event && event.data
  try {
    data = data ? JSON.parse(data) : null
  } catch {
    /* a plain text event: handed over as it is */
  }
  for (const h of handlers.get(type) || []) {
    try {
      h(data, event)
    } catch (e) {
      console.error(`live ${type} handler failed`, e)
    }
  }
}

function listen(type) {
  if (source) source.addEventListener(type, (e) => dispatch(type, e))
}

function open() {
  close()
  source = new EventSource('/api/live', { withCredentials: true })
  let opened = false
  source.onopen = () => {
    if (opened || pause > 1000) dispatch('reconnected', null)
    opened = true
    pause = 1000
  }
  source.onerror = () => {
    if (source && source.readyState === EventSource.CLOSED) {
      source = null
      retry = setTimeout(() => session.user && open(), pause)
      pause = Math.min(pause * 2, 30000)
    }
  }
  for (const type of handlers.keys()) listen(type)
}

function close() {
  clearTimeout(retry)
  if (source) source.close()
  source = null
}

/** Calls handler(data, event) on every server event of this type; returns the function that stops it. */
export function onLive(type, handler) {
  if (!handlers.has(type)) {
    handlers.set(type, new Set())
    listen(type)
  }
  handlers.get(type).add(handler)
  return () => handlers.get(type).delete(handler)
}

watch(
  () => session.user && session.user.login,
  (login) => (login ? open() : close()),
  { immediate: true }
)
