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

/**
 * Cuts named layers into Mapbox Vector Tiles `z/x/y.pbf` for every tile from MIN_ZOOM to MAX_ZOOM
 * within `bbox` (the app's source should set the same `bounds`, so nothing outside is asked for). geojson-vt (default tolerance 3 of 4096 units, buffer 64)
 * slices and simplifies; vt-pbf encodes (spec version 2). No feature ids are written: the app
 * promotes the `code` property. Deterministic: the same input gives the same bytes, and the map
 * is in tile order.
 */
export function buildTiles(
  layers: Record<string, FeatureCollection>,
  bbox: [number, number, number, number],
  zooms: [number, number] = [MIN_ZOOM, MAX_ZOOM],
): Map<string, Uint8Array> {
  const names = Object.keys(layers).sort();
  const indexes = names.map(
    (n) => new GeoJSONVT(layers[n]!, { maxZoom: zooms[1], indexMaxZoom: zooms[1], indexMaxPoints: 0, extent: EXTENT }),
  );
  const out = new Map<string, Uint8Array>();
  for (let z = zooms[0]; z <= zooms[1]; z++) {
    for (let x = lonToX(bbox[0], z); x <= lonToX(bbox[2], z); x++) {
      for (let y = latToY(bbox[3], z); y <= latToY(bbox[1], z); y++) {
        const tiles: Record<string, LegacyTile> = {};
        names.forEach((n, i) => {
          const t = indexes[i]!.getTile(z, x, y);
          if (t && t.features.length) tiles[n] = t;
        });
        // Every tile within the bbox exists, empty (0 bytes) where there is nothing: a 404 would
        // reach the console as an error, and the app's tests fail on any.
        const empty = Object.keys(tiles).length === 0;
        out.set(
          `${z}/${x}/${y}.pbf`,
          empty ? new Uint8Array(0) : vtpbf.fromGeojsonVt(tiles, { version: 2, extent: EXTENT }),
        );
      }
    }
  }
  return out;
}
