export default [
  {
    path: '/qc',
    component: () => import('./QcPage.vue'),
    meta: {
      titleKey: 'qc.title',
      icon: 'CircleCheck',
      permission: ['workorder.qc.foreman', 'workorder.qc.final'],
      menu: true,
      order: 50
    }
  }
]
