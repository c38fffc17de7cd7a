import type { MultiPolygon, Polygon } from 'geojson';
import { rings } from '../counties.ts';
import { wgs84ToGcj02 } from '../gcj02.ts';
import { median, nearestOnLines } from '../util.ts';

type Area = Polygon | MultiPolygon;

function bbox(g: Area): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings(g))
    for (const p of r) {
      b[0] = Math.min(b[0], p[0]!);
      b[1] = Math.min(b[1], p[1]!);
      b[2] = Math.max(b[2], p[0]!);
      b[3] = Math.max(b[3], p[1]!);
    }
  return b;
}

export type FixDatum = { vertices: number; asGivenM: number; asWgs84M: number; verdict: 'GCJ-02' | 'WGS 84' };

/**
 * A replacement shape (tianjin-fix/jixian.geojson) need not share the main files' GCJ-02 datum.
 * Its vertices are compared with its neighbours' borders (all GCJ-02) as given, and after
 * treating it as WGS 84 (shifting it to GCJ-02); the closer fit decides whether the build
 * converts it like the rest or takes it as WGS 84 already.
 */
export function measureFixDatum(fix: Area, neighbours: Area[]): FixDatum {
  const [x0, y0, x1, y1] = bbox(fix);
  const lines = neighbours
    .filter((g) => {
      const [a, b, c, d] = bbox(g);
      return a <= x1 + 0.05 && c >= x0 - 0.05 && b <= y1 + 0.05 && d >= y0 - 0.05;
    })
    .flatMap((g) => rings(g).map((r) => r.map((p) => [p[0]!, p[1]!] as [number, number])));
  const pts = rings(fix)
    .flat()
    .map((p) => [p[0]!, p[1]!] as [number, number])
    .filter((p) => nearestOnLines(p, lines).d < 3000);
  const asGiven = median(pts.map((p) => nearestOnLines(p, lines).d));
  const asWgs = median(pts.map((p) => nearestOnLines(wgs84ToGcj02(p[0], p[1]), lines).d));
  return {
    vertices: pts.length,
    asGivenM: asGiven,
    asWgs84M: asWgs,
    verdict: asWgs < 0.8 * asGiven ? 'WGS 84' : 'GCJ-02',
  };
}
