/**
 * Every colour the map draws, in one place, so the legend shows exactly what the map paints.
 * Sector colours are Okabe–Ito, distinguishable with the common colour-vision deficiencies.
 */
import type { ParkKind, SectorId } from '../../geo/schema.ts';

export const SECTOR_COLOURS: Record<SectorId, string> = {
  fen: '#0072b2',
  yellow: '#e69f00',
  taiyue: '#009e73',
};

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
  countyHover: '#222222',
  selected: '#c2185b',
  related: '#7b1fa2',
  river: '#4a90c8',
  label: '#333333',
  halo: '#ffffff',
  noData: '#d9d9d9',
} as const;
