/**
 * The app's own layers as pure functions of language: which style layers make up each toggle,
 * their paint, and the feature-state expressions for hover, selection and related places.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { PARK_KINDS } from '../../geo/schema.ts';
import type { Lang } from '../../geo/model/lang.ts';
import type { LayerId } from '../../geo/model/layers.ts';
import { LABEL_FONT, nameField } from './basemap-style.ts';
import { BASE, PARK_COLOURS, SECTOR_COLOURS, compareColour } from '../carto/palette.ts';
import { parsePlaceKey, type PlaceKey } from '../../geo/model/place-key.ts';
import { NATIONAL, isTiled } from '../../geo/model/kinds.ts';

/**
 * The sources the overlay reads, with the property MapLibre promotes to the feature id: the
 * tiled kinds' vector tiles (see start-style.ts), the parks' and the label points' GeoJSON.
 */
export const OVERLAY_SOURCES = {
  counties: 'code',
  sectors: 'id',
  rivers: 'id',
  parks: 'id',
  'county-labels': 'code',
  'sector-labels': 'id',
} as const;

/** The circle layer that draws every park and every cluster of parks. */
export const PARK_CIRCLES = 'parks-circle';

/** Which style layers each checkbox shows and hides. */
export const LAYER_GROUPS: Record<LayerId, string[]> = {
  sectors: ['sectors-fill', 'sectors-line'],
  counties: ['counties-fill', 'counties-line'],
  rivers: ['rivers-line'],
  parks: [PARK_CIRCLES, 'parks-cluster-count'],
  labels: ['province-label', 'county-label', 'sector-label', 'rivers-label', 'parks-label'],
};

/** Parks merge into clusters below this zoom. */
export const PARK_CLUSTER_MAX_ZOOM = 8;

/** Layers a click or hover can hit, topmost first, with the place type each one names. */
export const INTERACTIVE_LAYERS = [
  { layer: PARK_CIRCLES, type: 'park', source: 'parks' },
  { layer: 'rivers-line', type: 'river', source: 'rivers' },
  { layer: 'counties-fill', type: 'county', source: 'counties' },
  { layer: 'sectors-fill', type: 'sector', source: 'sectors' },
] as const;

const state = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];

/** The same rule as palette.ts's sectorColour(): the sector's `order`, cycling through the list. */
const sectorColour: ExpressionSpecification = [
  'match',
  ['%', ['get', 'order'], SECTOR_COLOURS.length],
  ...SECTOR_COLOURS.flatMap((colour, i) => [i, colour]),
  BASE.noData,
] as unknown as ExpressionSpecification;

/** A cluster of parks (MapLibre's clustering adds `point_count`), or one park whose place is a guess. */
const isCluster: ExpressionSpecification = ['has', 'point_count'];
const isApproximate: ExpressionSpecification = ['==', ['get', 'precision'], 'approximate'];

const parkColour: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  ...PARK_KINDS.flatMap((kind) => [kind, PARK_COLOURS[kind]]),
  BASE.noData,
] as unknown as ExpressionSpecification;

/**
 * The county fill is drawn only under a choropleth. Otherwise its opacity is a constant 0, which
 * MapLibre skips drawing altogether (a transparent colour would still cost a full-screen fill on
 * software WebGL), while the layer stays queryable for clicks and hover.
 */
export const COUNTY_FILL_HIDDEN = 0;
export const COUNTY_FILL_SHOWN: ExpressionSpecification = ['case', state('hover'), 0.95, 0.8];

/** The line layers that outline compared places, by source; not a checkbox's: they follow the comparison. */
export const COMPARE_LAYERS = { counties: 'counties-compare', sectors: 'sectors-compare' } as const;

export interface CompareOutline {
  layer: string;
  visible: boolean;
  filter: ExpressionSpecification;
  colour: ExpressionSpecification | string;
}

/**
 * What the compare layers show for the places compared, in column order: counties and sectors as
 * themselves, a city as all its counties, each in its column's colour. Pure.
 */
