export default [
  {
    path: '/desk',
    component: () => import('./DeskPage.vue'),
    meta: { titleKey: 'desk.title', icon: 'Monitor', permission: 'workorder.open', menu: true, order: 10 },
  },
]
