import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { cleanArea, dissolve, removeLoops } from '../topo.ts';
import { dedupe, roundPos } from '../util.ts';

type Area = Polygon | MultiPolygon;

/**
 * ../topo.ts's cleanArea, except that removeLoops sees each ring without its closing position.
 * cleanArea passes the closed ring, so removeLoops takes the closing position for a return to
 * the first and drops every ring of 13 positions or fewer: a small island or a simplified small
 * county would vanish (a unit square does). The plan counties have no such ring, so their shapes
 * are the same either way.
 */
function cleanRing(r: Position[]): [number, number][] | null {
  const open = dedupe(r.map(roundPos));
  const a = open[0];
  const z = open[open.length - 1];
  if (a && z && a[0] === z[0] && a[1] === z[1]) open.pop();
  const d = removeLoops(open);
  if (d.length < 3) return null;
  d.push([d[0]![0], d[0]![1]]);
  return d;
}

/** ../topo.ts's cleanArea with the ring cleaner above. */
export const cleanAreaNational = (g: Area): Area | null => cleanArea(g, cleanRing);

/** ../topo.ts's dissolve (topojson-client merge: shared arcs cancel, no slivers), cleaned as above. */
export function dissolveNational(topo: Topology, object: GeometryCollection, pick: (i: number) => boolean): Area {
  return dissolve(topo, object, pick, cleanRing);
}

/** Segment intersection including touching ends (as turf's kinks counts them). */
function crosses(a: Position, b: Position, c: Position, d: Position): [number, number] | null {
  const den = (d[1]! - c[1]!) * (b[0]! - a[0]!) - (d[0]! - c[0]!) * (b[1]! - a[1]!);
  if (den === 0) return null;
  const ua = ((d[0]! - c[0]!) * (a[1]! - c[1]!) - (d[1]! - c[1]!) * (a[0]! - c[0]!)) / den;
  const ub = ((b[0]! - a[0]!) * (a[1]! - c[1]!) - (b[1]! - a[1]!) * (a[0]! - c[0]!)) / den;
  if (ua < 0 || ua > 1 || ub < 0 || ub > 1) return null;
  return [a[0]! + ua * (b[0]! - a[0]!), a[1]! + ua * (b[1]! - a[1]!)];
}

/**
 * The self-intersections turf's `kinks` finds in a polygon (every pair of non-adjacent segments of
 * its rings that meet), found through a grid of segment boxes instead of all pairs: the same
 * answer in near-linear time, which matters at 2,800 counties and a million vertices.
 */
export function polygonKinks(rings: Position[][]): [number, number][] {
  const segs: { r: number; i: number; a: Position; b: Position }[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) segs.push({ r, i, a: ring[i]!, b: ring[i + 1]! });
  });
  if (segs.length < 4) return [];
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const s of segs) {
    minX = Math.min(minX, s.a[0]!, s.b[0]!);
    maxX = Math.max(maxX, s.a[0]!, s.b[0]!);
    minY = Math.min(minY, s.a[1]!, s.b[1]!);
    maxY = Math.max(maxY, s.a[1]!, s.b[1]!);
  }
  const n = Math.max(1, Math.ceil(Math.sqrt(segs.length)));
  const cw = (maxX - minX) / n || 1;
  const ch = (maxY - minY) / n || 1;
  const grid = new Map<number, number[]>();
  const cells = (s: (typeof segs)[number]) => {
    const x0 = Math.min(n - 1, Math.floor((Math.min(s.a[0]!, s.b[0]!) - minX) / cw));
    const x1 = Math.min(n - 1, Math.floor((Math.max(s.a[0]!, s.b[0]!) - minX) / cw));
    const y0 = Math.min(n - 1, Math.floor((Math.min(s.a[1]!, s.b[1]!) - minY) / ch));
    const y1 = Math.min(n - 1, Math.floor((Math.max(s.a[1]!, s.b[1]!) - minY) / ch));
    const out: number[] = [];
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push(x * n + y);
    return out;
  };
  segs.forEach((s, k) => {
    for (const c of cells(s)) {
      const l = grid.get(c);
      if (l) l.push(k);
      else grid.set(c, [k]);
    }
  });
  const hits: [number, number][] = [];
  const seen = new Set<number>();
  for (const l of grid.values()) {
    for (let p = 0; p < l.length; p++) {
      for (let q = p + 1; q < l.length; q++) {
        const [j, k] = [l[p]!, l[q]!];
        const key = j * segs.length + k;
        if (seen.has(key)) continue;
        seen.add(key);
        const s = segs[j]!;
        const t = segs[k]!;
        if (s.r === t.r) {
          // Neighbouring segments share a vertex by construction, as do the first and last.
          const len = rings[s.r]!.length - 1;
          const d = Math.abs(s.i - t.i);
          if (d === 1 || d === len - 1) continue;
        }
        const x = crosses(s.a, s.b, t.a, t.b);
        if (x) hits.push(x);
      }
    }
  }
  return hits;
}

/**
 * ../topo.ts's simplifyAreas, step for step (one topology, presimplify, simplify at `minWeight`,
 * clean; where a ring crosses itself keep every point of arcs within 0.01° of the crossing
 * and simplify again, up to 8 rounds), with cleanAreaNational above, and two costs cut for the
 * whole country: kinks through
 * polygonKinks above instead of turf's all-pairs `kinks`, and the points near a crossing looked
 * up in a grid of the crossings instead of testing every point against every crossing.
 */
export function simplifyAreasFast<P extends GeoJsonProperties>(
  features: Feature<Area, P>[],
  minWeight: number,
): { features: Feature<Area, P>[]; topo: Topology; object: GeometryCollection; rounds: number } {
  const fc: FeatureCollection<Area, P> = { type: 'FeatureCollection', features };
  const pre = presimplify(topology({ layer: fc }) as unknown as Parameters<typeof presimplify>[0]);
  for (let round = 0; ; round++) {
    const topo = simplify(pre, minWeight) as Topology;
    const object = topo.objects.layer as GeometryCollection;
    const out = object.geometries.map((g: GeometryObject, i) => {
      const f = feature(topo, g) as unknown as Feature<Area | null, P>;
      const geom = f.geometry ? cleanAreaNational(f.geometry) : null;
      if (!geom) throw new Error(`simplification removed the whole geometry of feature #${i}`);
      return { type: 'Feature' as const, properties: features[i]!.properties, geometry: geom };
    });
    const hits: [number, number][] = [];
    for (const f of out)
      for (const p of f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)
        hits.push(...polygonKinks(p));
    if (hits.length === 0 || round >= 8) return { features: out, topo, object, rounds: round + 1 };
    const cell = (x: number, y: number) => `${Math.floor(x / 0.01)},${Math.floor(y / 0.01)}`;
    const near = new Map<string, [number, number][]>();
    for (const h of hits) {
      const k = cell(h[0], h[1]);
      near.set(k, [...(near.get(k) ?? []), h]);
    }
    for (const arc of pre.arcs as number[][][])
      for (const pt of arc) {
        const cx = Math.floor(pt[0]! / 0.01);
        const cy = Math.floor(pt[1]! / 0.01);
        for (let dx = -1; dx <= 1; dx++)
          for (let dy = -1; dy <= 1; dy++)
            for (const h of near.get(`${cx + dx},${cy + dy}`) ?? [])
              if (Math.abs(h[0] - pt[0]!) < 0.01 && Math.abs(h[1] - pt[1]!) < 0.01) pt[2] = Infinity;
      }
  }
}
