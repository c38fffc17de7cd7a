import GeoJSONVT, { type LegacyTile } from 'geojson-vt';
import type { FeatureCollection } from 'geojson';
import vtpbf from 'vt-pbf';

/** Zoom range of the static tiles; MapLibre overzooms beyond MAX_ZOOM (source `maxzoom: 8`). */
export const MIN_ZOOM = 3;
export const MAX_ZOOM = 8;
export const EXTENT = 4096;

function lonToX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}
function latToY(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}

/** The columns and rows of the tiles at zoom `z` that cover `bbox`, inclusive. */
export function tileRange(
  bbox: [number, number, number, number],
  z: number,
): { x: [number, number]; y: [number, number] } {
  return { x: [lonToX(bbox[0], z), lonToX(bbox[2], z)], y: [latToY(bbox[3], z), latToY(bbox[1], z)] };
}

/**
 * An encoder of named layers into Mapbox Vector Tiles (spec version 2): geojson-vt (tolerance 3
 * of 4096 units unless given, buffer 64) slices and simplifies, vt-pbf encodes. `eager` indexes
 * every tile up to the last zoom at once (for building them all); otherwise geojson-vt slices a
 * tile when it is first asked for, with the same result. An empty tile is 0 bytes.
 */
export function tileEncoder(
  layers: Record<string, FeatureCollection>,
  zooms: [number, number],
  tolerance = 3,
  eager = true,
): (z: number, x: number, y: number) => Uint8Array {
  const names = Object.keys(layers).sort();
  const indexing = eager ? { indexMaxZoom: zooms[1], indexMaxPoints: 0 } : {};
  const indexes = names.map(
    (n) => new GeoJSONVT(layers[n]!, { maxZoom: zooms[1], extent: EXTENT, tolerance, ...indexing }),
  );
  return (z, x, y) => {
    const tiles: Record<string, LegacyTile> = {};
    names.forEach((n, i) => {
      const t = indexes[i]!.getTile(z, x, y);
      if (t && t.features.length) tiles[n] = t;
    });
    return Object.keys(tiles).length === 0
      ? new Uint8Array(0)
      : vtpbf.fromGeojsonVt(tiles, { version: 2, extent: EXTENT });
  };
}

/**
 * Cuts named layers into `z/x/y.pbf` for every tile from MIN_ZOOM to MAX_ZOOM within `bbox` (the
 * app's source should set the same `bounds`, so nothing outside is asked for). No feature ids are
 * written: the app promotes the `code` property. Deterministic: the same input gives the same
 * bytes, and the map is in tile order.
 */
export function buildTiles(
  layers: Record<string, FeatureCollection>,
  bbox: [number, number, number, number],
  zooms: [number, number] = [MIN_ZOOM, MAX_ZOOM],
  tolerance = 3,
): Map<string, Uint8Array> {
  const encode = tileEncoder(layers, zooms, tolerance);
  const out = new Map<string, Uint8Array>();
  for (let z = zooms[0]; z <= zooms[1]; z++) {
    const range = tileRange(bbox, z);
    for (let x = range.x[0]; x <= range.x[1]; x++)
      for (let y = range.y[0]; y <= range.y[1]; y++)
        // Every tile within the bbox exists, empty (0 bytes) where there is nothing: a 404 would
        // reach the console as an error, and the app's tests fail on any.
        out.set(`${z}/${x}/${y}.pbf`, encode(z, x, y));
  }
  return out;
}
