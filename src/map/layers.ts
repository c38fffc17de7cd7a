/**
 * The app's own layers as pure functions of language: which style layers make up each toggle,
 * their paint, and the feature-state expressions for hover, selection and related places.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { PARK_KINDS } from '../../geo/schema.ts';
import type { Lang } from '../../geo/model/lang.ts';
import type { LayerId } from '../../geo/model/layers.ts';
import { LABEL_FONT, nameField } from './basemap-style.ts';
import { BASE, PARK_COLOURS, SECTOR_COLOURS } from '../carto/palette.ts';

/** GeoJSON sources the overlay reads, with the property MapLibre promotes to the feature id. */
export const OVERLAY_SOURCES = {
  counties: 'code',
  sectors: 'id',
  rivers: 'id',
  parks: 'id',
  'county-labels': 'code',
  'sector-labels': 'id',
} as const;

/** Which style layers each checkbox shows and hides. */
export const LAYER_GROUPS: Record<LayerId, string[]> = {
  sectors: ['sectors-fill', 'sectors-line'],
  counties: ['counties-fill', 'counties-line'],
  rivers: ['rivers-line'],
  parks: ['parks-cluster', 'parks-cluster-count', 'parks-approximate', 'parks-exact'],
  labels: ['province-label', 'county-label', 'sector-label', 'rivers-label', 'parks-label'],
};

/** Parks merge into clusters below this zoom. */
export const PARK_CLUSTER_MAX_ZOOM = 8;

/** Layers a click or hover can hit, topmost first, with the place type each one names. */
export const INTERACTIVE_LAYERS = [
  { layer: 'parks-exact', type: 'park', source: 'parks' },
  { layer: 'parks-approximate', type: 'park', source: 'parks' },
  { layer: 'rivers-line', type: 'river', source: 'rivers' },
  { layer: 'counties-fill', type: 'county', source: 'counties' },
  { layer: 'sectors-fill', type: 'sector', source: 'sectors' },
] as const;

const state = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];

/** The same rule as palette.ts's sectorColour(): the sector's `order`, cycling through the list. */
const sectorColour: ExpressionSpecification = [
  'match',
  ['%', ['get', 'order'], SECTOR_COLOURS.length],
  ...SECTOR_COLOURS.flatMap((colour, i) => [i, colour]),
  BASE.noData,
] as unknown as ExpressionSpecification;

const parkColour: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  ...PARK_KINDS.flatMap((kind) => [kind, PARK_COLOURS[kind]]),
  BASE.noData,
] as unknown as ExpressionSpecification;

/**
 * The county fill is drawn only under a choropleth. Otherwise its opacity is a constant 0, which
 * MapLibre skips drawing altogether (a transparent colour would still cost a full-screen fill on
 * software WebGL), while the layer stays queryable for clicks and hover.
 */
export const COUNTY_FILL_HIDDEN = 0;
export const COUNTY_FILL_SHOWN: ExpressionSpecification = ['case', state('hover'), 0.95, 0.8];

const labelPaint = {
  'text-color': BASE.label,
  'text-halo-color': BASE.halo,
  'text-halo-width': 1.5,
};

