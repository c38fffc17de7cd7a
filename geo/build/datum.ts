import type { RawCounty } from './counties';
import { rings } from './counties';
import { bd09ToGcj02, gcj02ToWgs84, gcjShift } from './gcj02';
import { mean, median, metresPerDeg, nearestOnLines } from './util';
import type { Line } from './rivers';

export type DatumReport = {
  vertices: number;
  rawMedianM: number;
  rawMeanM: number;
  convertedMedianM: number;
  convertedMeanM: number;
  /** Median distance if the data were BD-09 (Baidu) and converted as such. */
  bd09MedianM: number;
  /** Median distance after the best-fit translation: the floor set by the two datasets' detail. */
  fittedMedianM: number;
  /** Best-fit translation of the county vertices onto the river (degrees: lon, lat), and metres. */
  fitShiftDeg: [number, number];
  fitShiftM: [number, number];
  /** The GCJ-02 offset predicted at the vertices' centre (degrees, metres). */
  gcjShiftDeg: [number, number];
  gcjShiftM: [number, number];
  verdict: 'GCJ-02' | 'WGS 84';
};

/**
 * Compares the county boundary vertices that lie along the Yellow River (within `near` metres
 * of GSHHG's WDBII line, a WGS 84 dataset) with that line:
 *  - median/mean distance of the vertices to the river as given, and after GCJ-02 → WGS 84;
 *  - a best-fit translation found by iterating closest points (ICP): shift ← shift + mean of
 *    (nearest river point − shifted vertex), over vertices within 2 km; the border runs both
 *    north–south (Shaanxi) and east–west (Henan), so both components are constrained.
 * The verdict is GCJ-02 when converting brings the vertices markedly closer to the river and the
 * fitted shift points the way GCJ-02's offset does.
 */
export function measureDatum(
  counties: RawCounty[],
  yellow: Line[],
  cities: ReadonlySet<string>,
  near = 3000,
): DatumReport {
  const pts: [number, number][] = [];
  for (const c of counties) {
    if (!cities.has(c.prefecture)) continue;
    for (const r of rings(c.geometry)) for (const p of r) pts.push([p[0]!, p[1]!]);
  }
  // Unique vertices near the river (shared borders list vertices twice).
  const key = new Set<string>();
  const sel: [number, number][] = [];
  for (const p of pts) {
    const k = `${p[0]},${p[1]}`;
    if (key.has(k)) continue;
    key.add(k);
    if (nearestOnLines(p, yellow).d <= near) sel.push(p);
  }
  sel.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const raw = sel.map((p) => nearestOnLines(p, yellow).d);
  const conv = sel.map((p) => nearestOnLines(gcj02ToWgs84(p[0], p[1]), yellow).d);
  const bd = sel.map((p) => {
    const g = bd09ToGcj02(p[0], p[1]);
    return nearestOnLines(gcj02ToWgs84(g[0], g[1]), yellow).d;
  });
  let t: [number, number] = [0, 0];
  for (let it = 0; it < 60; it++) {
    const dx: number[] = [];
    const dy: number[] = [];
    for (const p of sel) {
      const q: [number, number] = [p[0] + t[0], p[1] + t[1]];
      const n = nearestOnLines(q, yellow);
      if (n.d > 2000) continue;
      dx.push(n.q[0] - q[0]);
      dy.push(n.q[1] - q[1]);
    }
    const step: [number, number] = [mean(dx), mean(dy)];
    t = [t[0] + step[0], t[1] + step[1]];
    if (Math.abs(step[0]) < 1e-7 && Math.abs(step[1]) < 1e-7) break;
  }
  const fitted = sel.map((p) => nearestOnLines([p[0] + t[0], p[1] + t[1]], yellow).d);
  const cLon = median(sel.map((p) => p[0]));
  const cLat = median(sel.map((p) => p[1]));
  const [kx, ky] = metresPerDeg(cLat);
  const g = gcjShift(cLon, cLat);
  const rawMed = median(raw);
  const convMed = median(conv);
  // GCJ-02 shifts points north-east; the fit moves vertices back (negative) if they are GCJ-02.
  const fitAgrees = t[0] * -g[0] + t[1] * -g[1] > 0.5 * (g[0] * g[0] + g[1] * g[1]);
  const verdict = convMed < 0.8 * rawMed && fitAgrees ? 'GCJ-02' : 'WGS 84';
  return {
    vertices: sel.length,
    rawMedianM: rawMed,
    rawMeanM: mean(raw),
    convertedMedianM: convMed,
    convertedMeanM: mean(conv),
    bd09MedianM: median(bd),
    fittedMedianM: median(fitted),
    fitShiftDeg: t,
    fitShiftM: [t[0] * kx, t[1] * ky],
    gcjShiftDeg: g,
    gcjShiftM: [g[0] * kx, g[1] * ky],
    verdict,
  };
}
