import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../geo/model/lang.ts';
import { LAYER_IDS } from '../../geo/model/layers.ts';
import { basemapStyle } from '../../src/map/basemap-style.ts';
import { INTERACTIVE_LAYERS, LAYER_GROUPS, OVERLAY_SOURCES, overlayLayers } from '../../src/map/layers.ts';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

function fullStyle(lang: (typeof LANGS)[number]): StyleSpecification {
  const base = basemapStyle(null, EMPTY, lang);
  const sources = { ...base.sources };
  for (const [id, promoteId] of Object.entries(OVERLAY_SOURCES)) {
    sources[id] = { type: 'geojson', data: EMPTY, promoteId };
  }
  return { ...base, sources, layers: [...base.layers, ...overlayLayers(lang)] };
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

  it('is a valid style at rest too', () => {
    expect(
      validateStyleMin({
        ...fullStyle('zh'),
        layers: [
          ...fullStyle('zh').layers.filter((l) => !overlayLayers('zh').some((o) => o.id === l.id)),
          ...overlayLayers('zh', false),
        ],
      }),
    ).toEqual([]);
  });
});
