/** Production builds of the app, the floor page and the reference page, with Vite's JS API, into bench/dist/. */
import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { preloadFirstView } from '../../geo/build/preload-plugin.ts';

export const APP_DIR = resolve('bench/dist/app');
export const REFERENCE_DIR = resolve('bench/dist/reference');
export const FLOOR_DIR = resolve('bench/dist/floor');

/** The app, with the project's own vite.config.ts; into bench/dist/app so dist/ stays the tests'. */
export async function buildApp(): Promise<void> {
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: APP_DIR, emptyOutDir: true },
  });
}

/** The bare reference page, with its own inline config, and the county GeoJSON beside it. */
export async function buildReference(): Promise<void> {
  await build({
    configFile: false,
    root: resolve('bench/reference'),
    base: '/',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: {
      outDir: REFERENCE_DIR,
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 1500,
    },
  });
  mkdirSync(resolve(REFERENCE_DIR, 'data'), { recursive: true });
  copyFileSync(resolve('geo/counties.geojson'), resolve(REFERENCE_DIR, 'data/counties.json'));
}

/**
 * The floor page (bench/floor): the app's first map without the app, with the app's data files
 * and plan tiles (copied from the app's build, so buildApp comes first) and the same preloads in its HTML.
 */
export async function buildFloor(): Promise<void> {
  await build({
    configFile: false,
    root: resolve('bench/floor'),
    base: '/',
    logLevel: 'warn',
    plugins: [preloadFirstView()],
    worker: { format: 'es' },
    build: {
      outDir: FLOOR_DIR,
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 1500,
    },
  });
  cpSync(resolve(APP_DIR, 'data'), resolve(FLOOR_DIR, 'data'), { recursive: true });
  cpSync(resolve(APP_DIR, 'tiles/plan'), resolve(FLOOR_DIR, 'tiles/plan'), { recursive: true });
}
