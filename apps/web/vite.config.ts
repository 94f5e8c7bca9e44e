import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

const api = 'http://127.0.0.1:3000';

// `polku-source` makes workspace packages resolve to their TypeScript source, so the app
// builds without building @polku/contracts first; Vite's own defaults are kept after it.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['polku-source', ...defaultClientConditions] },
  server: {
    proxy: { '/api': api, '/healthz': api, '/readyz': api },
  },
  build: {
    outDir: 'dist',
    // bench/bundle.bench.ts follows the manifest to sum what each route loads.
    manifest: true,
    emptyOutDir: true,
    sourcemap: true,
    // ECharts' core alone is about 510 KB minified (170 KB gzip); it loads only with analytics.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // React changes less often than the app: its chunk stays cached across releases. The
        // other libraries are not grouped: a group is one chunk, so the login page would load
        // every Mantine component, schema and chart part that any page uses.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
