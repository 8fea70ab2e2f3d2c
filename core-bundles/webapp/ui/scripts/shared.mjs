// The libraries the host and every plugin page share, by bare name: the file of each package that is a
// browser-ready ES module importing the others only by these names.
export const SHARED = {
  vue: 'vue/dist/vue.runtime.esm-browser.prod.js',
  'vue-router': 'vue-router/dist/vue-router.esm-browser.prod.js',
  'vue-i18n': 'vue-i18n/dist/vue-i18n.esm-browser.prod.js',
  'element-plus': 'element-plus/dist/index.full.min.mjs'
}

// In the import map too, but fetched only when needed (the first load stays without them): Vue's template compiler,
// for plugin pages written as plain ES modules with template strings.
// ECharts likewise: shared by whichever page (host or plugin) draws a chart first.
export const ON_DEMAND = {
  '@vue/compiler-dom': '@vue/compiler-dom/dist/compiler-dom.esm-browser.prod.js',
  echarts: 'echarts/dist/echarts.esm.min.mjs'
}
