export default [
  {
    path: '/work-orders',
    component: () => import('./WorkOrderList.vue'),
    meta: { titleKey: 'workorder.title', icon: 'Tickets', permission: 'workorder.read', menu: true, order: 20 },
  },
  {
    path: '/work-orders/:id(\\d+)',
    component: () => import('./WorkOrderDetail.vue'),
    meta: { titleKey: 'workorder.detail.title', permission: 'workorder.read', menu: false },
  },
]
