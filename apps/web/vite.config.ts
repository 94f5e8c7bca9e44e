import { defineConfig, defaultClientConditions, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const api = 'http://127.0.0.1:3000';

/**
 * Mantine's stylesheet only for the components a chunk uses. Each Mantine component reads its
 * class names from `<Name>.module.mjs`, and `@mantine/core/styles/<Name>.css` holds its rules:
 * the build adds that stylesheet to the class map, so a component's CSS travels in whichever
 * chunk holds the component (the login page no longer downloads the builder's). Imported
 * before the component's own module, a dependency's rules (Input for TextInput) come first, as
 * Mantine's order requires. The dev server pre-bundles Mantine without this hook: there
 * main.tsx gets the whole stylesheet.
 */
function mantineComponentCss(): Plugin {
  let serve = false;
  return {
    name: 'polku-mantine-component-css',
    enforce: 'pre',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    transform(code, id) {
      if (serve) {
        return id.endsWith('/src/main.tsx')
          ? { code: `import '@mantine/core/styles.css';\n${code}`, map: null }
          : null;
      }
      const component = /[\\/]@mantine[\\/]core[\\/]esm[\\/].*[\\/](\w+)\.module\.mjs$/.exec(
        id,
      )?.[1];
      if (!component) return null;
      return { code: `import '@mantine/core/styles/${component}.css';\n${code}`, map: null };
    },
  };
}

// `polku-source` makes workspace packages resolve to their TypeScript source, so the app
// builds without building @polku/contracts first; Vite's own defaults are kept after it.
export default defineConfig({
  plugins: [mantineComponentCss(), react()],
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
