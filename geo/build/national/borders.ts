import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { feature, meshArcs, transform as topoTransform } from 'topojson-client';
import type { GeometryCollection, MultiLineString, Topology } from 'topojson-specification';
import type { NationalProps } from './layer.ts';

export type BorderKind = 'province' | 'outline';
export const BORDER_OBJECT = 'borders';

type Box = [number, number, number, number];

/** Decodes one arc of a (possibly quantized) topology into positions. */
function decodeArc(topo: Topology, i: number): Position[] {
  const t = topoTransform(topo.transform ?? null);
  // The transformer restarts its delta decoding when its second argument is false.
  return topo.arcs[i]!.map((p, j) => t(p, j > 0) as Position);
}

const abs = (i: number) => (i < 0 ? ~i : i);

/**
 * Province borders, as arcs of the county topology itself, so they coincide with the county
 * borders exactly (a separate province source would be off by hundreds of metres, as
 * geo/provinces.geojson's DCW outlines are):
 * - `province`: arcs shared by counties of different provinces, plus arcs on the edge of one
 *   county that run inside a county of another province (the source's shapes overlap there, e.g.
 *   Chongqing × Sichuan, so that border is not a shared arc);
 * - `outline`: arcs on the edge of one county that lie in no other county: coast, land border,
 *   and the rare gap between source shapes.
 * Edge arcs inside a county of the same province (overlaps within a province) are left out: the
 * county borders draw them.
 */
export function classifyBorderArcs(topo: Topology, objectName: string): Record<BorderKind, number[]> {
  const object = topo.objects[objectName] as GeometryCollection<NationalProps>;
  const prov = (g: unknown) => (g as { properties: NationalProps }).properties.province;
  const between = meshArcs(topo, object, (a, b) => a !== b && prov(a) !== prov(b));
  const edge = meshArcs(topo, object, (a, b) => a === b);
  const owner = new Map<number, string>();
  for (const g of object.geometries) {
    const arcs = (g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : []) as number[][][];
    for (const ring of arcs.flat()) for (const i of ring) owner.set(abs(i), prov(g));
  }
  const polys = object.geometries.map((g) => {
    const f = feature(topo, g) as Feature<Polygon | MultiPolygon, NationalProps>;
    const pts = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2);
    const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of pts) {
      box[0] = Math.min(box[0], p[0]!);
      box[1] = Math.min(box[1], p[1]!);
      box[2] = Math.max(box[2], p[0]!);
      box[3] = Math.max(box[3], p[1]!);
    }
    return { f, box };
  });
  const province = [...new Set(between.arcs.flat().map(abs))];
  const outline: number[] = [];
  for (const i of [...new Set(edge.arcs.flat().map(abs))]) {
    const line = decodeArc(topo, i);
    // A point strictly inside the arc: the middle of its middle segment.
    const k = Math.max(0, Math.floor((line.length - 2) / 2));
    const p = [(line[k]![0]! + line[k + 1]![0]!) / 2, (line[k]![1]! + line[k + 1]![1]!) / 2];
    const inside = polys.filter(
      ({ f, box }) =>
        p[0]! >= box[0] &&
        p[0]! <= box[2] &&
        p[1]! >= box[1] &&
        p[1]! <= box[3] &&
        booleanPointInPolygon(p, f, { ignoreBoundary: true }),
    );
    if (inside.length === 0) outline.push(i);
    else if (inside.some(({ f }) => f.properties.province !== owner.get(i))) province.push(i);
  }
  const sort = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  return { province: sort(province), outline: sort(outline) };
}

/** Adds the border arcs to the topology as a second object (arcs shared with the counties). */
export function addBorders(topo: Topology, objectName: string): Record<BorderKind, number> {
  const c = classifyBorderArcs(topo, objectName);
  const geometries: MultiLineString<{ kind: BorderKind }>[] = (['province', 'outline'] as const).map((kind) => ({
    type: 'MultiLineString',
    arcs: c[kind].map((i) => [i]),
    properties: { kind },
  }));
  topo.objects[BORDER_OBJECT] = { type: 'GeometryCollection', geometries };
  return { province: c.province.length, outline: c.outline.length };
}
