/**
 * A scale bar for a Web Mercator view: the longest "nice" distance (1, 2 or 5 × 10ⁿ metres) that
 * fits in `maxPx` CSS pixels at the view's centre latitude, as MapLibre's own scale control picks.
 */
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
/** MapLibre's tiles are 512 px wide at zoom 0. */
const TILE_PX = 512;

export function metresPerPixel(zoom: number, lat: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (TILE_PX * 2 ** zoom);
}

export function scaleBar(zoom: number, lat: number, maxPx = 100): { px: number; metres: number; label: string } {
  const mpp = metresPerPixel(zoom, lat);
  const maxMetres = mpp * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((d) => d * pow <= maxMetres) ?? 1;
  const metres = step * pow;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { px: metres / mpp, metres, label };
}
