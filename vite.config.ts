import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import {
  COLLECTIONS,
  FETCHED_FILES,
  NATIONAL_FILES,
  PLAN_TILES,
  SHAPES_FILES,
  TILED_KINDS,
} from './geo/model/kinds.ts';
import { nationalCensus } from './geo/build/census-provinces.ts';
import { nationalTiles, staticTiles } from './geo/build/national/vite-plugin.ts';
import { planTiles } from './geo/build/plan-tiles.ts';
import { placesOnlyText } from './geo/model/tiled.ts';
import { preloadFirstView } from './geo/build/preload-plugin.ts';

/** The committed outputs of `npm run geo:build` that the app fetches, by the name it fetches them under. */
const GEO_FILES: Record<string, string> = Object.fromEntries(
  Object.entries({ ...FETCHED_FILES, ...SHAPES_FILES, ...NATIONAL_FILES }).map(([name, file]) => [name, `geo/${file}`]),
);

/** The names under which a tiled collection is served without its geometry (the shapes are in its tiles). */
const PLACES_ONLY = new Set<string>(TILED_KINDS.map((kind) => COLLECTIONS[kind].fetchName));

/** A file's bytes as served under `name`. */
function geoFile(name: string, file: string): Buffer {
  const bytes = readFileSync(resolve(file));
  return PLACES_ONLY.has(name) ? Buffer.from(placesOnlyText(bytes.toString('utf8'))) : bytes;
}

/**
 * The tiled kinds' vector tiles (plan layers and provinces, geo/build/plan-tiles.ts), from the
 * committed collections.
 */
const planTileSet = () =>
  staticTiles(
    'bankuai-plan-tiles',
    TILED_KINDS.map((kind) => PLAN_TILES.dir(kind)),
    () =>
      planTiles(
        Object.fromEntries(
          TILED_KINDS.map((kind) => [kind, JSON.parse(readFileSync(resolve('geo', COLLECTIONS[kind].file), 'utf8'))]),
        ),
      ),
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
        res.end(geoFile(name, file));
      });
    },
    generateBundle() {
      for (const [name, file] of Object.entries(GEO_FILES)) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: geoFile(name, file) });
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
  plugins: [
    svelte(),
    nationalTiles(),
    planTileSet(),
    nationalCensus(),
    geoData(),
    preloadFirstView(),
    contentSecurityPolicy(),
  ],
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