export function compareOutlines(
  cmp: readonly PlaceKey[],
  childrenOf: (key: PlaceKey) => readonly PlaceKey[],
): CompareOutline[] {
  const byLayer = { counties: new Map<string, string>(), sectors: new Map<string, string>() };
  cmp.forEach((key, index) => {
    const drawn =
      parsePlaceKey(key)?.type === 'city' ? childrenOf(key).filter((child) => child.startsWith('county:')) : [key];
    for (const part of drawn) {
      const parsed = parsePlaceKey(part);
      if (parsed?.type === 'county') byLayer.counties.set(parsed.id, compareColour(index));
      if (parsed?.type === 'sector') byLayer.sectors.set(parsed.id, compareColour(index));
    }
  });
  return (['counties', 'sectors'] as const).map((source) => {
    const colours = byLayer[source];
    const id: ExpressionSpecification = ['to-string', ['get', OVERLAY_SOURCES[source]]];
    if (colours.size === 0)
      return { layer: COMPARE_LAYERS[source], visible: false, filter: ['literal', false], colour: compareColour(0) };
    return {
      layer: COMPARE_LAYERS[source],
      visible: true,
      filter: ['in', id, ['literal', [...colours.keys()]]],
      colour: ['match', id, ...[...colours].flat(), compareColour(0)] as unknown as ExpressionSpecification,
    };
  });
}

const labelPaint = {
  'text-color': BASE.label,
  'text-halo-color': BASE.halo,
  'text-halo-width': 1.5,
};

/** True when a style value reads feature-state anywhere inside it. */
function readsState(value: unknown): boolean {
  return Array.isArray(value) && (value[0] === 'feature-state' || value.some(readsState));
}

/**
 * A paint value as it looks with no feature hovered, selected or related: every `case` whose
 * conditions all read feature-state becomes its fallback. Start-up draws with these, so MapLibre
 * compiles no feature-state program variants before the first idle; the interactive values follow
 * right after it (see interactivePaint).
 */
export function restingPaint<T>(value: T): T {
  if (!Array.isArray(value)) return value;
  if (value[0] === 'case') {
    const conditions = value.slice(1, -1).filter((_, i) => i % 2 === 0);
    if (conditions.length > 0 && conditions.every(readsState)) return restingPaint(value[value.length - 1] as T);
  }
  return value.map((item: unknown) => restingPaint(item)) as T;
}

/** The paint properties that read feature-state, to set once the first view is drawn. */
export function interactivePaint(lang: Lang): { layer: string; property: string; value: unknown }[] {
  const out: { layer: string; property: string; value: unknown }[] = [];
  for (const layer of overlayLayers(lang)) {
    const paint = ('paint' in layer ? layer.paint : undefined) as Record<string, unknown> | undefined;
    for (const [property, value] of Object.entries(paint ?? {}))
      if (readsState(value)) out.push({ layer: layer.id, property, value });
  }
  return out;
}

/** The overlay at rest (no feature-state in any paint) for start-up, or fully interactive. */
export function overlayLayers(lang: Lang, interactive = true): LayerSpecification[] {
  const layers = allOverlayLayers(lang);
  if (interactive) return layers;
  return layers.map((layer) =>
    'paint' in layer && layer.paint !== undefined
      ? ({
          ...layer,
          paint: Object.fromEntries(Object.entries(layer.paint).map(([k, v]) => [k, restingPaint(v as unknown)])),
        } as LayerSpecification)
      : layer,
  );
}

