export default [
  {
    path: '/',
    name: 'home',
    component: () => import('./HomePage.vue'),
    meta: { titleKey: 'home.title', icon: 'HomeFilled', menu: true, order: 0 }
  }
]
