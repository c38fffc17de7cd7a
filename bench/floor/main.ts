/// <reference types="vite/client" />
/**
 * The floor: the app's own first map without the app. A bare MapLibre page like the reference, but
 * drawing what the app draws at its default view — the same style function (src/map/start-style.ts),
 * the same files through the same loader and checks (src/data/load.ts), the worker started the same
 * way — and nothing else: no panel, no registry, no URL state. Its time to ready is what MapLibre
 * needs for this map on this machine; the app's excess over it is the app's own cost.
 * `#layers=` (the app's link format) draws only the groups it names: `npm run bench -- --layers`.
 */
// First, for its side effect, as in the app's main.ts: MapLibre's worker starts as soon as MapLibre has run.
import '../../src/map/map-worker.ts';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { LAYER_IDS } from '../../geo/model/layers.ts';
import { loadGeoData } from '../../src/data/load.ts';
import { startStyle } from '../../src/map/start-style.ts';
import { DEFAULT_VIEW } from '../../src/state/app-types.ts';

const loading = loadGeoData();

const container = document.getElementById('map');
if (container === null) throw new Error('index.html has no #map element');
// The app's map area at the benchmark's 1280×800 viewport: right of the 360 px panel (app.css
// --panel-width), under the 51 px header. The same canvas as the app's, so the two draw the same
// pixels and the difference between them is the app's own cost; the reference fills the window.
Object.assign(container.style, { position: 'absolute', inset: '51px 0 0 360px' });
document.body.style.margin = '0';

const map = new maplibregl.Map({
  container,
  center: [DEFAULT_VIEW.lng, DEFAULT_VIEW.lat],
  zoom: DEFAULT_VIEW.zoom,
  attributionControl: false,
  fadeDuration: 0,
});
const setBusy = (busy: boolean): void => container.setAttribute('data-map-busy', busy ? 'true' : 'false');
map.on('movestart', () => setBusy(true));
map.on('idle', () => setBusy(false));

// `#layers=counties,sectors` draws only those layer groups, as the app's own link would.
const asked = new URLSearchParams(location.hash.slice(1)).get('layers');
const layers = asked === null ? LAYER_IDS : LAYER_IDS.filter((id) => asked.split(',').includes(id));

void loading.then(({ data }) => {
  setBusy(true);
  map.setStyle(startStyle(data, 'zh', layers, location.origin + import.meta.env.BASE_URL));
  map.once('idle', () => performance.mark('map-idle'));
});
