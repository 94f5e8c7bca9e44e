import { defineConfig, defaultClientConditions, type Plugin } from 'vite';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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
/**
 * Writes a `.br` and a `.gz` beside each built file worth compressing, at the highest levels:
 * the server sends them as they are (@fastify/static's preCompressed) instead of compressing
 * each response on the fly at a lower level. Below 1 KiB compressing gains nothing.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'polku-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/')
        ? config.build.outDir
        : join(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          // .vite holds the manifest, read by the bench only and never served.
          if (entry.isDirectory()) {
            if (!entry.name.startsWith('.')) walk(path);
          } else if (/\.(js|css|html|svg|json)$/.test(entry.name) && statSync(path).size >= 1024) {
            const bytes = readFileSync(path);
            writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
            writeFileSync(
              `${path}.br`,
              brotliCompressSync(bytes, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
                },
              }),
            );
          }
        }
      };
      walk(outDir);
    },
  };
}

export default defineConfig({
  plugins: [mantineComponentCss(), react(), precompress()],
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
