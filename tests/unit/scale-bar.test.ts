/**
 * The scale bar (carto/scale.ts, map/scale-bar.ts): the distance it shows, its words in each
 * language, and that the map's bar touches the page only when what it shows changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metresPerPixel, scaleBar } from '../../src/carto/scale.ts';
import { scaleUnits } from '../../src/map/map-locale.ts';
import { ScaleWriter, scaleShown, type ScaleTarget } from '../../src/map/scale-bar.ts';

const NICE = [1, 2, 3, 5];

describe('scaleBar', () => {
  it('measures Web Mercator at 512-pixel tiles: 78 271.5 m a pixel at zoom 0 on the equator, half at 60°', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.517, 2);
    expect(metresPerPixel(0, 60)).toBeCloseTo(78_271.517 / 2, 2);
    expect(metresPerPixel(8, 0)).toBeCloseTo(78_271.517 / 256, 4);
  });

  it('shows the longest 1, 2, 3 or 5 × 10ⁿ metres that fits in 100 pixels, at any zoom and latitude of the app', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 3, max: 16, noNaN: true }),
        fc.double({ min: 15, max: 55, noNaN: true }),
        (zoom, lat) => {
          const { px, metres } = scaleBar(zoom, lat);
          const pow = 10 ** Math.floor(Math.log10(metres) + 1e-9);
          expect(NICE).toContain(Math.round(metres / pow));
          expect(px).toBeLessThanOrEqual(100 + 1e-9);
          // The next nice distance up would not fit.
          const next = NICE.map((d) => d * pow)
            .concat(10 * pow)
            .find((m) => m > metres + 1e-9)!;
          expect(next / metresPerPixel(zoom, lat)).toBeGreaterThan(100);
        },
      ),
    );
  });

  it('says the distance in the UI language, with a no-break space', () => {
    // The app's default view: zoom 7.3 at 36.1° N, about 401 m a pixel, so 30 km in 75 px.
    expect(scaleBar(7.3, 36.1, scaleUnits('zh')).label).toBe('30\u00a0千米');
    expect(scaleBar(7.3, 36.1, scaleUnits('en')).label).toBe('30\u00a0km');
    expect(scaleBar(16, 36.1, scaleUnits('zh')).label).toBe('50\u00a0米');
    expect(scaleBar(16, 36.1).label).toBe('50\u00a0m');
  });
});

/** An element that counts what is written to it. */
function target(): ScaleTarget & { writes: string[] } {
  const writes: string[] = [];
  let width = '';
  let text: string | null = null;
  return {
    writes,
    style: {
      get width() {
        return width;
      },
      set width(value: string) {
        writes.push(`width ${value}`);
        width = value;
      },
    },
    get textContent() {
      return text;
    },
    set textContent(value: string | null) {
      writes.push(`text ${value}`);
      text = value;
    },
  };
}

describe('ScaleWriter', () => {
  it('writes a whole-pixel width and the label at first', () => {
    const el = target();
    new ScaleWriter(el, scaleUnits('zh')).show(7.3, 36.1);
    const { width, label } = scaleShown(7.3, 36.1, scaleUnits('zh'));
    expect(Number.isInteger(width)).toBe(true);
    expect(el.writes).toEqual([`width ${width}px`, `text ${label}`]);
    expect(el.style.width).toBe(`${width}px`);
  });

  it('writes nothing while a pan keeps the bar as it is, and only the width when a zoom changes only that', () => {
    const el = target();
    const writer = new ScaleWriter(el, scaleUnits('en'));
    writer.show(7.3, 36.1);
    el.writes.length = 0;
    // A drag of a few hundred pixels at this zoom moves the centre by about a hundredth of a degree a frame.
    const lats = Array.from({ length: 20 }, (_, i) => 36.1 + (i + 1) * 0.01);
    for (const lat of lats) writer.show(7.3, lat);
    const widths = [36.1, ...lats].map((lat) => scaleShown(7.3, lat, scaleUnits('en')).width);
    const changes = widths.filter((w, i) => i > 0 && w !== widths[i - 1]).length;
    expect(changes).toBeLessThanOrEqual(1);
    expect(el.writes).toHaveLength(changes);
    el.writes.length = 0;
    writer.show(7.35, 36.3);
    expect(el.writes).toEqual([`width ${scaleShown(7.35, 36.3, scaleUnits('en')).width}px`]);
  });

  it('rewrites the label when the distance changes', () => {
    const el = target();
    const writer = new ScaleWriter(el, scaleUnits('en'));
    writer.show(7.3, 36.1);
    writer.show(9, 36.1);
    expect(el.textContent).toBe(scaleShown(9, 36.1, scaleUnits('en')).label);
    expect(el.writes.filter((w) => w.startsWith('text'))).toHaveLength(2);
  });
});
