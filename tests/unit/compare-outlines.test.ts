import { describe, expect, it } from 'vitest';
import type { PlaceKey } from '../../geo/model/place-key.ts';
import { COMPARE_COLOURS } from '../../src/carto/palette.ts';
import { COMPARE_LAYERS, compareOutlines } from '../../src/map/layers.ts';

const CHILDREN: Record<string, PlaceKey[]> = {
  'city:430400': ['county:430481', 'county:430482', 'park:hengyang-bonded-zone'],
  'city:141000': ['county:141002', 'sector:fen'],
};
const childrenOf = (key: PlaceKey): PlaceKey[] => CHILDREN[key] ?? [];

describe('compare outlines on the map', () => {
  it('hides both layers when nothing is compared', () => {
    for (const outline of compareOutlines([], childrenOf)) expect(outline.visible).toBe(false);
  });

  it('outlines counties in their columns’ colours, in picking order', () => {
    const [counties, sectors] = compareOutlines(['county:430482', 'county:430481'], childrenOf);
    expect(counties?.layer).toBe(COMPARE_LAYERS.counties);
    expect(counties?.visible).toBe(true);
    expect(counties?.filter).toEqual(['in', ['to-string', ['get', 'code']], ['literal', ['430482', '430481']]]);
    expect(counties?.colour).toEqual([
      'match',
      ['to-string', ['get', 'code']],
      '430482',
      COMPARE_COLOURS[0],
      '430481',
      COMPARE_COLOURS[1],
      COMPARE_COLOURS[0],
    ]);
    expect(sectors?.visible).toBe(false);
  });

  it('outlines sectors on the sector layer', () => {
    const [counties, sectors] = compareOutlines(['sector:fen', 'sector:yellow', 'sector:taiyue'], childrenOf);
    expect(counties?.visible).toBe(false);
    expect(sectors?.filter).toEqual(['in', ['to-string', ['get', 'id']], ['literal', ['fen', 'yellow', 'taiyue']]]);
  });

  it('outlines a city as its counties, all in the city’s colour, and not its sectors or parks', () => {
    const [counties, sectors] = compareOutlines(['city:141000', 'city:430400'], childrenOf);
    expect(counties?.filter).toEqual([
      'in',
      ['to-string', ['get', 'code']],
      ['literal', ['141002', '430481', '430482']],
    ]);
    expect(counties?.colour).toEqual([
      'match',
      ['to-string', ['get', 'code']],
      '141002',
      COMPARE_COLOURS[0],
      '430481',
      COMPARE_COLOURS[1],
      '430482',
      COMPARE_COLOURS[1],
      COMPARE_COLOURS[0],
    ]);
    expect(sectors?.visible).toBe(false);
  });
});
