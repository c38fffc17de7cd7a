import type { Position } from 'geojson';

/** Rounds to 5 decimals (~1 m), normalising -0 to 0. */
export function r5(x: number): number {
  const v = Math.round(x * 1e5) / 1e5;
  return v === 0 ? 0 : v;
}

export function roundPos(p: Position): [number, number] {
  return [r5(p[0]!), r5(p[1]!)];
}

/** Drops consecutive duplicate positions. */
export function dedupe(line: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of line) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Local metres per degree at a latitude (equirectangular; fine at county scale). */
export function metresPerDeg(lat: number): [number, number] {
  return [111320 * Math.cos((lat * Math.PI) / 180), 110540];
}

/** Distance in metres from p to segment ab, and the nearest point. */
export function pointSegment(
  p: readonly [number, number],
  a: readonly [number, number],
  b: readonly [number, number],
): { d: number; q: [number, number] } {
  const [kx, ky] = metresPerDeg(p[1]);
  const ax = (a[0] - p[0]) * kx;
  const ay = (a[1] - p[1]) * ky;
  const bx = (b[0] - p[0]) * kx;
  const by = (b[1] - p[1]) * ky;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const qx = ax + t * dx;
  const qy = ay + t * dy;
  return { d: Math.hypot(qx, qy), q: [p[0] + qx / kx, p[1] + qy / ky] };
}

/** Nearest point on a set of polylines, brute force. */
export function nearestOnLines(
  p: readonly [number, number],
  lines: readonly (readonly [number, number][])[],
): { d: number; q: [number, number] } {
  let best = { d: Infinity, q: [0, 0] as [number, number] };
  for (const l of lines) {
    for (let i = 0; i + 1 < l.length; i++) {
      const r = pointSegment(p, l[i]!, l[i + 1]!);
      if (r.d < best.d) best = r;
    }
  }
  return best;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

export function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * Serialises a FeatureCollection with one feature per line: compact, diff-friendly, stable
 * (key order is the order the build constructs objects in), with a trailing newline.
 */
export function featureCollectionText(features: unknown[]): string {
  if (features.length === 0) return '{"type":"FeatureCollection","features":[]}\n';
  return '{"type":"FeatureCollection","features":[\n' + features.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n';
}

/** Serialises an array with one record per line, trailing newline. */
export function arrayText(records: unknown[]): string {
  if (records.length === 0) return '[]\n';
  return '[\n' + records.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n';
}
