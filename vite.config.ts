import { defineConfig } from 'vite';
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
    server: { headers: securityHeaders({ dev: true }) },
    preview: { headers: securityHeaders() },
  };
});