function allOverlayLayers(lang: Lang): LayerSpecification[] {
  const name = nameField(lang);
  const layers: LayerSpecification[] = [
    {
      id: 'sectors-fill',
      type: 'fill',
      source: 'sectors',
      paint: {
        // Every fill here has a line layer drawn over its edge, so MapLibre's own antialiased
        // outline (a second program and a second draw per tile) would never be seen.
        'fill-antialias': false,
        'fill-color': sectorColour,
        'fill-opacity': ['case', state('selected'), 0.45, state('hover'), 0.38, 0.28],
      },
    },
    {
      id: 'counties-fill',
      type: 'fill',
      source: 'counties',
      paint: { 'fill-antialias': false, 'fill-color': BASE.noData, 'fill-opacity': COUNTY_FILL_HIDDEN },
    },
    {
      id: 'counties-line',
      type: 'line',
      source: 'counties',
      paint: {
        'line-color': ['case', state('selected'), BASE.selected, state('related'), BASE.related, BASE.county],
        'line-width': ['case', state('selected'), 3, state('related'), 2.5, state('hover'), 2, 0.8],
      },
    },
    {
      id: 'sectors-line',
      type: 'line',
      source: 'sectors',
      paint: {
        'line-color': ['case', state('selected'), BASE.selected, sectorColour],
        'line-width': ['case', state('selected'), 4, state('related'), 3.5, state('hover'), 3.5, 2.5],
      },
    },
    // Compared places, outlined in their columns' colours; hidden (and so free) until there are any.
    ...(['counties', 'sectors'] as const).map((source): LayerSpecification => ({
      id: COMPARE_LAYERS[source],
      type: 'line',
      source,
      layout: { visibility: 'none', 'line-join': 'round' },
      filter: ['literal', false],
      paint: { 'line-color': compareColour(0), 'line-width': 4.5, 'line-opacity': 0.95 },
    })),
    {
      id: 'rivers-line',
      type: 'line',
      source: 'rivers',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['case', state('selected'), BASE.selected, BASE.river],
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          5,
          ['case', state('selected'), 3, state('hover'), 2.5, 1.2],
          10,
          ['case', state('selected'), 6, state('hover'), 5, 3],
        ],
      },
    },
    {
      // Every park and every cluster of parks as one circle layer (one shader program, not three):
      // parks cluster at overview zooms so thousands of points stay legible and cheap to draw, and
      // a guessed location must never look exact, so approximate parks are hollow rings.
      id: PARK_CIRCLES,
      type: 'circle',
      source: 'parks',
      paint: {
        'circle-radius': [
          'case',
          isCluster,
          ['step', ['get', 'point_count'], 10, 10, 14, 100, 18, 1000, 24],
          ['case', state('selected'), 9, state('hover'), 8, state('related'), 8, 6],
        ],
        'circle-color': [
          'case',
          isCluster,
          'rgba(255, 255, 255, 0.9)',
          isApproximate,
          'rgba(255, 255, 255, 0.85)',
          parkColour,
        ],
        'circle-stroke-color': [
          'case',
          isCluster,
          BASE.cluster,
          ['case', state('selected'), BASE.selected, ['case', isApproximate, parkColour, BASE.halo]],
        ],
        'circle-stroke-width': [
          'case',
          isCluster,
          2,
          [
            'case',
            state('selected'),
            ['case', isApproximate, 4, 3],
            state('related'),
            ['case', isApproximate, 3.5, 2.5],
            ['case', isApproximate, 2.5, 1.5],
          ],
        ],
      },
    },
    {
      id: 'parks-cluster-count',
      type: 'symbol',
      source: 'parks',
      filter: isCluster,
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': LABEL_FONT,
        'text-size': 11,
        'text-allow-overlap': true,
        // The count always shows, and its collision box covers the whole circle.
        'text-padding': 12,
      },
      paint: { 'text-color': BASE.cluster },
    },
    {
      id: 'rivers-label',
      type: 'symbol',
      source: 'rivers',
      minzoom: 6,
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 400,
        'text-field': name,
        'text-font': LABEL_FONT,
        'text-size': 12,
        'text-letter-spacing': 0.3,
      },
      paint: { 'text-color': '#2f6f9f', 'text-halo-color': BASE.halo, 'text-halo-width': 1.5 },
    },
    {
      id: 'sector-label',
      type: 'symbol',
      source: 'sector-labels',
      maxzoom: 9,
      layout: {
        'text-field': name,
        'text-font': LABEL_FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 6, 13, 9, 18],
        'text-allow-overlap': false,
        'symbol-sort-key': 0,
      },
      paint: {
        ...labelPaint,
        'text-color': sectorColour,
        'text-halo-width': 2,
      },
    },
    {
      id: 'county-label',
      type: 'symbol',
      source: 'county-labels',
      minzoom: 6.5,
      layout: {
        'text-field': name,
        'text-font': LABEL_FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, 11, 10, 14],
        'symbol-sort-key': 1,
        // One line ("Hongtong County", never "County" alone), kept clear of park clusters by
        // trying a few anchors around the county's interior point.
        'text-max-width': 20,
        'text-padding': 2,
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.6,
      },
      paint: labelPaint,
    },
    {
      id: 'parks-label',
      type: 'symbol',
      source: 'parks',
      minzoom: 8.5,
      filter: ['!', isCluster],
      layout: {
        'text-field': name,
        'text-font': LABEL_FONT,
        'text-size': 11,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { ...labelPaint, 'text-color': BASE.cluster },
    },
  ];
  // Cluster counts go on top: MapLibre places the topmost symbols first, so labels then make room
  // for a cluster (its count's collision box covers the circle) instead of lying under it. The
  // circles themselves stay under the labels, so a name is never hidden behind a lone park's dot.
  const counts = (layer: LayerSpecification): boolean => layer.id === 'parks-cluster-count';
  return [...layers.filter((layer) => !counts(layer)), ...layers.filter(counts)].map(withSourceLayer);
}

