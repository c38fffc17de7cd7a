import countiesText from '../../geo/counties.geojson?raw';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../geo/model/lang.ts';
import { LAYER_IDS, type LayerId } from '../../geo/model/layers.ts';
import type { GeoData } from '../../src/data/load.ts';
import { INTERACTIVE_LAYERS, LAYER_GROUPS, OVERLAY_SOURCES, overlayLayers } from '../../src/map/layers.ts';
import { startStyle } from '../../src/map/start-style.ts';
import sectorsText from '../../geo/sectors.geojson?raw';
import riversText from '../../geo/rivers.geojson?raw';
import provincesText from '../../geo/provinces.geojson?raw';
import { COLLECTIONS, PLAN_TILES, TILED_KINDS } from '../../geo/model/kinds.ts';
import { placesOnly } from '../../geo/model/tiled.ts';

/** Where the app would be served; the tile templates start with it. */
const ROOT = 'http://127.0.0.1:4173/bankuai/';

/** The tiled files as the app fetches them at start: without geometry. */
function fetchedData(): GeoData {
  const places = (text: string) => placesOnly(JSON.parse(text) as GeoJSON.FeatureCollection);
  return {
    counties: places(countiesText),
    sectors: places(sectorsText),
    rivers: places(riversText),
    parks: null,
    provinces: places(provincesText),
  } as unknown as GeoData;
}

/** The style the map starts with, every layer shown, and its interactive paint in place. */
function fullStyle(lang: (typeof LANGS)[number]): StyleSpecification {
  const start = startStyle(null, lang, LAYER_IDS, ROOT);
  const interactive = new Map(overlayLayers(lang).map((layer) => [layer.id, layer]));
  return { ...start, layers: start.layers.map((layer) => interactive.get(layer.id) ?? layer) };
}

describe('the map style', () => {
  it.each(LANGS)('is a valid MapLibre style in %s, basemap and overlay together', (lang) => {
    expect(validateStyleMin(fullStyle(lang))).toEqual([]);
  });

  it('names no glyph, sprite or tile host, so labels use local fonts and nothing leaves the origin', () => {
    const style = fullStyle('zh');
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
  });

  it('labels in the chosen language: name in Chinese, name_en in English', () => {
    const field = (lang: 'zh' | 'en'): unknown[] =>
      fullStyle(lang)
        .layers.filter((layer) => layer.type === 'symbol' && layer.id !== 'parks-cluster-count')
        .map((layer) => (layer.layout as { 'text-field'?: unknown })['text-field']);
    expect(new Set(field('zh').map((f) => JSON.stringify(f)))).toEqual(new Set([JSON.stringify(['get', 'name'])]));
    expect(new Set(field('en').map((f) => JSON.stringify(f)))).toEqual(new Set([JSON.stringify(['get', 'name_en'])]));
  });

  it('gives every layer checkbox style layers that exist, and every style layer at most one checkbox', () => {
    const ids = new Set(fullStyle('zh').layers.map((layer) => layer.id));
    const seen = new Set<string>();
    for (const id of LAYER_IDS) {
      expect(LAYER_GROUPS[id].length).toBeGreaterThan(0);
      for (const layer of LAYER_GROUPS[id]) {
        expect(ids.has(layer), `${id} → ${layer}`).toBe(true);
        expect(seen.has(layer), `${layer} in two groups`).toBe(false);
        seen.add(layer);
      }
    }
    for (const { layer } of INTERACTIVE_LAYERS) expect(ids.has(layer)).toBe(true);
  });
});

describe('the overlay at rest', () => {
  it('reads no feature-state at start-up, and every interactive paint is set after the first idle', async () => {
    const { interactivePaint, restingPaint } = await import('../../src/map/layers.ts');
    const rest = JSON.stringify(overlayLayers('zh', false));
    expect(rest).not.toContain('feature-state');
    const later = interactivePaint('zh');
    expect(later.length).toBeGreaterThan(5);
    expect(later.every((p) => JSON.stringify(p.value).includes('feature-state'))).toBe(true);
    // The resting value is the fallback of the state cases, also inside an interpolation.
    expect(restingPaint(['case', ['boolean', ['feature-state', 'hover'], false], 2, 0.8])).toBe(0.8);
    expect(
      restingPaint([
        'interpolate',
        ['linear'],
        ['zoom'],
        5,
        ['case', ['boolean', ['feature-state', 'x'], false], 3, 1.2],
        10,
        3,
      ]),
    ).toEqual(['interpolate', ['linear'], ['zoom'], 5, 1.2, 10, 3]);
    // A case on data (not state) stays.
    const data = ['case', ['has', 'point_count'], 1, 2];
    expect(restingPaint(data)).toEqual(data);
  });

  it('is a valid style at rest too, as the map starts', () => {
    expect(validateStyleMin(startStyle(null, 'zh', LAYER_IDS, ROOT))).toEqual([]);
  });
});

