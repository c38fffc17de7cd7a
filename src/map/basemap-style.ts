/**
 * The embedded basemap: a pure function of (provinces, language) to a MapLibre style, built from
 * our own data (the provinces' own tiles, start-style.ts) so the map needs no other tile, glyph or
 * sprite host. `glyphs` is left out on purpose: MapLibre then draws labels with the browser's own
 * fonts (GL JS ≥ 5.11), Chinese included.
 */
import type { GeoJSONSourceSpecification, StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';
import type { Lang } from '../../geo/model/lang.ts';
import { BASE } from '../carto/palette.ts';

export const LABEL_FONT = ['Noto Sans CJK SC', 'Noto Sans', 'sans-serif'];

/** The label field for the language: the name, with the other language's name for English users. */
export function nameField(lang: Lang): ['get', string] {
  return ['get', lang === 'zh' ? 'name' : 'name_en'];
}

/**
 * `provinces` is the provinces' source: their tiles, or an empty stand-in when their file failed.
 * Its layers name the tiles' one source layer, `provinces` (start-style.ts adds it, as for the plan layers).
 */
export function basemapStyle(
  provinces: VectorSourceSpecification | GeoJSONSourceSpecification,
  provinceLabels: GeoJSON.FeatureCollection,
  lang: Lang,
): StyleSpecification {
  return {
    version: 8,
    name: 'Bankuai embedded basemap',
    sources: {
      provinces,
      'province-labels': { type: 'geojson', data: provinceLabels },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASE.land } },
      {
        id: 'province-line',
        type: 'line',
        source: 'provinces',
        paint: { 'line-color': BASE.province, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 9, 2] },
      },
      {
        id: 'province-label',
        type: 'symbol',
        source: 'province-labels',
        maxzoom: 8.5,
        layout: {
          'text-field': nameField(lang),
          'text-font': LABEL_FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 4, 12, 8, 18],
          'text-letter-spacing': 0.2,
        },
        paint: { 'text-color': BASE.provinceLabel, 'text-halo-color': BASE.halo, 'text-halo-width': 1.5 },
      },
    ],
  };
}
