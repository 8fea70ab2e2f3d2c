// Fails the build when a string would show as its key to Chinese users: a key in an en file but not in zh-CN, or a
// key the code uses (t('…'), $t('…'), titleKey: '…') missing in zh-CN; and when a template holds Chinese text
// instead of a key. Usage: node scripts/check-i18n.mjs [src folder]
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const src = process.argv[2] || new URL('../src/', import.meta.url).pathname

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (v && typeof v === 'object') flatten(v, key, out)
    else out[key] = v
  }
  return out
}

function keysOf(locale) {
  const keys = {}
  const dir = join(src, 'locales', locale)
  for (const file of walk(dir).filter((f) => f.endsWith('.json'))) {
    let json
    try {
      json = JSON.parse(readFileSync(file, 'utf8'))
    } catch (e) {
      problems.push(`${relative(src, file)}: not valid JSON (${e.message})`)
      continue
    }
    for (const key of Object.keys(flatten(json))) keys[key] = relative(src, file)
  }
  return keys
}

const problems = []
const zh = keysOf('zh-CN')
const en = keysOf('en')
for (const [key, file] of Object.entries(en)) {
  if (!(key in zh)) problems.push(`${file}: "${key}" has no zh-CN text`)
}

const USE = /(?:\$t|\bt|\bte|\btc)\(\s*['"`]([\w.-]+)['"`]|\b(?:titleKey|groupKey|labelKey)\s*:\s*['"`]([\w.-]+)['"`]/g
const CJK = /[\u3400-\u9fff\uff00-\uffef]/
const ALLOWED_LITERALS = /中文/g // a language's own name in the language switch
for (const file of walk(src).filter((f) => /\.(vue|js|mjs)$/.test(f))) {
  const text = readFileSync(file, 'utf8')
  for (const m of text.matchAll(USE)) {
    const key = m[1] || m[2]
    // a key ending in a dot starts one built at runtime: t('desk.status.' + s)
    if (key.includes('.') && !key.endsWith('.') && !(key in zh)) problems.push(`${relative(src, file)}: uses "${key}", missing in zh-CN`)
  }
  if (file.endsWith('.vue')) {
    const template = (text.match(/<template>([\s\S]*)<\/template>/) || ['', ''])[1].replace(ALLOWED_LITERALS, '')
    const line = template.split('\n').find((l) => CJK.test(l))
    if (line) problems.push(`${relative(src, file)}: Chinese text in the template (use a locale key): ${line.trim()}`)
  }
}

if (problems.length) {
  console.error(`i18n check failed (${problems.length}):\n  ` + problems.join('\n  '))
  process.exit(1)
}
console.log(`i18n check: ${Object.keys(zh).length} zh-CN keys, ${Object.keys(en).length} en keys, all present`)
