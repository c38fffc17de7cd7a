import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { BORDER_OBJECT } from './borders.ts';
import { bboxOf, parseTopology, topologyFeatures, type Bbox } from './outputs.ts';
import { buildTiles } from './tiles.ts';

/** Tile layer names: county polygons, and province borders / national outline as lines. */
export const COUNTY_LAYER = 'counties';
export const BORDER_LAYER = 'provinces';

/** Builds every tile from the text of the committed topology (geo/national/counties.topo.json). */
export function tilesFromTopologyText(text: string): Map<string, Uint8Array> {
  const topo = parseTopology(text);
  const counties = topologyFeatures(topo);
  const borders = feature(topo, topo.objects[BORDER_OBJECT] as GeometryCollection) as FeatureCollection;
  let box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of counties) {
    const b = bboxOf(f.geometry);
    box = [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])];
  }
  return buildTiles(
    { [COUNTY_LAYER]: { type: 'FeatureCollection', features: counties }, [BORDER_LAYER]: borders },
    box,
  );
}

export function tilesFromTopologyFile(path: string): Map<string, Uint8Array> {
  return tilesFromTopologyText(readFileSync(path, 'utf8'));
}
