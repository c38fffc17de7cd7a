/**
 * Validation of the build's outputs, pure (no file system): the build runs it on what it is
 * about to write, and tests/unit/geo-validate.test.ts runs it on the committed files and on
 * broken copies. Every message names the file and the feature or record.
 */
import { kinks, polygon as turfPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  FILE_OF,
  featureName,
  parseCities,
  parseCollection,
  parseIndicators,
  type City,
  type CollectionKind,
  type Counties,
  type Indicator,
  type Parks,
  type Place,
  type Sectors,
} from '../schema';

export type Outputs = {
  counties: unknown;
  sectors: unknown;
  rivers: unknown;
  parks: unknown;
  provinces: unknown;
  indicators: unknown;
  cities: unknown;
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
  const key = kind === 'sectors' ? 'id' : 'code';
  fc.features.forEach((f, i) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const [j, p] of polys.entries()) {
      const hit = selfIntersection(p);
      if (hit)
        errs.push(
          `${FILE_OF[kind]}: ${featureName(f, i, key)}: polygon ${j} has a self-intersecting ring at [${hit.join(', ')}]`,
        );
    }
  });
  return errs;
}

export function buildRegistry(cities: City[], sectors: Sectors, counties: Counties, parks: Parks): Map<string, Place> {
  const m = new Map<string, Place>();
  for (const c of cities)
    m.set(`city:${c.code}`, { key: `city:${c.code}`, kind: 'city', name: c.name, name_en: c.name_en });
  for (const f of sectors.features) {
    const p = f.properties;
    m.set(`sector:${p.id}`, { key: `sector:${p.id}`, kind: 'sector', name: p.name, name_en: p.name_en });
  }
  for (const f of counties.features) {
    const p = f.properties;
    m.set(`county:${p.code}`, { key: `county:${p.code}`, kind: 'county', name: p.name, name_en: p.name_en });
  }
  for (const f of parks.features) {
    const p = f.properties;
    m.set(`park:${p.id}`, { key: `park:${p.id}`, kind: 'park', name: p.name, name_en: p.name_en });
  }
  return m;
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
  const cities = parseCities(o.cities);
  for (const r of [counties, sectors, rivers, parks, provinces, indicators, cities]) if (!r.ok) errs.push(r.error);
  if (counties.ok) errs.push(...areaIntersections('counties', o.counties));
  if (sectors.ok) errs.push(...areaIntersections('sectors', o.sectors));
  if (provinces.ok) errs.push(...areaIntersections('provinces', o.provinces));
  if (!counties.ok || !sectors.ok || !parks.ok || !cities.ok) return errs;

  const countyCodes = new Map(counties.data.features.map((f) => [f.properties.code, f.properties]));
  const cityCodes = new Set(cities.data.map((c) => c.code));
  counties.data.features.forEach((f, i) => {
    if (!cityCodes.has(f.properties.prefecture))
      errs.push(
        `${FILE_OF.counties}: ${featureName(f, i, 'code')}: prefecture ${f.properties.prefecture} is not a city in cities.json`,
      );
  });
  for (const c of cities.data)
    for (const code of c.counties) {
      const p = countyCodes.get(code);
      if (!p) errs.push(`cities.json: city ${c.code} "${c.name}": member ${code} is not a county in counties.geojson`);
      else if (p.prefecture !== c.code)
        errs.push(`cities.json: city ${c.code} "${c.name}": member ${code} has prefecture ${p.prefecture}`);
    }
  sectors.data.features.forEach((f, i) => {
    for (const code of f.properties.counties) {
      const p = countyCodes.get(code);
      if (!p)
        errs.push(`${FILE_OF.sectors}: ${featureName(f, i, 'id')}: member ${code} is not a county in counties.geojson`);
      else if (p.sector !== f.properties.id)
        errs.push(
          `${FILE_OF.sectors}: ${featureName(f, i, 'id')}: member ${code} has sector ${String(p.sector)} in counties.geojson`,
        );
    }
  });
  const parkIds = new Set(parks.data.features.map((f) => f.properties.id));
  parks.data.features.forEach((f, i) => {
    const p = f.properties;
    if (!countyCodes.has(p.county))
      errs.push(`${FILE_OF.parks}: ${featureName(f, i, 'id')}: county ${p.county} is not a county in counties.geojson`);
    if (p.parent !== undefined && !parkIds.has(p.parent))
      errs.push(`${FILE_OF.parks}: ${featureName(f, i, 'id')}: parent ${p.parent} is not a park`);
  });
  if (indicators.ok) {
    const reg = buildRegistry(cities.data, sectors.data, counties.data, parks.data);
    for (const r of indicators.data as Indicator[])
      if (!reg.has(r.subject))
        errs.push(`indicators.json: indicator "${r.id}": subject ${r.subject} is not in the registry of places`);
  }
  return errs;
}
