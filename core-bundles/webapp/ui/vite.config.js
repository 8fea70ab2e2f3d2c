import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { SHARED, ON_DEMAND } from './scripts/shared.mjs'

// The shared libraries stay bare imports in the built code: the page's import map points them at the vendor ES
// modules (scripts/vendor.mjs), which plugin pages import too, so each is downloaded and run once.
export default defineConfig(({ command }) => ({
  plugins: [vue()],
  base: '/',
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 300,
    // the manifest tells scripts/vendor.mjs which file is the plugin SDK ('@opendms/web')
    manifest: true,
    rollupOptions:
      command === 'build'
        ? {
            input: { main: 'index.html', sdk: 'src/sdk.js' },
            // the SDK's exports are what plugins import: keep them exactly
            preserveEntrySignatures: 'strict',
            external: [...Object.keys(SHARED), ...Object.keys(ON_DEMAND)]
          }
        : {}
  },
  server: {
    // `npm run dev` against a running platform (port 8181)
    proxy: { '/api': 'http://localhost:8181' }
  }
}))
