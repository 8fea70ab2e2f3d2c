import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { SHARED } from './scripts/shared.mjs'

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
    rollupOptions: command === 'build' ? { external: Object.keys(SHARED) } : {}
  },
  server: {
    // `npm run dev` against a running platform (port 8181)
    proxy: { '/api': 'http://localhost:8181' }
  }
}))
