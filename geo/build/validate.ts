/**
 * Validation of the build's outputs, pure (no file system): the build runs it on what it is
 * about to write, and tests/unit/geo-validate.test.ts runs it on the committed files and on
 * broken copies. Every message names the file and the feature or record.
 */
import { bbox as turfBbox, booleanPointInPolygon, booleanPointOnLine, kinks, polygon as turfPolygon } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { COLLECTIONS, type CollectionKind } from '../model/kinds';
import { r5 } from './util';
import { buildPlaceGraph } from '../model/place-graph';
import { isPlaceKey } from '../model/place-key';
import {
  featureName,
  GEOMETRY_SOURCE,
  parseCensusFile,
  parseCollection,
  parseIndicators,
  parsePlanSummaries,
} from '../schema';

export type Outputs = {
  counties: unknown;
  sectors: unknown;
  rivers: unknown;
  parks: unknown;
  provinces: unknown;
  indicators: unknown;
  plans: unknown;
  census: unknown;
};

/** First self-intersection of a polygon's rings, or null. */
export function selfIntersection(coords: number[][][]): [number, number] | null {
  try {
    const k = kinks(turfPolygon(coords));
    const f = k.features[0];
    if (f) return [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!];
  } catch {
    return [NaN, NaN];
  }
  return null;
}

function areaIntersections(kind: CollectionKind, json: unknown): string[] {
  const errs: string[] = [];
  const fc = json as { features: { properties: unknown; geometry: Polygon | MultiPolygon }[] };
  const key = COLLECTIONS[kind].idProp;
  fc.features.forEach((f, i) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const [j, p] of polys.entries()) {
      const hit = selfIntersection(p);
      if (hit)
        errs.push(
          `${COLLECTIONS[kind].file}: ${featureName(f, i, key)}: polygon ${j} has a self-intersecting ring at [${hit.join(', ')}]`,
        );
    }
  });
  return errs;
}

/**
 * The label point of each area lies in it (or on its edge) and of each line on it, and the bbox is
 * the geometry's own, rounded as the build rounds it: the app trusts both without a look at the shape.
 */
function placements(kind: CollectionKind, json: unknown): string[] {
  const errs: string[] = [];
  type Shape = Polygon | MultiPolygon | LineString | MultiLineString;
  const fc = json as { features: (Feature<Shape> & { bbox: number[]; label_point: [number, number] })[] };
  const key = COLLECTIONS[kind].idProp;
  fc.features.forEach((f, i) => {
    const name = `${COLLECTIONS[kind].file}: ${featureName(f, i, key)}`;
    const want = turfBbox(f.geometry).map(r5);
    if (f.bbox.some((x, j) => x !== want[j]))
      errs.push(`${name}: bbox ${JSON.stringify(f.bbox)} is not its geometry's ${JSON.stringify(want)}`);
    const g = f.geometry;
    const on =
      g.type === 'Polygon' || g.type === 'MultiPolygon'
        ? booleanPointInPolygon(f.label_point, g)
        : (g.type === 'LineString' ? [g.coordinates] : g.coordinates).some((line) =>
            booleanPointOnLine(f.label_point, { type: 'LineString', coordinates: line }),
          );
    if (!on) errs.push(`${name}: label_point [${f.label_point.join(', ')}] is not on the feature`);
  });
  return errs;
}

/** Returns every problem found (empty when the outputs are good). */
export function validateOutputs(o: Outputs): string[] {
  const errs: string[] = [];
  const counties = parseCollection('counties', o.counties);
  const sectors = parseCollection('sectors', o.sectors);
  const rivers = parseCollection('rivers', o.rivers);
  const parks = parseCollection('parks', o.parks);
  const provinces = parseCollection('provinces', o.provinces);
  const indicators = parseIndicators(o.indicators);
  const cities = parsePlanSummaries(o.plans);
  const census = parseCensusFile(o.census);
  if (!census.ok) errs.push(census.error);
  for (const r of [counties, sectors, rivers, parks, provinces, indicators, cities]) if (!r.ok) errs.push(r.error);
  if (counties.ok) errs.push(...areaIntersections('counties', o.counties));
  if (sectors.ok) errs.push(...areaIntersections('sectors', o.sectors));
  if (provinces.ok) errs.push(...areaIntersections('provinces', o.provinces));
  for (const [kind, result, json] of [
    ['counties', counties, o.counties],
    ['sectors', sectors, o.sectors],
    ['rivers', rivers, o.rivers],
    ['provinces', provinces, o.provinces],
  ] as const)
    if (result.ok) errs.push(...placements(kind, json));
  if (!counties.ok || !sectors.ok || !parks.ok || !rivers.ok || !cities.ok) return errs;
  const FILE = (k: CollectionKind) => COLLECTIONS[k].file;

  const countyCodes = new Map(counties.data.features.map((f) => [f.properties.code, f.properties]));
  const cityCodes = new Set(cities.data.map((c) => c.city));
  counties.data.features.forEach((f, i) => {
    if (!cityCodes.has(f.properties.prefecture))
      errs.push(
        `${FILE('counties')}: ${featureName(f, i, 'code')}: prefecture ${f.properties.prefecture} is not a city of any plan in plans.json`,
      );
  });
  for (const c of cities.data)
    for (const code of c.counties) {
      const p = countyCodes.get(code);
      if (!p) errs.push(`plans.json: plan ${c.city} "${c.name}": member ${code} is not a county in counties.geojson`);
      else if (p.prefecture !== c.city)
        errs.push(`plans.json: plan ${c.city} "${c.name}": member ${code} has prefecture ${p.prefecture}`);
    }
  sectors.data.features.forEach((f, i) => {
    for (const code of f.properties.counties) {
      const p = countyCodes.get(code);
      if (!p)
        errs.push(`${FILE('sectors')}: ${featureName(f, i, 'id')}: member ${code} is not a county in counties.geojson`);
      else if (p.sector !== f.properties.id)
        errs.push(
          `${FILE('sectors')}: ${featureName(f, i, 'id')}: member ${code} has sector ${String(p.sector)} in counties.geojson`,
        );
    }
  });
  const parkIds = new Set(parks.data.features.map((f) => f.properties.id));
  parks.data.features.forEach((f, i) => {
    const p = f.properties;
    if (!countyCodes.has(p.county))
      errs.push(`${FILE('parks')}: ${featureName(f, i, 'id')}: county ${p.county} is not a county in counties.geojson`);
    if (p.parent !== undefined && !parkIds.has(p.parent))
      errs.push(`${FILE('parks')}: ${featureName(f, i, 'id')}: parent ${p.parent} is not a park`);
  });
  if (indicators.ok) {
    const reg = buildPlaceGraph({
      plans: cities.data,
      sectors: sectors.data,
      counties: counties.data,
      parks: parks.data,
      rivers: rivers.data,
    });
    const stems = new Set(cities.data.flatMap((p) => p.documents.map((d) => d.stem)));
    for (const r of indicators.data) {
      if (!isPlaceKey(r.subject) || !reg.has(r.subject))
        errs.push(`indicators.json: indicator "${r.id}": subject ${r.subject} is not in the registry of places`);
      if (r.source.doc !== GEOMETRY_SOURCE && !stems.has(r.source.doc))
        errs.push(`indicators.json: indicator "${r.id}": source.doc ${r.source.doc} is a document no plan lists`);
    }
  }
  return errs;
}
