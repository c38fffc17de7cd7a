/**
 * The style the map starts with: the embedded basemap and the overlay together, their data inline.
 * MapLibre then loads every source in one pass and draws the first view once, instead of drawing
 * an empty basemap, waiting for its empty sources and redrawing as each overlay source is added:
 * on software WebGL each of those frames costs about a tenth of a second.
 */
import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { GeoData } from '../data/load.ts';
import type { Lang } from '../../geo/model/lang.ts';
import { basemapStyle } from './basemap-style.ts';
import { labelPoints } from './label-points.ts';
import type { LayerId } from '../../geo/model/layers.ts';
import { LAYER_GROUPS, OVERLAY_SOURCES, PARK_CLUSTER_MAX_ZOOM, overlayLayers } from './layers.ts';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The overlay's GeoJSON sources; a file that failed to load is an empty source. */
export function overlaySources(data: GeoData | null): Record<keyof typeof OVERLAY_SOURCES, GeoJSONSourceSpecification> {
  const collections: Record<keyof typeof OVERLAY_SOURCES, GeoJSON.FeatureCollection | null> = {
    counties: data?.counties ?? null,
    sectors: data?.sectors ?? null,
    rivers: data?.rivers ?? null,
    parks: data?.parks ?? null,
    'county-labels': labelPoints(data?.counties ?? null),
    'sector-labels': labelPoints(data?.sectors ?? null),
  };
  const sources = {} as Record<keyof typeof OVERLAY_SOURCES, GeoJSONSourceSpecification>;
  for (const [id, promoteId] of Object.entries(OVERLAY_SOURCES) as [keyof typeof OVERLAY_SOURCES, string][]) {
    sources[id] = {
      type: 'geojson',
      data: collections[id] ?? EMPTY,
      promoteId,
      ...(id === 'parks' ? { cluster: true, clusterMaxZoom: PARK_CLUSTER_MAX_ZOOM, clusterRadius: 24 } : {}),
    };
  }
  return sources;
}

/** Style layers as the layer checkboxes say: a hidden group is hidden from the start, not after. */
export function withVisibility(layers: LayerSpecification[], visible: readonly LayerId[]): LayerSpecification[] {
  const hidden = new Set(
    (Object.keys(LAYER_GROUPS) as LayerId[]).filter((id) => !visible.includes(id)).flatMap((id) => LAYER_GROUPS[id]),
  );
  return layers.map((layer) =>
    hidden.has(layer.id)
      ? ({ ...layer, layout: { ...layer.layout, visibility: 'none' } } as LayerSpecification)
      : layer,
  );
}

/**
 * Basemap and overlay in one style, the overlay at rest (its feature-state paint follows the
 * first idle, see interactivePaint), the layers the link hides hidden. Pure.
 */
export function startStyle(data: GeoData | null, lang: Lang, visible: readonly LayerId[]): StyleSpecification {
  const base = basemapStyle(data?.provinces ?? null, labelPoints(data?.provinces ?? null), lang);
  return {
    ...base,
    sources: { ...base.sources, ...overlaySources(data) },
    layers: withVisibility([...base.layers, ...overlayLayers(lang, false)], visible),
  };
}
