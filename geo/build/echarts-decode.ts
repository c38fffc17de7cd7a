import type { Position } from 'geojson';

/**
 * echarts' old compressed GeoJSON (`"UTF8Encoding": true`; in 0.1.4 only chongqing.geojson and
 * shanghai.geojson): each coordinate pair is two characters, value = charCode − 64, zig-zag
 * decoded, delta-added from `encodeOffsets`, divided by 1024. Used by the plan counties
 * (counties.ts) and the national layer (national/source.ts).
 */
export function decodeRing(s: string, offset: readonly [number, number]): Position[] {
  const out: Position[] = [];
  let [px, py] = offset;
  for (let i = 0; i < s.length; i += 2) {
    let x = s.charCodeAt(i) - 64;
    let y = s.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    px += x;
    py += y;
    out.push([px / 1024, py / 1024]);
  }
  return out;
}

export type EchartsGeometry = { type: string; coordinates: unknown; encodeOffsets?: unknown };

/** Decodes one geometry in place if the file is encoded. */
export function decodeGeometry(g: EchartsGeometry): void {
  const offs = g.encodeOffsets;
  if (g.type === 'Polygon') {
    const o = offs as [number, number][];
    g.coordinates = (g.coordinates as string[]).map((r, i) => decodeRing(r, o[i]!));
  } else if (g.type === 'MultiPolygon') {
    const o = offs as [number, number][][];
    g.coordinates = (g.coordinates as string[][]).map((p, j) => p.map((r, i) => decodeRing(r, o[j]![i]!)));
  }
  delete g.encodeOffsets;
}
