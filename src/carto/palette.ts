/**
 * Every colour the map draws, in one place, so the legend shows exactly what the map paints.
 * Sector colours are Okabe–Ito, distinguishable with the common colour-vision deficiencies.
 */
import type { ParkKind } from '../../geo/schema.ts';

/**
 * Sector colours by the sector's place in its plan's list (`order`), cycling after eight. Every
 * plan's first sector shares a colour; plans lie far apart, and the legend names each.
 */
export const SECTOR_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#000000',
] as const;

export function sectorColour(order: number): string {
  return SECTOR_COLOURS[order % SECTOR_COLOURS.length]!;
}

/**
 * Compared places, by column: the compare panel's column marks and the map's outlines share these.
 * From Paul Tol's "muted" scheme (indigo, wine, olive, rose), made to stay apart under the common
 * colour-vision deficiencies, and chosen away from the Okabe–Ito sector colours so an outline never
 * vanishes into the sector it surrounds (three Linfen sectors compared side by side).
 */
export const COMPARE_COLOURS = ['#332288', '#882255', '#999933', '#cc6677'] as const;

export function compareColour(index: number): string {
  return COMPARE_COLOURS[index % COMPARE_COLOURS.length]!;
}

export const PARK_COLOURS: Record<ParkKind, string> = {
  'development-zone': '#cc79a7',
  'high-tech-zone': '#d55e00',
  'industrial-park': '#8c564b',
  'digital-industry-park': '#56b4e9',
  'bonded-zone': '#6a3d9a',
  'logistics-park': '#33a02c',
  'industry-town': '#b15928',
};

export const BASE = {
  land: '#f4f1ea',
  province: '#9b8f80',
  provinceLabel: '#7a6f62',
  county: '#6b6b6b',
  /** The national layer's county borders: context, lighter than the plan counties'. */
  nationalCounty: '#c4bcb0',
  countyHover: '#222222',
  selected: '#c2185b',
  related: '#7b1fa2',
  river: '#4a90c8',
  label: '#333333',
  halo: '#ffffff',
  noData: '#d9d9d9',
  /** Park clusters' rim and count, and park names: the parks' own dark brown. */
  cluster: '#5a4a3a',
} as const;
