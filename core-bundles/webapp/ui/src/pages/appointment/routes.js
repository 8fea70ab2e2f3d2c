export default [
  {
    path: '/appointments',
    component: () => import('./AppointmentPage.vue'),
    meta: { titleKey: 'appointment.title', icon: 'Calendar', permission: 'appointment.read', menu: true, order: 60 },
  },
]
