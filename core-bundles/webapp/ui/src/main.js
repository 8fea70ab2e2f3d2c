import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './shell/shell.css'
import App from './shell/App.vue'
import { i18n, restoreLocale } from './i18n.js'
import { router } from './router.js'
import { onExpired } from './session-state.js'
import './live.js'

const app = createApp(App)
app.use(i18n)
app.use(ElementPlus)
app.use(router)

// a 401 or the idle timeout anywhere: back to the login page, then to where the user was
onExpired(() => {
  const here = router.currentRoute.value
  if (here.name !== 'login') router.push({ name: 'login', query: { redirect: here.fullPath } })
})

// an English user's strings are fetched before the first page shows
restoreLocale().finally(() => app.mount('#app'))
