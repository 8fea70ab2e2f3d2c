// After `vite build`: copies the shared libraries into dist/vendor/ (their version in the file name, so browsers
// may keep them for good) and writes the import map into dist/index.html.
import { readFileSync, writeFileSync, mkdirSync, copyFileSync, rmSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { SHARED, ON_DEMAND } from './shared.mjs'

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
for (const [name, file] of Object.entries({ ...SHARED, ...ON_DEMAND })) {
  const target = `${name.replace('@', '').replace('/', '-')}-${versionOf(name)}.js`
  copyFileSync(require.resolve(file), join(dist, 'vendor', target))
  imports[name] = `/vendor/${target}`
}
// the host's SDK for plugin pages, an entry of the Vite build
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'))
const sdk = manifest['src/sdk.js']
if (!sdk) throw new Error('the build has no src/sdk.js entry')
imports['@opendms/web'] = '/' + sdk.file

const shims = `es-module-shims-${versionOf('es-module-shims')}.js`
copyFileSync(require.resolve('es-module-shims'), join(dist, 'vendor', shims))

// Swagger UI for the API docs page (public/api-docs/): only its browser bundle and styles
for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css']) {
  copyFileSync(require.resolve(`swagger-ui-dist/${file}`), join(dist, 'api-docs', file))
}

const index = join(dist, 'index.html')
const html = readFileSync(index, 'utf8')
// the preloads let the browser fetch the libraries alongside the app's own script instead of after it
const preloads = Object.keys(SHARED).map((name) => imports[name]).map((href) => `<link rel="modulepreload" href="${href}">`).join('\n    ')
const map = `<script type="importmap">${JSON.stringify({ imports })}</script>\n    ${preloads}`
if (!html.includes('<!--importmap-->')) throw new Error('index.html lacks the <!--importmap--> placeholder')
let page = html.replace('<!--importmap-->', map).replaceAll('__SHIMS__', `/vendor/${shims}`)

// The page's content security policy: scripts only from here and the page's own two inline scripts (by hash: the
// polyfill loader and the import map); 'unsafe-eval' because plugin pages' templates are compiled in the browser;
// blob: for the import-map polyfill on old browsers; inline styles because Element Plus positions with them.
const hashes = [...page.matchAll(/<script(?: type="importmap")?>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`
)
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-eval' blob: ${hashes.join(' ')}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'"
].join('; ')
page = page.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`)
writeFileSync(index, page)
// the manifest was for this script only
rmSync(join(dist, '.vite'), { recursive: true, force: true })
console.log('import map:', imports)
