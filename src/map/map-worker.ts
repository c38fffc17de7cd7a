/**
 * MapLibre's worker, started before anything else: the worker script is half a megabyte to fetch
 * and compile, and every tile the first view draws waits for it. main.ts imports this module
 * first, so the worker starts as soon as MapLibre itself has run, before the app's own modules.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

maplibregl.setWorkerUrl(workerUrl);
maplibregl.prewarm();
