export default [
  {
    path: '/technician',
    component: () => import('./TechnicianPage.vue'),
    meta: { titleKey: 'technician.title', icon: 'Tools', permission: 'workorder.clock', menu: true, order: 40 }
  }
]
