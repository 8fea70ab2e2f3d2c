export default [
  {
    path: '/plugins',
    component: () => import('./PluginsPage.vue'),
    meta: { titleKey: 'plugins.title', icon: 'Box', permission: 'plugin.read', menu: true, order: 95 }
  }
]
