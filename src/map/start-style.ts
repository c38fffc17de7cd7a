/**
 * The style the map starts with: the embedded basemap and the overlay together, the tiled kinds'
 * tiles (plan layers and provinces) and every other source's data inline. MapLibre then loads every
 * source in one pass and draws the first view once, instead of drawing an empty basemap, waiting
 * for its empty sources and redrawing as each overlay source is added: on software WebGL each of
 * those frames costs about a tenth of a second.
 */
import type {
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import type { GeoData } from '../data/load.ts';
import { COLLECTIONS, PLAN_TILES, isTiled, type TiledKind } from '../../geo/model/kinds.ts';
import { unionBbox } from '../../geo/model/tiled.ts';
import type { Lang } from '../../geo/model/lang.ts';
import { basemapStyle } from './basemap-style.ts';
import { labelPoints } from './label-points.ts';
import type { LayerId } from '../../geo/model/layers.ts';
import { LAYER_GROUPS, OVERLAY_SOURCES, PARK_CLUSTER_MAX_ZOOM, overlayLayers, withSourceLayer } from './layers.ts';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

type SourceId = keyof typeof OVERLAY_SOURCES;

/**
 * A tiled kind's vector tiles (geo/build/plan-tiles.ts), or null when its file did not load: the
 * app draws no shape it cannot describe. `bounds` is the file's own extent, the one its tiles were
 * cut over, so MapLibre asks for no tile that does not exist.
 */
function tiledSource(kind: TiledKind, data: GeoData | null, tileRoot: string): VectorSourceSpecification | null {
  const bounds = unionBbox(data?.[kind]?.features ?? []);
  if (bounds === null) return null;
  return {
    type: 'vector',
    tiles: [`${tileRoot}${PLAN_TILES.dir(kind)}{z}/{x}/{y}.pbf`],
    minzoom: PLAN_TILES.minzoom,
    maxzoom: PLAN_TILES.maxzoom(kind),
    bounds,
    promoteId: COLLECTIONS[kind].idProp,
  };
}

/**
 * The overlay's sources: the plan layers' vector tiles, GeoJSON for the parks (clustered) and the
 * label points. A file that failed to load is an empty source. `tileRoot` is the app's base as an
 * absolute URL (MapLibre needs an absolute tile template).
 */
export function overlaySources(
  data: GeoData | null,
  tileRoot: string,
): Record<SourceId, GeoJSONSourceSpecification | VectorSourceSpecification> {
  // The plan layers draw from tiles; these stand in (empty) only for a file that failed.
  const collections: Record<SourceId, GeoJSON.FeatureCollection | null> = {
    counties: null,
    sectors: null,
    rivers: null,
    parks: data?.parks ?? null,
    'county-labels': labelPoints(data?.counties ?? null),
    'sector-labels': labelPoints(data?.sectors ?? null),
  };
  const sources = {} as Record<SourceId, GeoJSONSourceSpecification | VectorSourceSpecification>;
  for (const [id, promoteId] of Object.entries(OVERLAY_SOURCES) as [SourceId, string][]) {
    const tiled = isTiled(id) ? tiledSource(id, data, tileRoot) : null;
    sources[id] = tiled ?? {
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
export function startStyle(
  data: GeoData | null,
  lang: Lang,
  visible: readonly LayerId[],
  tileRoot: string,
): StyleSpecification {
  const provinces = tiledSource('provinces', data, tileRoot) ?? { type: 'geojson', data: EMPTY };
  const base = basemapStyle(provinces, labelPoints(data?.provinces ?? null), lang);
  return {
    ...base,
    sources: { ...base.sources, ...overlaySources(data, tileRoot) },
    layers: withVisibility([...base.layers.map(withSourceLayer), ...overlayLayers(lang, false)], visible),
  };
}