/** A layer of a tiled kind reads the one source layer its tiles have, named as the kind. */
export function withSourceLayer(layer: LayerSpecification): LayerSpecification {
  const source = 'source' in layer ? layer.source : undefined;
  return typeof source === 'string' && isTiled(source)
    ? ({ ...layer, 'source-layer': source } as LayerSpecification)
    : layer;
}

/** The national layer's style layers (issue 18), drawn under the plan layers. */
export const NATIONAL_LAYERS = {
  fill: 'national-fill',
  line: 'national-line',
  province: 'national-province',
  selected: 'national-selected',
} as const;

/** County borders of the national layer appear from this zoom; province borders always. */
export const NATIONAL_COUNTY_MIN_ZOOM = 6;

/**
 * Quiet context around the plan cities: county borders thin and light from zoom 6, province borders
 * (from the tiles, so they lie on the county borders) always, and a fill that is invisible (but
 * clickable) until an indicator colours it. `planCodes`, the plan counties, are left out of the
 * fill: they are drawn, coloured and clicked in their own layers above.
 */
export function nationalLayers(planCodes: readonly string[]): LayerSpecification[] {
  const source = NATIONAL.source;
  const notPlan: ExpressionSpecification = ['!', ['in', ['get', 'code'], ['literal', [...planCodes]]]];
  return [
    {
      id: NATIONAL_LAYERS.fill,
      type: 'fill',
      source,
      'source-layer': NATIONAL.countyLayer,
      filter: notPlan,
      paint: { 'fill-color': BASE.noData, 'fill-opacity': COUNTY_FILL_HIDDEN },
    },
    {
      id: NATIONAL_LAYERS.line,
      type: 'line',
      source,
      'source-layer': NATIONAL.countyLayer,
      minzoom: NATIONAL_COUNTY_MIN_ZOOM,
      paint: {
        'line-color': BASE.nationalCounty,
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.3, 10, 0.8],
      },
    },
    {
      id: NATIONAL_LAYERS.province,
      type: 'line',
      source,
      'source-layer': NATIONAL.borderLayer,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': BASE.province,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 9, 1.8],
      },
    },
    {
      id: NATIONAL_LAYERS.selected,
      type: 'line',
      source,
      'source-layer': NATIONAL.countyLayer,
      filter: ['literal', false],
      paint: { 'line-color': BASE.selected, 'line-width': 3 },
    },
  ];
}

/** The filter that outlines a selected national county (none when the selection is not one). */
export function nationalSelectedFilter(code: string | null): ExpressionSpecification {
  return code === null ? ['literal', false] : ['==', ['get', 'code'], code];
}