describe('the style the map starts with', () => {
  it('carries every overlay source, with the property MapLibre promotes to the feature id', () => {
    const { sources } = startStyle(null, 'en', LAYER_IDS, ROOT);
    for (const [id, promoteId] of Object.entries(OVERLAY_SOURCES))
      expect(sources[id], id).toMatchObject({ type: 'geojson', promoteId });
    expect(sources.parks).toMatchObject({ cluster: true });
  });

  it('draws the plan layers and the provinces from their tiles, over the extent of the file the tiles were cut from', () => {
    const data = fetchedData();
    const style = startStyle(data, 'zh', LAYER_IDS, ROOT);
    expect(validateStyleMin(style)).toEqual([]);
    for (const kind of TILED_KINDS) {
      const boxes = data[kind]!.features.map((f) => f.bbox);
      expect(style.sources[kind], kind).toEqual({
        type: 'vector',
        tiles: [`${ROOT}tiles/plan/${kind}/{z}/{x}/{y}.pbf`],
        minzoom: PLAN_TILES.minzoom,
        maxzoom: PLAN_TILES.maxzoom(kind),
        bounds: [
          Math.min(...boxes.map((b) => b[0])),
          Math.min(...boxes.map((b) => b[1])),
          Math.max(...boxes.map((b) => b[2])),
          Math.max(...boxes.map((b) => b[3])),
        ],
        promoteId: COLLECTIONS[kind].idProp,
      });
      // Each of its layers reads the tiles' one source layer, named as the kind.
      const layers = style.layers.filter((layer) => 'source' in layer && layer.source === kind);
      expect(layers.length, kind).toBeGreaterThan(0);
      for (const layer of layers) expect((layer as { 'source-layer'?: string })['source-layer'], layer.id).toBe(kind);
    }
    // The labels still come from the files' label points, as GeoJSON.
    expect(style.sources['county-labels']).toMatchObject({ type: 'geojson' });
  });

  it('draws no tile of a plan layer whose file failed: its source is empty GeoJSON', () => {
    const data = { ...fetchedData(), rivers: null };
    const { sources } = startStyle(data, 'zh', LAYER_IDS, ROOT);
    expect(sources.rivers).toMatchObject({ type: 'geojson', data: { features: [] } });
    expect(sources.counties).toMatchObject({ type: 'vector' });
    // The basemap's provinces likewise, and the style stays valid with the stand-in.
    const withoutProvinces = startStyle({ ...fetchedData(), provinces: null }, 'zh', LAYER_IDS, ROOT);
    expect(withoutProvinces.sources.provinces).toMatchObject({ type: 'geojson', data: { features: [] } });
    expect(validateStyleMin(withoutProvinces)).toEqual([]);
  });

  it('hides from the start the layers a link leaves out, and only those', () => {
    const hiddenIds = (visible: readonly LayerId[]): string[] =>
      startStyle(null, 'zh', visible, ROOT)
        .layers.filter((layer) => (layer.layout as { visibility?: string } | undefined)?.visibility === 'none')
        .map((layer) => layer.id);
    const always = hiddenIds(LAYER_IDS);
    // Hidden whatever the link says: the compare outlines, until there are places to compare.
    expect(always.every((id) => id.endsWith('-compare'))).toBe(true);
    const withoutParks = hiddenIds(LAYER_IDS.filter((id) => id !== 'parks'));
    expect(withoutParks.filter((id) => !always.includes(id)).sort()).toEqual([...LAYER_GROUPS.parks].sort());
    expect(
      hiddenIds([])
        .filter((id) => !always.includes(id))
        .sort(),
    ).toEqual(Object.values(LAYER_GROUPS).flat().sort());
  });

  it('puts the data it is given into the sources: label points for counties, one per county', () => {
    const counties = JSON.parse(countiesText) as GeoJSON.FeatureCollection;
    const data = { counties, sectors: null, rivers: null, parks: null, provinces: null } as unknown as GeoData;
    const { sources } = startStyle(data, 'zh', LAYER_IDS, ROOT);
    const labels = (sources['county-labels'] as { data: GeoJSON.FeatureCollection }).data;
    expect(labels.features.length).toBe(counties.features.length);
    expect(labels.features.every((f) => f.geometry.type === 'Point')).toBe(true);
    expect((sources.sectors as { data: GeoJSON.FeatureCollection }).data.features).toEqual([]);
  });
});
