// Prints what a browser downloads on the first load of the app (the page, the host's own script and styles it links,
// the vendor libraries of the import map; not the pages loaded on demand, Vue's template compiler (fetched with the
// first plugin page) nor the import-map polyfill, which current browsers never fetch) and each plugin page,
// gzip-compressed as the server sends them; fails above the budgets.
// Usage: node scripts/size.mjs [dist folder] [plugin page files…]
import { readFileSync, existsSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { ON_DEMAND } from './shared.mjs'

const FIRST_LOAD_BUDGET = 450 * 1024
const PLUGIN_PAGE_BUDGET = 50 * 1024
const dist = process.argv[2] || new URL('../dist/', import.meta.url).pathname
const pluginPages = process.argv.slice(3)

const gz = (file) => gzipSync(readFileSync(file), { level: 6 }).length
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' kB'

const html = readFileSync(join(dist, 'index.html'), 'utf8')
const linked = new Set()
for (const m of html.matchAll(/(?:src|href)="(\/[^"]+)"/g)) if (!m[1].includes('es-module-shims')) linked.add(m[1])
const map = JSON.parse((html.match(/<script type="importmap">([^<]+)<\/script>/) || [, '{"imports":{}}'])[1])
// the plugin SDK is fetched by the first plugin page
for (const [name, url] of Object.entries(map.imports)) if (!(name in ON_DEMAND) && !name.startsWith('@opendms/')) linked.add(url)
// static imports of the entry chunk are fetched at once too (Vite's shared chunks)
for (const url of [...linked]) {
  if (!url.endsWith('.js') || url.startsWith('/vendor/')) continue
  const code = readFileSync(join(dist, url), 'utf8')
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["'](\.\/[^"']+)["']/g)) {
    linked.add('/assets/' + m[1].slice(2))
  }
}

let total = gz(join(dist, 'index.html'))
console.log(`first load (gzip):\n${kb(total)}  /index.html`)
for (const url of [...linked].sort()) {
  const file = join(dist, url)
  if (!existsSync(file)) continue
  const size = gz(file)
  total += size
  console.log(`${kb(size)}  ${url}`)
}
console.log(`${kb(total)}  total, budget ${kb(FIRST_LOAD_BUDGET).trim()}`)
let failed = total > FIRST_LOAD_BUDGET

for (const page of pluginPages) {
  const size = gz(page)
  console.log(`${kb(size)}  plugin page ${page}, budget ${kb(PLUGIN_PAGE_BUDGET).trim()}`)
  failed ||= size > PLUGIN_PAGE_BUDGET
}
if (failed) {
  console.error('over budget')
  process.exit(1)
}
