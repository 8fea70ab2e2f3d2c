export default [
  {
    path: '/qc',
    component: () => import('./QcPage.vue'),
    meta: { titleKey: 'qc.title', icon: 'CircleCheck', permission: 'workorder.read', menu: true, order: 50 },
  },
];