export function overlayLayers(lang: Lang): LayerSpecification[] {
  const name = nameField(lang);
  const layers: LayerSpecification[] = [
    {
      id: 'sectors-fill',
      type: 'fill',
      source: 'sectors',
      paint: {
        'fill-color': sectorColour,
        'fill-opacity': ['case', state('selected'), 0.45, state('hover'), 0.38, 0.28],
      },
    },
    {
      id: 'counties-fill',
      type: 'fill',
      source: 'counties',
      paint: { 'fill-color': BASE.noData, 'fill-opacity': COUNTY_FILL_HIDDEN },
    },
    {
      id: 'counties-line',
      type: 'line',
      source: 'counties',
      paint: {
        'line-color': ['case', state('selected'), BASE.selected, state('related'), BASE.related, BASE.county],
        'line-width': ['case', state('selected'), 3, state('related'), 2.5, state('hover'), 2, 0.8],
      },
    },
    {
      id: 'sectors-line',
      type: 'line',
      source: 'sectors',
      paint: {
        'line-color': ['case', state('selected'), BASE.selected, sectorColour],
        'line-width': ['case', state('selected'), 4, state('related'), 3.5, state('hover'), 3.5, 2.5],
      },
    },
    {
      id: 'rivers-line',
      type: 'line',
      source: 'rivers',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['case', state('selected'), BASE.selected, BASE.river],
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          5,
          ['case', state('selected'), 3, state('hover'), 2.5, 1.2],
          10,
          ['case', state('selected'), 6, state('hover'), 5, 3],
        ],
      },
    },
    {
      // Parks cluster at overview zooms so thousands of points stay legible and cheap to draw.
      id: 'parks-cluster',
      type: 'circle',
      source: 'parks',
      filter: ['has', 'point_count'],
      paint: {
        'circle-radius': ['step', ['get', 'point_count'], 10, 10, 14, 100, 18, 1000, 24],
        'circle-color': 'rgba(255, 255, 255, 0.9)',
        'circle-stroke-color': '#5a4a3a',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'parks-cluster-count',
      type: 'symbol',
      source: 'parks',
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': LABEL_FONT,
        'text-size': 11,
        'text-allow-overlap': true,
        // The count always shows, and its collision box covers the whole circle.
        'text-padding': 12,
      },
      paint: { 'text-color': '#5a4a3a' },
    },
    {
      // A guessed location must never look exact: approximate parks are hollow rings.
      id: 'parks-approximate',
      type: 'circle',
      source: 'parks',
      filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'precision'], 'approximate']],
      paint: {
        'circle-radius': ['case', state('selected'), 9, state('hover'), 8, state('related'), 8, 6],
        'circle-color': 'rgba(255, 255, 255, 0.85)',
        'circle-stroke-color': ['case', state('selected'), BASE.selected, parkColour],
        'circle-stroke-width': ['case', state('selected'), 4, state('related'), 3.5, 2.5],
      },
    },
    {
      id: 'parks-exact',
      type: 'circle',
      source: 'parks',
      filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'precision'], 'exact']],
      paint: {
        'circle-radius': ['case', state('selected'), 9, state('hover'), 8, 6],
        'circle-color': parkColour,
        'circle-stroke-color': ['case', state('selected'), BASE.selected, BASE.halo],
        'circle-stroke-width': ['case', state('selected'), 3, 1.5],
      },
    },
    {
      id: 'rivers-label',
      type: 'symbol',
      source: 'rivers',
      minzoom: 6,
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 400,
        'text-field': name,
        'text-font': LABEL_FONT,
        'text-size': 12,
        'text-letter-spacing': 0.3,
      },
      paint: { 'text-color': '#2f6f9f', 'text-halo-color': BASE.halo, 'text-halo-width': 1.5 },
    },
    {
      id: 'sector-label',
      type: 'symbol',
      source: 'sector-labels',
      maxzoom: 9,
      layout: {
        'text-field': name,
        'text-font': LABEL_FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 6, 13, 9, 18],
        'text-allow-overlap': false,
        'symbol-sort-key': 0,
      },
      paint: {
        ...labelPaint,
        'text-color': sectorColour,
        'text-halo-width': 2,
      },
    },
    {
      id: 'county-label',
      type: 'symbol',
      source: 'county-labels',
      minzoom: 6.5,
      layout: {
        'text-field': name,
        'text-font': LABEL_FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, 11, 10, 14],
        'symbol-sort-key': 1,
        // One line ("Hongtong County", never "County" alone), kept clear of park clusters by
        // trying a few anchors around the county's interior point.
        'text-max-width': 20,
        'text-padding': 2,
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.6,
      },
      paint: labelPaint,
    },
    {
      id: 'parks-label',
      type: 'symbol',
      source: 'parks',
      minzoom: 8.5,
      filter: ['!', ['has', 'point_count']],
      layout: {
        'text-field': name,
        'text-font': LABEL_FONT,
        'text-size': 11,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { ...labelPaint, 'text-color': '#5a4a3a' },
    },
  ];
  // Park clusters go on top: MapLibre places the topmost symbols first, so labels then make room
  // for a cluster (moving to another anchor, or hiding) instead of lying under it.
  const isCluster = (layer: LayerSpecification): boolean => layer.id.startsWith('parks-cluster');
  return [...layers.filter((layer) => !isCluster(layer)), ...layers.filter(isCluster)];
}
