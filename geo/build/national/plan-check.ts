import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { area, difference, featureCollection } from '@turf/turf';
import type { NationalProps } from './layer.ts';

type Area = Polygon | MultiPolygon;

/**
 * The plan cities' counties must be the same units in the national layer: same code, same
 * official name. Their shapes come from the same source, datum conversion and simplification
 * weight, but in a topology of the whole country their outer borders are cut into more arcs, so
 * a few vertices near new junctions differ; the check measures that as the area of the symmetric
 * difference relative to the county (reported; > 1 % is an error).
 */
export function checkPlanCounties(
  planPath: string,
  layer: Feature<Area, NationalProps>[],
): { errors: string[]; summary: string; worst: number } {
  const plan = JSON.parse(readFileSync(planPath, 'utf8')) as FeatureCollection<Area, { code: string; name: string }>;
  const byCode = new Map(layer.map((f) => [f.properties.code, f]));
  const errors: string[] = [];
  let worst = 0;
  let worstName = '';
  let identical = 0;
  for (const p of plan.features) {
    const n = byCode.get(p.properties.code);
    if (!n) {
      errors.push(`${p.properties.code} ${p.properties.name}: not in the national layer`);
      continue;
    }
    if (n.properties.name !== p.properties.name)
      errors.push(`${p.properties.code}: ${p.properties.name} in counties.geojson, ${n.properties.name} here`);
    const a = difference(featureCollection([p, n]));
    const b = difference(featureCollection([n, p]));
    const share = ((a ? area(a) : 0) + (b ? area(b) : 0)) / area(p);
    if (share === 0) identical++;
    if (share > worst) [worst, worstName] = [share, p.properties.name];
    if (share > 0.01) errors.push(`${p.properties.name}: shapes differ by ${(share * 100).toFixed(2)} % of its area`);
  }
  const summary = `${plan.features.length} of geo/counties.geojson found with the same code and name: ${plan.features.length - errors.length === plan.features.length ? 'all' : 'NOT all'}; ${identical} identical in area, largest symmetric difference ${(worst * 100).toFixed(3)} % (${worstName})`;
  return { errors, summary, worst };
}
