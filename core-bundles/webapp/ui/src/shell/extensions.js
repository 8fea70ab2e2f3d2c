// Plugin pages: GET /api/web/extensions lists the pages of running plugins the user may open; each becomes a route
// under the layout (and a menu entry when it has one). On the live event 'web-extensions' (a plugin enabled, disabled
// or updated) the list is read again and the routes follow, without reloading the page.
import { defineComponent, h, shallowRef, onErrorCaptured, watch } from 'vue'
import { ElMessage, ElResult, ElSkeleton } from 'element-plus'
import { api } from '../api.js'
import { addMessages, t } from '../i18n.js'
import { onLive } from '../live.js'
import { session } from '../session-state.js'
import { ensureCompiler } from './compiler.js'
import { routesVersion } from './menu.js'

const PREFIX = 'ext:'
let router = null
let layout = null
let loaded = null
const messagesSeen = new Set()

/** Plugin code is loaded with the browser's own import (the import map resolves vue, element-plus...). */
const importModule = (url) => (window.importShim ? window.importShim(url) : import(/* @vite-ignore */ url))

/** The component of a plugin page: loads the module, and shows which plugin failed if it does not load or render. */
function pluginPage(plugin, page) {
  return defineComponent({
    name: 'PluginPage',
    setup() {
      const component = shallowRef(null)
      const failure = shallowRef(null)
      Promise.all([ensureCompiler(), importModule(page.module)])
        .then(([, mod]) => {
          if (!mod.default) throw new Error(`${page.module} has no default export`)
          component.value = mod.default
        })
        .catch((e) => (failure.value = e))
      // a page that throws while rendering or in a handler stays inside its own frame
      onErrorCaptured((e) => {
        failure.value = e
        return false
      })
      return () =>
        failure.value
          ? h(ElResult, {
              icon: 'error',
              title: t('shell.pluginFailed', { plugin }),
              subTitle: String(failure.value && failure.value.message ? failure.value.message : failure.value),
              'data-test': 'shell-plugin-failed'
            })
          : component.value
            ? h(component.value)
            : h(ElSkeleton, { rows: 5, animated: true })
    }
  })
}

async function loadMessages(url) {
  if (!url || messagesSeen.has(url)) return
  try {
    const response = await fetch(url, { credentials: 'same-origin' })
    if (response.ok) addMessages(await response.json())
    messagesSeen.add(url)
  } catch (e) {
    console.warn('plugin messages not loaded', url, e)
  }
}

/** Reads the list and replaces the plugin routes; resolves when the routes are in place. */
export async function refreshExtensions() {
  if (!session.user) return
  let list
  try {
    list = (await api.get('/web/extensions', undefined, { quiet: true })).extensions || []
  } catch (e) {
    console.warn('plugin pages not listed', e)
    return
  }
  await Promise.all(list.map((ext) => loadMessages(ext.messages)))
  const before = new Set(router.getRoutes().filter((r) => String(r.name).startsWith(PREFIX)).map((r) => r.name))
  const now = new Set()
  for (const ext of list) {
    for (const page of ext.pages) {
      const name = `${PREFIX}${ext.plugin}:${page.path}`
      now.add(name)
      if (router.hasRoute(name)) router.removeRoute(name)
      router.addRoute(layout, {
        path: page.path,
        name,
        component: pluginPage(ext.plugin, page),
        meta: {
          titles: { 'zh-CN': page.title, en: page.titleEn },
          icon: page.icon,
          permission: page.permission,
          menu: page.menu,
          order: page.order,
          plugin: ext.plugin
        }
      })
    }
  }
  for (const name of before) if (!now.has(name)) router.removeRoute(name)
  routesVersion.value++
  // the page on screen belonged to a plugin that is gone: say so and go home
  const here = router.currentRoute.value
  if (typeof here.name === 'string' && here.name.startsWith(PREFIX) && !now.has(here.name)) {
    ElMessage.warning(t('shell.pluginGone', { plugin: here.meta.plugin }))
    router.replace('/')
  }
}

/**
 * Awaited by every navigation: the first one after a login reads the list (and resolves to true: the target must be
 * matched again, a deep link to a plugin page exists only now); later ones resolve at once to false.
 */
export async function extensionsReady() {
  if (loaded) {
    await loaded
    return false
  }
  loaded = refreshExtensions()
  await loaded
  return true
}

export function installExtensions(theRouter, layoutName) {
  router = theRouter
  layout = layoutName
  onLive('web-extensions', () => refreshExtensions())
  onLive('reconnected', () => refreshExtensions())
}

// another user may open other pages: the list is read again on the next navigation after a login
watch(
  () => session.user && session.user.login,
  () => (loaded = null)
)
