/**
 * Synthetic data for the stress mode: the real counties copied onto a grid of offsets, and
 * 10,000 park points. Everything it makes passes geo/schema.ts `parseCollection`, so the app
 * loads it as it would load real data (the runner checks this before measuring).
 */
import type { Position } from 'geojson';
import {
  BOUNDS,
  PARK_KINDS,
  parseCollection,
  type Counties,
  type CountyFeature,
  type ParkFeature,
  type Parks,
} from '../../geo/schema.ts';

type BBox = [number, number, number, number];

function bboxOf(counties: Counties): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (x: unknown): void => {
    if (!Array.isArray(x)) return;
    if (typeof x[0] === 'number') {
      const [lon, lat] = x as Position;
      box[0] = Math.min(box[0], lon!);
      box[1] = Math.min(box[1], lat!);
      box[2] = Math.max(box[2], lon!);
      box[3] = Math.max(box[3], lat!);
      return;
    }
    for (const y of x) walk(y);
  };
  for (const feature of counties.features) walk(feature.geometry.coordinates);
  return box;
}

/** Steps between copies, in degrees: about one Linfen–Yuncheng cluster apart. */
const STEP_LON = 3.3;
const STEP_LAT = 2.6;

/**
 * Grid offsets that keep every copy inside BOUNDS, nearest to the real data first, so the
 * first copies crowd the default view the way denser real data would. Offset 0 comes first.
 */
function offsets(box: BBox, count: number): [number, number][] {
  const cells: [number, number][] = [];
  const iMin = Math.ceil((BOUNDS.minLon - box[0]) / STEP_LON);
  const iMax = Math.floor((BOUNDS.maxLon - box[2]) / STEP_LON);
  const jMin = Math.ceil((BOUNDS.minLat - box[1]) / STEP_LAT);
  const jMax = Math.floor((BOUNDS.maxLat - box[3]) / STEP_LAT);
  for (let i = iMin; i <= iMax; i++) for (let j = jMin; j <= jMax; j++) cells.push([i, j]);
  cells.sort((a, b) => a[0] ** 2 + a[1] ** 2 - (b[0] ** 2 + b[1] ** 2) || a[0] - b[0] || a[1] - b[1]);
  if (cells.length < count) throw new Error(`only ${cells.length} grid cells fit inside BOUNDS, ${count} wanted`);
  return cells.slice(0, count).map(([i, j]) => [i * STEP_LON, j * STEP_LAT]);
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

function translate(x: unknown, dx: number, dy: number): unknown {
  if (!Array.isArray(x)) return x;
  if (typeof x[0] === 'number') return [round((x[0] as number) + dx), round((x[1] as number) + dy)];
  return x.map((y) => translate(y, dx, dy));
}

/**
 * `times` copies of the counties. Copy 0 is the real data, untouched (so the app's indicators
 * and links still find their counties); copy k ≥ 1 gets codes 5kkiii (500000 + k·1000 + i),
 * names suffixed with k, no sector, and its geometry moved by the k-th grid offset.
 */
export function multiplyCounties(real: Counties, times: number): Counties {
  if (!Number.isInteger(times) || times < 1 || times > 100) throw new Error('times must be 1–100');
  if (real.features.length >= 1000) throw new Error('the code scheme allows at most 999 counties');
  const grid = offsets(bboxOf(real), times);
  const features: CountyFeature[] = [...real.features];
  for (let k = 1; k < times; k++) {
    const [dx, dy] = grid[k]!;
    real.features.forEach((feature, i) => {
      const code = String(500000 + k * 1000 + i);
      features.push({
        type: 'Feature',
        properties: {
          code,
          name: `${feature.properties.name}·${k}`,
          name_en: `${feature.properties.name_en} ${k}`,
          prefecture: feature.properties.prefecture,
          sector: null,
        },
        // The build's bounds and label point, moved with the shape.
        bbox: [
          round(feature.bbox[0] + dx),
          round(feature.bbox[1] + dy),
          round(feature.bbox[2] + dx),
          round(feature.bbox[3] + dy),
        ],
        label_point: translate(feature.label_point, dx, dy) as CountyFeature['label_point'],
        geometry: {
          type: feature.geometry.type,
          coordinates: translate(feature.geometry.coordinates, dx, dy),
        } as CountyFeature['geometry'],
      });
    });
  }
  return { type: 'FeatureCollection', features };
}

/** A small seeded generator (mulberry32), so every run measures the same points. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` park points, each at a seeded random spot in a real county's bounding box. */
export function syntheticParks(real: Counties, count: number): Parks {
  const rand = random(20261129);
  const boxes = real.features.map((feature) => bboxOf({ type: 'FeatureCollection', features: [feature] }));
  const features: ParkFeature[] = [];
  for (let p = 0; p < count; p++) {
    const c = p % real.features.length;
    const [w, s, e, n] = boxes[c]!;
    features.push({
      type: 'Feature',
      properties: {
        id: `bench-park-${p}`,
        name: `基准园区 ${p}`,
        name_en: `Bench park ${p}`,
        kind: PARK_KINDS[p % PARK_KINDS.length]!,
        county: real.features[c]!.properties.code,
        precision: 'approximate',
        note: '',
      },
      geometry: { type: 'Point', coordinates: [round(w + rand() * (e - w)), round(s + rand() * (n - s))] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Throws unless the app's own loader check would accept the data. */
export function assertValid(kind: 'counties' | 'parks', data: unknown): void {
  const result = parseCollection(kind, data);
  if (!result.ok) throw new Error(`synthetic ${kind} fail geo/schema.ts parseCollection: ${result.error}`);
}
