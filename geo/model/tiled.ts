/**
 * A tiled collection (COLLECTIONS[kind].tiled) as the app receives it: its file without the
 * shapes, and the extent its tiles are cut over. Pure; imports nothing, like the rest of geo/model/.
 */
export type Bounds = [number, number, number, number];

/** The collection as the app fetches it at start: every member of every feature but the shape. */
export function placesOnly<C extends { features: readonly object[] }>(collection: C): C {
  return { ...collection, features: collection.features.map((feature) => ({ ...feature, geometry: null })) };
}

/** The text of a tiled kind's file as served at start (`vite.config.ts`), for the build's size report and its test. */
export function placesOnlyText(text: string): string {
  return JSON.stringify(placesOnly(JSON.parse(text) as { features: object[] }));
}

/**
 * The extent of a tiled collection's tile set: the union of its features' `bbox` members, or null
 * for a collection with none. The Vite plugin cuts tiles over it (geo/build/plan-tiles.ts) and the
 * app gives MapLibre the same box as the source's `bounds`, read from the same file, so it never
 * asks for a tile that was not cut.
 */
export function unionBbox(features: readonly { bbox?: readonly number[] }[]): Bounds | null {
  let out: Bounds | null = null;
  for (const { bbox } of features) {
    if (bbox === undefined || bbox.length !== 4) continue;
    const [w, s, e, n] = bbox as Bounds;
    out =
      out === null
        ? [w, s, e, n]
        : [Math.min(out[0], w), Math.min(out[1], s), Math.max(out[2], e), Math.max(out[3], n)];
  }
  return out;
}
