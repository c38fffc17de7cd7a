/**
 * GCJ-02 ("Mars coordinates") ⇄ WGS 84.
 *
 * Forward transform: the widely published reimplementation of the GCJ-02 obfuscation
 * (Krasovsky 1940 ellipsoid, a = 6378245 m, e² = 0.00669342162296594323):
 *   x = lon − 105, y = lat − 35
 *   dLat = −100 + 2x + 3y + 0.2y² + 0.1xy + 0.2√|x|
 *          + (20 sin 6πx + 20 sin 2πx)·2/3 + (20 sin πy + 40 sin πy/3)·2/3
 *          + (160 sin πy/12 + 320 sin πy/30)·2/3
 *   dLon = 300 + x + 2y + 0.1x² + 0.1xy + 0.1√|x|
 *          + (20 sin 6πx + 20 sin 2πx)·2/3 + (20 sin πx + 40 sin πx/3)·2/3
 *          + (150 sin πx/12 + 300 sin πx/30)·2/3
 *   with m = 1 − e² sin² φ:
 *   Δφ = dLat·180 / (π · a(1 − e²) / m^1.5),  Δλ = dLon·180 / (π · a / √m · cos φ)
 *   gcj = wgs + (Δλ, Δφ)
 * Inverse: fixed-point iteration wgs ← gcj − (forward(wgs) − wgs), starting at wgs = gcj;
 * the shift varies slowly, so a few iterations converge below 1e-9°.
 */
const A = 6378245.0;
const EE = 0.006693421622965943; // 0.00669342162296594323, to double precision

function dLatRaw(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function dLonRaw(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS 84 → GCJ-02 shift (degrees) at a WGS 84 point. */
export function gcjShift(lon: number, lat: number): [number, number] {
  const x = lon - 105;
  const y = lat - 35;
  const radLat = (lat / 180) * Math.PI;
  const m = 1 - EE * Math.sin(radLat) ** 2;
  const sq = Math.sqrt(m);
  const dLat = (dLatRaw(x, y) * 180) / (((A * (1 - EE)) / (m * sq)) * Math.PI);
  const dLon = (dLonRaw(x, y) * 180) / ((A / sq) * Math.cos(radLat) * Math.PI);
  return [dLon, dLat];
}

export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  const [dx, dy] = gcjShift(lon, lat);
  return [lon + dx, lat + dy];
}

export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  let wLon = lon;
  let wLat = lat;
  for (let i = 0; i < 20; i++) {
    const [gLon, gLat] = wgs84ToGcj02(wLon, wLat);
    const eLon = gLon - lon;
    const eLat = gLat - lat;
    wLon -= eLon;
    wLat -= eLat;
    if (Math.abs(eLon) < 1e-10 && Math.abs(eLat) < 1e-10) break;
  }
  return [wLon, wLat];
}

/**
 * BD-09 (Baidu) → GCJ-02, the published inverse of Baidu's extra offset; used only to test the
 * hypothesis that a dataset is BD-09 rather than GCJ-02.
 */
export function bd09ToGcj02(lon: number, lat: number): [number, number] {
  const X = (Math.PI * 3000.0) / 180.0;
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}
