/**
 * MapLibre's worker, started before anything else: the worker script is half a megabyte to fetch
 * and compile, and every tile the first view draws waits for it. Started here, it boots while the
 * app's own code, the data and the first render run beside it, instead of after the map is made.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

export function startMapWorker(): void {
  maplibregl.setWorkerUrl(workerUrl);
  maplibregl.prewarm();
}
