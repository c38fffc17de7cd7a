import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { FETCHED_FILES, NATIONAL_FILES } from './geo/model/kinds.ts';
import { nationalCensus } from './geo/build/census-provinces.ts';
import { nationalTiles } from './geo/build/national/vite-plugin.ts';
import { preloadFirstView } from './geo/build/preload-plugin.ts';

/** The committed outputs of `npm run geo:build` that the app fetches, by the name it fetches them under. */
const GEO_FILES: Record<string, string> = Object.fromEntries(
  Object.entries({ ...FETCHED_FILES, ...NATIONAL_FILES }).map(([name, file]) => [name, `geo/${file}`]),
);

/**
 * Serves geo/ outputs at /data/*.json in dev and copies them into dist/data/ in a build.
 * They are served as `.json` rather than `.geojson` because `vite preview` (and most static
 * hosts) compress only the content types they know, and application/geo+json is not one of them.
 */
function geoData(): Plugin {
  return {
    name: 'bankuai-geo-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (!path.startsWith('/data/')) return next();
        const name = path.slice('/data/'.length);
        const file = Object.hasOwn(GEO_FILES, name) ? GEO_FILES[name] : undefined;
        // Anything else under /data/ is a 404, as in the build, not the app's index.html.
        if (file === undefined) {
          res.statusCode = 404;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.end('Not found');
          return;
        }
        res.setHeader('Content-Type', 'application/json');
        res.end(readFileSync(resolve(file)));
      });
    },
    generateBundle() {
      for (const [name, file] of Object.entries(GEO_FILES)) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(resolve(file)) });
      }
    },
  };
}

/**
 * A strict Content-Security-Policy for production builds only: the dev server's hot reload needs
 * inline scripts. MapLibre 6 loads its worker from our own origin and renders labels with local
 * fonts, so nothing here needs blob: workers or a remote host.
 */
function contentSecurityPolicyText(onlineStyle: string | undefined): string {
  // An optional online basemap (VITE_BASEMAP_STYLE_URL) needs its own host for style, tiles and sprites.
  const online = onlineStyle ? ` ${new URL(onlineStyle).origin}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self'",
    `connect-src 'self'${online}`,
    `img-src 'self' data: blob:${online}`,
    "style-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'bankuai-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content: contentSecurityPolicyText(process.env.VITE_BASEMAP_STYLE_URL),
          },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  // The national layer's tiles and per-province census files (issue 18) are built here from
  // committed inputs; the census plugin answers /data/census/ before geoData's 404s in dev.
  plugins: [svelte(), nationalTiles(), nationalCensus(), geoData(), preloadFirstView(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Inlined assets would become data: URLs in CSS or scripts; keep every asset a file of our own.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    // Source maps ship beside the bundles (the browser fetches them only when DevTools opens, and
    // the Content-Security-Policy does not govern DevTools), so errors in the field are readable.
    sourcemap: true,
    // MapLibre in a chunk of its own: the browser fetches and compiles it beside the app's code
    // (Vite adds the modulepreload), and main.ts's first import starts its worker once it has run.
    rollupOptions: {
      output: {
        manualChunks: (id: string) => (id.includes('/node_modules/maplibre-gl/') ? 'maplibre-gl' : undefined),
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
