/// <reference types="vite/client" />
/**
 * The bare reference page `npm run bench` compares the app against: maplibre-gl with one
 * background layer and the app's county GeoJSON as one fill and one line layer, nothing else.
 * It opens at the app's default view and marks `map-idle` the way the app does: on the first
 * MapLibre `idle` after its source has loaded. Like the app's map container, #map carries
 * data-map-busy="true|false" so the runner can wait for the same thing on both pages.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { DEFAULT_VIEW } from '../../src/state/app-types.ts';

maplibregl.setWorkerUrl(workerUrl);

const container = document.getElementById('map');
if (container === null) throw new Error('index.html has no #map element');
Object.assign(container.style, { position: 'absolute', inset: '0' });
document.body.style.margin = '0';

const map = new maplibregl.Map({
  container,
  style: {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } }],
  },
  center: [DEFAULT_VIEW.lng, DEFAULT_VIEW.lat],
  zoom: DEFAULT_VIEW.zoom,
  attributionControl: false,
  fadeDuration: 0,
});

const setBusy = (busy: boolean): void => container.setAttribute('data-map-busy', busy ? 'true' : 'false');
map.on('movestart', () => setBusy(true));
map.on('idle', () => setBusy(false));

const counties = fetch('/data/counties.json').then((response) => {
  if (!response.ok) throw new Error(`counties.json: HTTP ${response.status}`);
  return response.json() as Promise<GeoJSON.FeatureCollection>;
});

map.on('load', () => {
  void counties.then((data) => {
    setBusy(true);
    map.addSource('counties', { type: 'geojson', data, promoteId: 'code' });
    map.addLayer({
      id: 'counties-fill',
      type: 'fill',
      source: 'counties',
      paint: { 'fill-color': '#c8b99a', 'fill-opacity': 0.28 },
    });
    map.addLayer({
      id: 'counties-line',
      type: 'line',
      source: 'counties',
      paint: { 'line-color': '#7a6a55', 'line-width': 0.8 },
    });
    map.once('idle', () => performance.mark('map-idle'));
  });
});
