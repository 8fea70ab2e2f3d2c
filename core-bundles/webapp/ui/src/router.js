import { createRouter, createWebHistory } from 'vue-router'
import { pageRoutes } from './routes.js'
import { session } from './session-state.js'
import { can, restore } from './session.js'
import Layout from './shell/Layout.vue'
import Login from './shell/Login.vue'
import Notice from './shell/Notice.vue'
import { extensionsReady, installExtensions } from './shell/extensions.js'

export const LAYOUT = 'layout'

export const router = createRouter({
  // real paths (no #): the server answers every client route with the app's page
  history: createWebHistory('/'),
  routes: [
    { path: '/login', name: 'login', component: Login, meta: { public: true, titleKey: 'shell.login' } },
    {
      path: '/',
      name: LAYOUT,
      component: Layout,
      children: [
        ...pageRoutes,
        { path: '/forbidden', name: 'forbidden', component: Notice, meta: { titleKey: 'shell.forbidden', hintKey: 'shell.forbiddenHint', icon: 'warning' } },
        { path: '/:rest(.*)*', name: 'not-found', component: Notice, meta: { titleKey: 'shell.notFound' } }
      ]
    }
  ]
})

installExtensions(router, LAYOUT)

let restored = false
router.beforeEach(async (to) => {
  if (!restored) {
    restored = true
    await restore()
  }
  if (to.meta.public) return true
  if (!session.user) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  // plugin pages are routes once the list is read: a reloaded or bookmarked plugin page resolves again after it
  const added = await extensionsReady()
  if (added && to.name === 'not-found') return to.fullPath
  if (to.meta.permission && !can(to.meta.permission)) return { name: 'forbidden' }
  return true
})

