const group = { groupKey: 'archive.group', groupIcon: 'Folder' }
export default [
  {
    path: '/customers',
    component: () => import('./CustomerPage.vue'),
    meta: { titleKey: 'archive.customers.title', icon: 'User', permission: 'customer.read', menu: true, order: 70, ...group },
  },
  {
    path: '/vehicles',
    component: () => import('./VehiclePage.vue'),
    meta: { titleKey: 'archive.vehicles.title', icon: 'Van', permission: 'vehicle.read', menu: true, order: 71, ...group },
  },
  {
    path: '/personal-data-access',
    component: () => import('./AccessLogPage.vue'),
    meta: { titleKey: 'archive.access.title', icon: 'Reading', permission: 'customer.access-log.read', menu: true, order: 72, ...group },
  },
]
