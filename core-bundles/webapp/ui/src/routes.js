// The pages of every area: each folder under pages/ exports its routes from routes.js (see WEB-CONTRACT.md).
// meta: titleKey (locale key of the menu and tab), icon (an Element Plus icon name, see shell/icons.js),
// permission (a permission name, or a list of which one is enough), menu (shown in the sidebar), order,
// groupKey (optional: entries with the same groupKey share one sub-menu).
const modules = import.meta.glob('./pages/*/routes.js', { eager: true })

export const pageRoutes = Object.entries(modules)
  .sort(([a], [b]) => a.localeCompare(b))
  .flatMap(([, m]) => m.default || [])
