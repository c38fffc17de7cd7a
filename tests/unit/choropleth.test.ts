import { describe, expect, it } from 'vitest';
import {
  activeChoropleth,
  choropleth,
  classOf,
  countyMeasures,
  DIVERGING_ABOVE,
  DIVERGING_BELOW,
  divergingClasses,
  naturalBreaks,
  type Measure,
} from '../../src/carto/choropleth.ts';
import censusText from '../../geo/census.json?raw';
import indicatorsText from '../../geo/indicators.json?raw';
import { parseCensusFile, parseIndicators, type Result } from '../../geo/schema.ts';
import { censusLookup } from '../../src/data/census.ts';
import { choroplethSection } from '../../src/carto/legend.ts';
import type { Registry } from '../../src/data/places.ts';

const measure = (values: number[], diverging = false): Measure => ({
  id: 'x',
  label: 'x',
  label_en: 'x',
  unit: '%',
  diverging,
  source: { doc: 'census', section: '2020 census' },
  values: new Map(values.map((v, i) => [String(141000 + i), v])),
});

describe('class breaks', () => {
  it('puts natural breaks in the gaps between clusters (Ckmeans)', () => {
    expect(naturalBreaks([1, 2, 3, 100, 101, 102, 1000], 3)).toEqual([100, 1000]);
  });

  it('makes no more classes than there are distinct values', () => {
    expect(naturalBreaks([5, 5, 5], 5)).toEqual([]);
    expect(naturalBreaks([1, 2], 5)).toEqual([2]);
  });

  it('classes values by their lower bounds', () => {
    expect([0, 99, 100, 999, 1000].map((v) => classOf(v, [100, 1000]))).toEqual([0, 0, 1, 1, 2]);
  });

  it('centres a change on 0: losses in red, gains in blue, 0 always a break', () => {
    const { breaks, colours } = divergingClasses([-20, -18, -5, -4, -1, 2, 3, 9, 10]);
    expect(breaks).toContain(0);
    const zero = breaks.indexOf(0);
    expect(colours.slice(0, zero + 1)).toEqual([...DIVERGING_BELOW]);
    expect(colours.slice(zero + 1)).toEqual([...DIVERGING_ABOVE]);
    expect(colours[classOf(-0.5, breaks)]).toBe(DIVERGING_BELOW[2]);
    expect(colours[classOf(0, breaks)]).toBe(DIVERGING_ABOVE[0]);
  });

  it('uses only the gain hues when nothing shrank', () => {
    const { breaks, colours } = divergingClasses([1, 2, 3, 4]);
    expect(breaks.every((b) => b > 0)).toBe(true);
    expect(colours.every((c) => (DIVERGING_ABOVE as readonly string[]).includes(c))).toBe(true);
  });

  it('paints no-data counties apart: they are not in the match', () => {
    const c = choropleth(measure([1, 2, 3]));
    expect(JSON.stringify(c.fill)).not.toContain('141009');
  });

  it('colours the real census change of the plan counties with both hues', () => {
    const census = JSON.parse(censusText) as {
      indicators: { id: string }[];
      places: Record<string, { v: (number | null)[] }>;
    };
    const i = census.indicators.findIndex((d) => d.id === 'census-change');
    const values = Object.entries(census.places)
      .filter(([k]) => k.startsWith('county:'))
      .flatMap(([, p]) => (typeof p.v[i] === 'number' ? [p.v[i]] : []));
    const c = choropleth(measure(values, true));
    expect(c.breaks).toContain(0);
    expect(c.colours.some((x) => (DIVERGING_BELOW as readonly string[]).includes(x))).toBe(true);
  });
});

