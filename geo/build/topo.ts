import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { kinks, polygon as turfPolygon } from '@turf/turf';
import { dedupe, roundPos } from './util';

type AreaGeom = Polygon | MultiPolygon;

/**
 * Removes small loops: where a ring comes back to a vertex it visited at most `maxLoop` steps
 * before (the source has a few such pinches, e.g. on the 闻喜县–夏县 border), the vertices in
 * between are dropped. The same border in the neighbouring county loses the same loop.
 */
export function removeLoops(ring: [number, number][], maxLoop = 12): [number, number][] {
  const out: [number, number][] = [];
  const at = new Map<string, number>();
  for (const p of ring) {
    const k = `${p[0]},${p[1]}`;
    const j = at.get(k);
    if (j !== undefined && out.length - j <= maxLoop && out.length - j > 1) {
      for (const q of out.splice(j + 1)) at.delete(`${q[0]},${q[1]}`);
      continue;
    }
    at.set(k, out.length);
    out.push(p);
  }
  return out;
}

function cleanRing(r: Position[]): [number, number][] | null {
  const d = removeLoops(dedupe(r.map(roundPos)));
  const a = d[0];
  const b = d[d.length - 1];
  if (a && b && (a[0] !== b[0] || a[1] !== b[1])) d.push([a[0], a[1]]);
  return d.length >= 4 ? d : null;
}

/** How one ring is cleaned: a cleaned closed ring, or null to drop it. */
export type RingCleaner = (r: Position[]) => [number, number][] | null;

/**
 * Rounds to 5 decimals, drops repeated positions and degenerate rings; null if nothing is left.
 * `ring` is how each ring is cleaned (the national layer passes one that keeps small rings).
 */
export function cleanArea(g: AreaGeom, ring: RingCleaner = cleanRing): AreaGeom | null {
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    .map((p) => {
      const outer = p[0] ? ring(p[0]) : null;
      if (!outer) return null;
      const holes = p
        .slice(1)
        .map(ring)
        .filter((r): r is [number, number][] => r !== null);
      return [outer, ...holes];
    })
    .filter((p): p is [number, number][][] => p !== null);
  if (polys.length === 0) return null;
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0]! }
    : { type: 'MultiPolygon', coordinates: polys };
}

/**
 * Simplifies a set of area features together, with topology preserved: topojson-server finds the
 * arcs shared by neighbours, presimplify weights each point by Visvalingam's effective area (in
 * square degrees), simplify drops points below `minWeight`, and every shared arc is simplified
 * once, so neighbours keep identical borders. Returns the simplified features and the topology
 * (for dissolving with topojson-client's merge).
 */
export function simplifyAreas<P extends GeoJsonProperties>(
  features: Feature<AreaGeom, P>[],
  minWeight: number,
): { features: Feature<AreaGeom, P>[]; topo: Topology; object: GeometryCollection } {
  const fc: FeatureCollection<AreaGeom, P> = { type: 'FeatureCollection', features };
  const pre = presimplify(topology({ layer: fc }) as unknown as Parameters<typeof presimplify>[0]);
  // Where simplification makes a ring cross itself (tight zigzags in the source), keep every
  // point of the arcs within 0.01° of the crossing and simplify again.
  for (let round = 0; ; round++) {
    const topo = simplify(pre, minWeight) as Topology;
    const object = topo.objects.layer as GeometryCollection;
    const out = object.geometries.map((g: GeometryObject, i) => {
      const f = feature(topo, g) as unknown as Feature<AreaGeom | null, P>;
      const src = features[i]!;
      const geom = f.geometry ? cleanArea(f.geometry) : null;
      if (!geom) throw new Error(`simplification removed the whole geometry of feature #${i}`);
      return { type: 'Feature' as const, properties: src.properties, geometry: geom };
    });
    const hits: [number, number][] = [];
    for (const f of out) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const p of polys) {
        const k = kinks(turfPolygon(p));
        for (const h of k.features) hits.push([h.geometry.coordinates[0]!, h.geometry.coordinates[1]!]);
      }
    }
    if (hits.length === 0 || round >= 8) return { features: out, topo, object };
    for (const arc of pre.arcs as number[][][])
      for (const pt of arc)
        if (hits.some((h) => Math.abs(h[0] - pt[0]!) < 0.01 && Math.abs(h[1] - pt[1]!) < 0.01)) pt[2] = Infinity;
  }
}

/** Dissolves geometries of a simplified topology (no slivers: shared arcs cancel exactly). */
export function dissolve(
  topo: Topology,
  object: GeometryCollection,
  pick: (i: number) => boolean,
  ring: RingCleaner = cleanRing,
): AreaGeom {
  const geoms = object.geometries.filter((_, i) => pick(i));
  const g = merge(topo, geoms as Parameters<typeof merge>[1]);
  const c = cleanArea(g, ring);
  if (!c) throw new Error('dissolve produced an empty geometry');
  return c;
}

export function countArcs(topo: Topology): number {
  return topo.arcs.length;
}
