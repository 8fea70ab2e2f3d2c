// Every string of the app comes from the locale files: src/locales/<locale>/<area>.json, each holding one object
// named after its area ({"desk": {"title": "接待台"}}). Chinese first; the choice is kept in the browser.
import { createI18n } from 'vue-i18n'

const files = import.meta.glob('./locales/*/*.json', { eager: true, import: 'default' })

export const LOCALES = ['zh-CN', 'en']
const STORED = 'dms.locale'

function messagesOf(locale) {
  const merged = {}
  for (const [path, content] of Object.entries(files)) {
    if (path.startsWith(`./locales/${locale}/`)) Object.assign(merged, content)
  }
  return merged
}

const stored = localStorage.getItem(STORED)
export const i18n = createI18n({
  legacy: false,
  locale: LOCALES.includes(stored) ? stored : 'zh-CN',
  fallbackLocale: 'zh-CN',
  flatJson: true,
  missingWarn: false,
  fallbackWarn: false,
  messages: Object.fromEntries(LOCALES.map((l) => [l, messagesOf(l)]))
})

export const t = (...args) => i18n.global.t(...args)

export function locale() {
  return i18n.global.locale.value
}

export function setLocale(next) {
  i18n.global.locale.value = next
  localStorage.setItem(STORED, next)
  document.documentElement.lang = next
}

/** Plugin pages bring their own strings; they are merged under the plugin's own key prefix. */
export function addMessages(perLocale) {
  for (const [l, messages] of Object.entries(perLocale || {})) {
    if (LOCALES.includes(l)) i18n.global.mergeLocaleMessage(l, messages)
  }
}
