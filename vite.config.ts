import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { securityHeaders } from './src/server/security-headers.ts';

/**
 * Modes: `development` (vite dev) and `test` (the build the browser tests and benchmarks drive, in dist-test/) allow
 * the automation hook; `production` (dist/) allows it only when TALENTSCAN_AUTOMATION=1 is set at build time.
 */
export default defineConfig(({ mode }) => {
  const automation = mode !== 'production' || process.env.TALENTSCAN_AUTOMATION === '1';
  return {
    define: { __AUTOMATION_BUILD__: JSON.stringify(automation) },
    build: {
      outDir: mode === 'test' ? 'dist-test' : 'dist',
      target: 'es2022',
      sourcemap: true,
      chunkSizeWarningLimit: 1600, // Phaser is one ~1.2 MB chunk, loaded only when the first game starts
    },
    worker: { format: 'es' },
    plugins: [
      // Offline after load: a Workbox service worker precaches the app and every game, so a lost connection does not
      // stop a scan that has started. API calls are never cached (a certified batch uploads when the connection is
      // back); the embed page and the issuer's documents are never answered from the cache (their headers differ).
      VitePWA({
        injectRegister: false,
        registerType: 'autoUpdate',
        manifest: {
          name: 'Talentscan',
          short_name: 'Talentscan',
          description: 'Short, language-free games that show how you think and work.',
          lang: 'nl',
          theme_color: '#3b2fc9',
          background_color: '#f4f5f8',
          display: 'standalone',
          icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
        },
        workbox: {
          globPatterns: ['**/*.{js,css,html,svg,woff2,json}'],
          globIgnores: ['pilots/**', 'demo-host/**', 'embed.*'],
          // Phaser is one ~1.2 MB chunk; the scan cannot run offline without it.
          maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
          navigateFallback: '/index.html',
          navigateFallbackDenylist: [/^\/api\//, /^\/issuer\//, /^\/\.well-known\//, /^\/embed/],
          cleanupOutdatedCaches: true,
          clientsClaim: true,
        },
        devOptions: { enabled: false },
      }),
    ],
    server: { headers: securityHeaders({ dev: true }) },
    preview: { headers: securityHeaders() },
  };
});
