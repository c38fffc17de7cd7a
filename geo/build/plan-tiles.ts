/**
 * The tiled collections (the plan layers and the basemap's provinces, COLLECTIONS[kind].tiled) as
 * static vector tiles (issue 15): MapLibre's worker reads the shapes from the tiles, so they never
 * reach the main thread, which gets each file without them (placesOnly in
 * geo/model/tiled.ts: properties, bbox, label point). Pure; the Vite plugin (vite.config.ts)
 * serves and emits what this returns, from the committed collections.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { PLAN_TILES, type TiledKind } from '../model/kinds.ts';
import { unionBbox } from '../model/tiled.ts';
import { buildTiles, tileEncoder, tileRange } from './national/tiles.ts';

/**
 * geojson-vt's simplification, in tile units (4096 a tile): 1 keeps every vertex within one unit,
 * about 5 m at the last tile zoom (11), where MapLibre overzooms up to the app's zoom 16; a
 * sector's edge then stays on its counties' edges (the national layer's 3 is made for zoom 8).
 */
const TOLERANCE = 1;

/** Properties a tile can hold as they are (MVT values are scalars); lists like a sector's counties stay out. */
function scalarProperties(feature: Feature): Feature {
  const properties = Object.fromEntries(
    Object.entries(feature.properties ?? {}).filter(([, value]) =>
      ['string', 'number', 'boolean'].includes(typeof value),
    ),
  );
  return { type: 'Feature', properties, geometry: feature.geometry };
}

/**
 * Each kind's tile set: where its tiles go, the extent and zooms they cover, and its one layer as
 * the tiles hold it.
 */
function tileSets(collections: Partial<Record<TiledKind, FeatureCollection>>) {
  return (Object.entries(collections) as [TiledKind, FeatureCollection][]).flatMap(([kind, collection]) => {
    const bounds = unionBbox(collection.features);
    if (bounds === null) return [];
    const layer: FeatureCollection = { type: 'FeatureCollection', features: collection.features.map(scalarProperties) };
    const zooms: [number, number] = [PLAN_TILES.minzoom, PLAN_TILES.maxzoom(kind)];
    return [{ prefix: PLAN_TILES.dir(kind), bounds, zooms, layers: { [kind]: layer } }];
  });
}

/**
 * Every tile of each kind's set, `tiles/plan/<kind>/{z}/{x}/{y}.pbf` → bytes, over the union of its
 * features' bboxes from PLAN_TILES.minzoom to the kind's maxzoom; one source layer, named as the kind.
 */
export function planTiles(collections: Partial<Record<TiledKind, FeatureCollection>>): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const { prefix, bounds, zooms, layers } of tileSets(collections))
    for (const [path, bytes] of buildTiles(layers, bounds, zooms, TOLERANCE)) out.set(`${prefix}${path}`, bytes);
  return out;
}

/**
 * The same tiles, each cut when first asked for: `tiles/plan/<kind>/z/x/y.pbf` → its bytes, or
 * undefined for a path outside every set. For data too large to cut whole up front (the
 * benchmark's synthetic 100× counties, served through Playwright routing); the bytes equal planTiles'.
 */
export function planTileServer(
  collections: Partial<Record<TiledKind, FeatureCollection>>,
): (path: string) => Uint8Array | undefined {
  const sets = tileSets(collections).map(({ prefix, bounds, zooms, layers }) => ({
    prefix,
    bounds,
    zooms,
    encode: tileEncoder(layers, zooms, TOLERANCE, false),
  }));
  return (path) => {
    for (const { prefix, bounds, zooms, encode } of sets) {
      const m = path.startsWith(prefix) ? /^(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(path.slice(prefix.length)) : null;
      if (m === null) continue;
      const [z, x, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (z < zooms[0] || z > zooms[1]) return undefined;
      const range = tileRange(bounds, z);
      if (x < range.x[0] || x > range.x[1] || y < range.y[0] || y > range.y[1]) return undefined;
      return encode(z, x, y);
    }
    return undefined;
  };
}