describe('the measures offered for colouring', () => {
  const ok = <T>(result: Result<T>): T => {
    if (!result.ok) throw new Error(result.error);
    return result.data;
  };
  const census = ok(parseCensusFile(JSON.parse(censusText)));
  const indicators = ok(parseIndicators(JSON.parse(indicatorsText)));
  // The two parts of the registry countyMeasures reads, from the real data.
  const registry = {
    indicators: new Map(indicators.map((indicator) => [indicator.id, indicator])),
    census: censusLookup(census),
  } as unknown as Registry;

  it('lists the census indicators in their file order, then the shared figures by id', () => {
    const ids = countyMeasures(registry).map((m) => m.id);
    const censusIds = census.indicators.map((d) => d.id);
    expect(ids.slice(0, censusIds.length)).toEqual(censusIds);
    const figures = ids.slice(censusIds.length);
    expect(figures).toContain('area');
    // Code-unit order, the same in every locale (Array#sort's own).
    expect(figures).toEqual([...figures].sort());
  });

  it("writes each census key in the reader's language: its classes and unit in English words in English", () => {
    for (const m of countyMeasures(registry).filter((m) => m.source.doc === 'census')) {
      const d = census.indicators.find((i) => i.id === m.id)!;
      const en = choroplethSection(choropleth(m), 'en').entries.slice(0, -1);
      const zh = choroplethSection(choropleth(m), 'zh').entries.slice(0, -1);
      for (const { label } of en) {
        expect(label).not.toMatch(/[\u4e00-\u9fff]/);
        if (d.unit_en !== '%') expect(label).toContain(d.unit_en);
      }
      for (const { label } of zh) if (d.unit !== '%') expect(label).toContain(d.unit);
    }
  });

  it('labels a top class that holds one value with that value, not a range (9%, not 9–9%)', () => {
    const labels = choroplethSection(choropleth(measure([5, 6, 9])), 'zh').entries.map((e) => e.label);
    expect(labels).toEqual(['5–6%', '6–9%', '9%', '无数据']);
  });

  it('notes under each key its unit, period and source, so a picture or an embed names them', () => {
    const measures = countyMeasures(registry);
    const change = measures.find((m) => m.id === 'census-change')!;
    expect(choroplethSection(choropleth(change), 'zh').note).toBe(
      `单位：% · ${census.indicators.find((d) => d.id === 'census-change')!.period} · 第七次、第六次全国人口普查分县数据`,
    );
    const people = measures.find((m) => m.id === 'census-res2020')!;
    expect(choroplethSection(choropleth(people), 'en').note).toMatch(
      /^Unit: people · .+ · 2020 and 2010 county census data$/,
    );
    const area = measures.find((m) => m.id === 'area')!;
    expect(choroplethSection(choropleth(area), 'en').note).toBe(
      'Unit: km² · Computed by this app from the county boundaries',
    );
  });
});

describe('the choropleth the map, its key and the PNG export show', () => {
  const plan = { ...measure([1, 2, 3, 4, 5, 6]), id: 'census-density', source: { doc: 'census', section: '2020' } };
  const figure = { ...measure([10, 20, 30]), id: 'area', source: { doc: 'geometry', section: '' } };
  const countrywide = new Map([1, 50, 100, 500, 1000, 5000].map((v, i) => [String(110000 + i), v]));
  const national = (shown: boolean, allCensus: boolean) => ({
    shown,
    allCensus,
    countyValues: (id: string) => (id === plan.id ? countrywide : new Map<string, number>()),
  });

  it('is none when no indicator, or an unknown one, is chosen', () => {
    expect(activeChoropleth([plan, figure], null, national(false, false))).toBeNull();
    expect(activeChoropleth([plan, figure], 'nope', national(true, true))).toBeNull();
  });

  it("classes the plan counties' values while the national layer is off or still loading", () => {
    for (const n of [national(false, true), national(true, false)])
      expect(activeChoropleth([plan, figure], plan.id, n)?.breaks).toEqual(choropleth(plan).breaks);
  });

  it('classes a census indicator over the whole country once the national layer has every province', () => {
    const active = activeChoropleth([plan, figure], plan.id, national(true, true));
    expect(active?.measure.values).toBe(countrywide);
    expect(active?.breaks).toEqual(choropleth({ ...plan, values: countrywide }).breaks);
    expect(active?.breaks).not.toEqual(choropleth(plan).breaks);
  });

  it('keeps a document or geometry figure on the plan counties even with the national layer on', () => {
    expect(activeChoropleth([plan, figure], 'area', national(true, true))?.measure).toBe(figure);
  });
});
