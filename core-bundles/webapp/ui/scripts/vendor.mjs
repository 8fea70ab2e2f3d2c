// After `vite build`: copies the shared libraries into dist/vendor/ (their version in the file name, so browsers
// may keep them for good) and writes the import map into dist/index.html.
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { SHARED } from './shared.mjs'

const require = createRequire(import.meta.url)
const dist = new URL('../dist/', import.meta.url).pathname
mkdirSync(join(dist, 'vendor'), { recursive: true })

function versionOf(pkg) {
  let dir = dirname(require.resolve(pkg))
  for (;;) {
    try {
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      if (json.name === pkg) return json.version
    } catch { /* keep looking upwards */ }
    const up = dirname(dir)
    if (up === dir) throw new Error(`no package.json for ${pkg}`)
    dir = up
  }
}

const imports = {}
for (const [name, file] of Object.entries(SHARED)) {
  const target = `${name}-${versionOf(name)}.js`
  copyFileSync(require.resolve(file), join(dist, 'vendor', target))
  imports[name] = `/vendor/${target}`
}
const shims = `es-module-shims-${versionOf('es-module-shims')}.js`
copyFileSync(require.resolve('es-module-shims'), join(dist, 'vendor', shims))

const index = join(dist, 'index.html')
const html = readFileSync(index, 'utf8')
// the preloads let the browser fetch the libraries alongside the app's own script instead of after it
const preloads = Object.values(imports).map((href) => `<link rel="modulepreload" href="${href}">`).join('\n    ')
const map = `<script type="importmap">${JSON.stringify({ imports })}</script>\n    ${preloads}`
if (!html.includes('<!--importmap-->')) throw new Error('index.html lacks the <!--importmap--> placeholder')
writeFileSync(index, html.replace('<!--importmap-->', map).replaceAll('__SHIMS__', `/vendor/${shims}`))
console.log('import map:', imports)
