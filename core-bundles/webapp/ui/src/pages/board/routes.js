export default [
  {
    path: '/board',
    component: () => import('./BoardPage.vue'),
    meta: { titleKey: 'board.title', icon: 'Grid', permission: 'workorder.read', menu: true, order: 30 }
  }
]
