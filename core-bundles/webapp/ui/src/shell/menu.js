// The sidebar: the routes marked meta.menu that the user may open, in meta.order; entries sharing a groupKey become
// one sub-menu. Plugin pages add their routes at runtime (extensions.js), so the menu is computed from the router.
import { computed, ref } from 'vue'
import { can } from '../session.js'
import { session } from '../session-state.js'

// bumped when routes are added or removed at runtime: the router itself is not reactive
export const routesVersion = ref(0)

export function menuOf(router) {
  return computed(() => {
    void routesVersion.value
    void session.user
    const entries = router
      .getRoutes()
      .filter((r) => r.meta && r.meta.menu && !r.path.includes(':') && can(r.meta.permission))
      .sort((a, b) => (a.meta.order ?? 500) - (b.meta.order ?? 500) || a.path.localeCompare(b.path))
    const menu = []
    const groups = new Map()
    for (const r of entries) {
      const item = { path: r.path, titleKey: r.meta.titleKey, titles: r.meta.titles, icon: r.meta.icon, plugin: r.meta.plugin }
      const key = r.meta.groupKey
      if (!key) {
        menu.push(item)
      } else if (groups.has(key)) {
        groups.get(key).children.push(item)
      } else {
        const group = { group: key, titleKey: key, icon: r.meta.groupIcon || r.meta.icon, children: [item] }
        groups.set(key, group)
        menu.push(group)
      }
    }
    return menu
  })
}

/** The menu entry's or tab's text: a locale key of the host, or a plugin's own titles by locale. */
export function titleText(t, locale, item) {
  if (item.titleKey) return t(item.titleKey)
  if (item.titles) return item.titles[locale] || item.titles['zh-CN']
  return item.path
}
