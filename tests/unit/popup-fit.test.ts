import { describe, expect, it } from 'vitest';
import { panToFit, type Box } from '../../src/map/popup-fit.ts';

const MAP: Box = { left: 0, top: 50, right: 1000, bottom: 800 };
const NO_MARGIN = { left: 0, top: 0, right: 0, bottom: 0 };
const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('panToFit', () => {
  it.each<[string, Box, [number, number]]>([
    ['a popup inside the map stays', box(100, 100, 300, 300), [0, 0]],
    ['a popup running off the bottom moves up by the overflow', box(100, 408, 300, 480), [0, 88]],
    ['a popup running off the top moves down', box(100, 20, 300, 200), [0, -30]],
    ['a popup running off the right moves left', box(900, 100, 300, 200), [200, 0]],
    ['a popup running off the left moves right', box(-40, 100, 300, 200), [-40, 0]],
    ['a popup taller than the map keeps its top in view', box(100, 300, 300, 900), [0, 250]],
    ['a popup wider than the map keeps its left edge in view', box(50, 100, 1200, 200), [50, 0]],
  ])('%s', (_name, popup, offset) => {
    expect(panToFit(popup, MAP, NO_MARGIN)).toEqual(offset);
  });

  it('keeps the margins free for the controls', () => {
    expect(panToFit(box(100, 500, 300, 280), MAP, { left: 10, top: 10, right: 10, bottom: 40 })).toEqual([0, 20]);
  });
});
