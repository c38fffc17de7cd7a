/**
 * The tiled kinds' tiles (plan layers and provinces) and the files the app fetches beside them
 * (issue 15): the shapes go to the tiles, everything else stays in the file, and the app's source
 * bounds and zooms cover exactly the tiles cut.
 */
import { readFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, PLAN_TILES, TILED_KINDS, type TiledKind } from '../../geo/model/kinds';
import { placesOnly, unionBbox } from '../../geo/model/tiled';
import { planTileServer, planTiles } from '../../geo/build/plan-tiles';

const committed = Object.fromEntries(
  TILED_KINDS.map((kind) => [
    kind,
    JSON.parse(readFileSync(`geo/${COLLECTIONS[kind].file}`, 'utf8')) as FeatureCollection,
  ]),
) as Record<TiledKind, FeatureCollection>;
const tiles = planTiles(committed);

/** Web Mercator tile column and row of a position, as MapLibre computes them. */
const tileX = (lon: number, z: number): number => Math.floor(((lon + 180) / 360) * 2 ** z);
const tileY = (lat: number, z: number): number => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

function decode(kind: TiledKind, z: number, x: number, y: number): VectorTile | null {
  const bytes = tiles.get(`${PLAN_TILES.dir(kind)}${z}/${x}/${y}.pbf`);
  if (bytes === undefined) throw new Error(`no tile ${kind} ${z}/${x}/${y}`);
  return bytes.length === 0 ? null : new VectorTile(new PbfReader(bytes));
}

describe('placesOnly', () => {
  it('keeps every member of every feature but its shape', () => {
    const counties = committed.counties;
    const places = placesOnly(counties);
    expect(places.features.length).toBe(counties.features.length);
    places.features.forEach((feature, i) => {
      const { geometry, ...rest } = counties.features[i]!;
      expect(geometry).not.toBeNull();
      expect(feature).toEqual({ ...rest, geometry: null });
    });
    // The committed collection is left as it was.
    expect(counties.features.every((f) => f.geometry !== null)).toBe(true);
  });
});

describe('unionBbox', () => {
  it('is the union of the bboxes, and null with none', () => {
    expect(unionBbox([{ bbox: [1, 2, 3, 4] }, { bbox: [0, 3, 2, 5] }, {}])).toEqual([0, 2, 3, 5]);
    expect(unionBbox([])).toBeNull();
  });
});

describe('planTiles', () => {
  it.each(TILED_KINDS)('cuts every tile of %s over its bounds, at every zoom, and nothing else', (kind) => {
    const [w, s, e, n] = unionBbox(committed[kind].features as { bbox: number[] }[])!;
    const mine = [...tiles.keys()].filter((path) => path.startsWith(PLAN_TILES.dir(kind)));
    let expected = 0;
    for (let z = PLAN_TILES.minzoom; z <= PLAN_TILES.maxzoom(kind); z++) {
      const columns = tileX(e, z) - tileX(w, z) + 1;
      const rows = tileY(s, z) - tileY(n, z) + 1;
      expected += columns * rows;
      expect(tiles.has(`${PLAN_TILES.dir(kind)}${z}/${tileX(w, z)}/${tileY(n, z)}.pbf`), `${kind} z${z} NW`).toBe(true);
      expect(tiles.has(`${PLAN_TILES.dir(kind)}${z}/${tileX(e, z)}/${tileY(s, z)}.pbf`), `${kind} z${z} SE`).toBe(true);
    }
    expect(mine.length).toBe(expected);
  });

  it.each(TILED_KINDS)('puts every feature of %s in its tiles, with its id and scalar properties only', (kind) => {
    const { idProp } = COLLECTIONS[kind];
    const z = PLAN_TILES.minzoom;
    const [w, s, e, n] = unionBbox(committed[kind].features as { bbox: number[] }[])!;
    const seen = new Set<string>();
    for (let x = tileX(w, z); x <= tileX(e, z); x++)
      for (let y = tileY(n, z); y <= tileY(s, z); y++) {
        const layer = decode(kind, z, x, y)?.layers[kind];
        for (let i = 0; i < (layer?.length ?? 0); i++) {
          const properties = layer!.feature(i).properties;
          seen.add(String(properties[idProp]));
          for (const value of Object.values(properties))
            expect(['string', 'number', 'boolean']).toContain(typeof value);
        }
      }
    expect([...seen].sort()).toEqual(committed[kind].features.map((f) => String(f.properties![idProp])).sort());
  });

  it('keeps a county in the tile that holds its label point, at the last zoom, as a polygon', () => {
    const county = committed.counties.features.find((f) => f.properties!.code === '141002') as unknown as {
      label_point: [number, number];
    };
    const [lon, lat] = county.label_point;
    const z = PLAN_TILES.maxzoom('counties');
    const layer = decode('counties', z, tileX(lon, z), tileY(lat, z))!.layers.counties!;
    const found = Array.from({ length: layer.length }, (_, i) => layer.feature(i)).find(
      (f) => f.properties.code === '141002',
    );
    expect(found?.type).toBe(3); // MVT polygon
    expect(found?.properties.name).toBe('尧都区');
  });

  it('cuts the same bytes tile by tile on request, and nothing outside the sets', () => {
    const serve = planTileServer(committed);
    const paths = [...tiles.keys()];
    // Every 37th tile: all zooms and kinds, empty and full ones.
    for (let i = 0; i < paths.length; i += 37) {
      const path = paths[i]!;
      expect(Buffer.from(serve(path)!).equals(Buffer.from(tiles.get(path)!)), path).toBe(true);
    }
    expect(serve(`${PLAN_TILES.dir('counties')}${PLAN_TILES.maxzoom('counties') + 1}/0/0.pbf`)).toBeUndefined();
    // Each kind has its own last zoom: none of the provinces' past theirs, though the counties go on.
    const [lon, lat] = [111.5, 36.1];
    const z = PLAN_TILES.maxzoom('provinces') + 1;
    expect(z).toBeLessThanOrEqual(PLAN_TILES.maxzoom('counties'));
    expect(serve(`${PLAN_TILES.dir('provinces')}${z}/${tileX(lon, z)}/${tileY(lat, z)}.pbf`)).toBeUndefined();
    expect(serve(`${PLAN_TILES.dir('counties')}${z}/${tileX(lon, z)}/${tileY(lat, z)}.pbf`)).toBeDefined();
    expect(serve(`${PLAN_TILES.dir('counties')}5/0/0.pbf`)).toBeUndefined();
    expect(serve('tiles/counties/5/25/12.pbf')).toBeUndefined();
  });

  it('is deterministic: the same files give the same bytes', () => {
    const again = planTiles(committed);
    expect([...again.keys()]).toEqual([...tiles.keys()]);
    for (const [path, bytes] of tiles)
      expect(Buffer.from(again.get(path)!).equals(Buffer.from(bytes)), path).toBe(true);
  });
});
