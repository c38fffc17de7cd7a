/**
 * A scale bar for a Web Mercator view: the longest "nice" distance (1, 2, 3 or 5 × 10ⁿ metres, the
 * steps MapLibre's own scale control uses) that fits in `maxPx` CSS pixels at the view's centre
 * latitude. The map's own bar (map/scale-bar.ts) and the PNG export's both come from here, so the
 * picture says what the screen said.
 */
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
/** MapLibre's tiles are 512 px wide at zoom 0. */
const TILE_PX = 512;

export function metresPerPixel(zoom: number, lat: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (TILE_PX * 2 ** zoom);
}

/** The words for the bar's units, in the UI language (map-locale.ts has MapLibre's). */
export interface ScaleUnits {
  metres: string;
  kilometres: string;
}

const SI: ScaleUnits = { metres: 'm', kilometres: 'km' };

/** `maxPx` is MapLibre's own default: a bar at most 100 CSS pixels long. */
export function scaleBar(
  zoom: number,
  lat: number,
  units: ScaleUnits = SI,
  maxPx = 100,
): { px: number; metres: number; label: string } {
  const mpp = metresPerPixel(zoom, lat);
  const maxMetres = mpp * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 3, 2, 1].find((d) => d * pow <= maxMetres) ?? 1;
  const metres = step * pow;
  // A no-break space, so "30 km" never wraps inside the bar.
  const label = metres >= 1000 ? `${metres / 1000}\u00a0${units.kilometres}` : `${metres}\u00a0${units.metres}`;
  return { px: metres / mpp, metres, label };
}
