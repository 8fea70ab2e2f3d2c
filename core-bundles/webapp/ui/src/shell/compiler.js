// Plugin pages may be plain ES modules whose components carry template strings (no build step in the plugin). The
// host runs Vue's runtime-only build, so before the first plugin page renders, Vue's template compiler is fetched
// (once, from the import map) and registered the way Vue's full build registers it.
import * as Vue from 'vue'

let ready = null

export function ensureCompiler() {
  ready ||= import('@vue/compiler-dom').then(({ compile }) => {
    const cache = new Map()
    Vue.registerRuntimeCompiler((template, options) => {
      const key = template + JSON.stringify(options || {})
      if (cache.has(key)) return cache.get(key)
      const { code } = compile(template, { hoistStatic: true, ...options })
      // the compiled code reads Vue's helpers from the one parameter it is given
      const render = new Function('Vue', code)(Vue)
      render._rc = true
      cache.set(key, render)
      return render
    })
  })
  return ready
}
