export default [
  {
    path: '/settings',
    component: () => import('./SettingsPage.vue'),
    meta: { titleKey: 'settings.title', icon: 'Setting', permission: 'staff.read', menu: true, order: 90 }
  }
]
