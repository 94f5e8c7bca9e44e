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
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            // Charts load with the pages that draw them, never at start-up.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            // Drag and drop loads with the journey map only.
            { name: 'dnd-kit', test: /node_modules[\\/]@dnd-kit[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
