import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { rings } from '../counties.ts';
import { addBorders, type BorderKind } from './borders.ts';
import type { NationalProps } from './layer.ts';
import { cityUnitNameEn, PROVINCE_EN } from './names-en.ts';
import type { CurrentUnit } from './units.ts';

type Area = Polygon | MultiPolygon;
export type Bbox = [number, number, number, number];

/**
 * Grid of the committed TopoJSON: 1e6 steps across the layer's extent (about 6e-5°, 7 m). The
 * tiles' finest grid is 4096 units per z8 tile, 3.4e-4°, so the tiles cannot tell the difference
 * from the 5-decimal build geometry, and the file stays compact (delta-encoded integers).
 */
export const TOPO_QUANTIZATION = 1e6;
export const TOPO_OBJECT = 'counties';

/** The committed intermediate: the counties and their province borders (../borders.ts) in one topology. */
export function buildTopology(features: Feature<Area, NationalProps>[]): {
  text: string;
  borders: Record<BorderKind, number>;
} {
  const fc: FeatureCollection<Area, NationalProps> = { type: 'FeatureCollection', features };
  const topo = topology({ [TOPO_OBJECT]: fc }, TOPO_QUANTIZATION) as unknown as Topology;
  const borders = addBorders(topo, TOPO_OBJECT);
  return { text: JSON.stringify(topo) + '\n', borders };
}

export function parseTopology(text: string): Topology {
  const t = JSON.parse(text) as Topology;
  if (t.type !== 'Topology' || !t.objects[TOPO_OBJECT]) throw new Error(`not a national county topology`);
  return t;
}

/** The county features of the committed topology, in code order. */
export function topologyFeatures(topo: Topology): Feature<Area, NationalProps>[] {
  const obj = topo.objects[TOPO_OBJECT] as GeometryCollection<NationalProps>;
  return obj.geometries.map((g) => feature(topo, g) as Feature<Area, NationalProps>);
}

export function bboxOf(g: Area): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings(g))
    for (const p of r) {
      b[0] = Math.min(b[0], p[0]!);
      b[1] = Math.min(b[1], p[1]!);
      b[2] = Math.max(b[2], p[0]!);
      b[3] = Math.max(b[3], p[1]!);
    }
  return b;
}

/** Rounds a bbox outward to 2 decimals (about 1 km): enough to frame a county. */
export function roundBbox(b: Bbox): Bbox {
  const f = (x: number, up: boolean) => (up ? Math.ceil(x * 100) : Math.floor(x * 100)) / 100;
  return [f(b[0], false), f(b[1], false), f(b[2], true), f(b[3], true)];
}

function union(a: Bbox | undefined, b: Bbox): Bbox {
  return a ? [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])] : b;
}

export const INDEX_COLUMNS = ['code', 'name', 'name_en', 'city', 'province', 'bbox'] as const;

/**
 * The search index: every current unit (with a polygon or not; `bbox` null means no polygon) as a
 * row in INDEX_COLUMNS order, and every city as [code, name, name_en, province].
 */
export function indexText(
  features: Feature<Area, NationalProps>[],
  current: CurrentUnit[],
  nameEn: (name: string) => string,
): string {
  const boxes = new Map(features.map((f) => [f.properties.code, roundBbox(bboxOf(f.geometry))]));
  const counties = current.map((u) => [u.code, u.name, nameEn(u.name), u.city, u.province, boxes.get(u.code) ?? null]);
  const cityRows = new Map<string, [string, string, string, string]>();
  for (const u of current)
    if (!cityRows.has(u.city))
      cityRows.set(u.city, [
        u.city,
        u.cityName,
        u.cityName === u.provinceName ? PROVINCE_EN[u.province]! : cityUnitNameEn(u.cityName),
        u.province,
      ]);
  const cities = [...cityRows.values()].sort((a, b) => a[0].localeCompare(b[0]));
  return (
    `{"columns":${JSON.stringify(INDEX_COLUMNS)},\n"counties":[\n` +
    counties.map((r) => JSON.stringify(r)).join(',\n') +
    `\n],\n"cities":[\n` +
    cities.map((r) => JSON.stringify(r)).join(',\n') +
    '\n]}\n'
  );
}

/** Provinces: code, name, English name, bbox of their counties (2 decimals, outward), unit count. */
export function provincesText(features: Feature<Area, NationalProps>[], current: CurrentUnit[]): string {
  const box = new Map<string, Bbox>();
  for (const f of features) box.set(f.properties.province, union(box.get(f.properties.province), bboxOf(f.geometry)));
  const seen = new Map<string, { code: string; name: string; name_en: string; bbox: Bbox | null; counties: number }>();
  for (const u of current) {
    const p = seen.get(u.province) ?? {
      code: u.province,
      name: u.provinceName,
      name_en: PROVINCE_EN[u.province] ?? u.provinceName,
      bbox: box.has(u.province) ? roundBbox(box.get(u.province)!) : null,
      counties: 0,
    };
    p.counties++;
    seen.set(u.province, p);
  }
  const rows = [...seen.values()].sort((a, b) => a.code.localeCompare(b.code));
  return '[\n' + rows.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n';
}
