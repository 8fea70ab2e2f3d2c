// Every string of the app comes from the locale files: src/locales/<locale>/<area>.json, each holding one object
// named after its area ({"desk": {"title": "接待台"}}). Chinese first; the choice is kept in the browser.
import { createI18n } from 'vue-i18n'

// Chinese is in the first load; English is fetched when someone switches to it (every page's strings add up)
const chinese = import.meta.glob('./locales/zh-CN/*.json', { eager: true, import: 'default' })
const english = import.meta.glob('./locales/en/*.json', { import: 'default' })

export const LOCALES = ['zh-CN', 'en']
const STORED = 'dms.locale'

function merge(contents) {
  const merged = {}
  for (const content of contents) Object.assign(merged, content)
  return merged
}

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  flatJson: true,
  missingWarn: false,
  fallbackWarn: false,
  messages: { 'zh-CN': merge(Object.values(chinese)), en: {} }
})

let englishLoaded = null
function loadEnglish() {
  englishLoaded ||= Promise.all(Object.values(english).map((load) => load())).then((contents) =>
    // merged under what plugins may already have added
    i18n.global.setLocaleMessage('en', { ...merge(contents), ...i18n.global.getLocaleMessage('en') })
  )
  return englishLoaded
}

export const t = (...args) => i18n.global.t(...args)

export function locale() {
  return i18n.global.locale.value
}

export async function setLocale(next) {
  if (!LOCALES.includes(next)) return
  if (next === 'en') await loadEnglish()
  i18n.global.locale.value = next
  localStorage.setItem(STORED, next)
  document.documentElement.lang = next
}

/** The language the user chose last time on this computer (before the app mounts). */
export function restoreLocale() {
  const stored = localStorage.getItem(STORED)
  return stored && stored !== 'zh-CN' ? setLocale(stored) : Promise.resolve()
}

/** Plugin pages bring their own strings; they are merged under the plugin's own key prefix. */
export function addMessages(perLocale) {
  for (const [l, messages] of Object.entries(perLocale || {})) {
    if (LOCALES.includes(l)) i18n.global.mergeLocaleMessage(l, messages)
  }
}
