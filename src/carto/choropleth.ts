/**
 * Indicator choropleths, pure: which figures colour the counties (a "measure": the census
 * indicators, and document or computed figures several counties share), how their values fall into
 * classes, and the fill expression that paints them. Counties without a value get the "no data"
 * colour, never a guessed class.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { ckmeans } from 'simple-statistics';
import type { Indicator } from '../../geo/schema.ts';
import type { Lang } from '../../geo/model/lang.ts';
import type { Registry } from '../data/places.ts';
import { BASE } from './palette.ts';

/** Where a measure's figures come from: a document (by stem), the geometry, or the census. */
export const CENSUS_SOURCE_ID = 'census';

export interface Measure {
  /** The id in the URL (`ind=area`, `ind=census-change`). */
  id: string;
  label: string;
  label_en: string;
  unit: string;
  /**
   * The unit in English where the values are already in it (the census's own `unit_en`: people,
   * years); absent, English words for `unit` come from i18n/format.ts, which converts the values too.
   */
  unit_en?: string;
  /** A change centres its classes on 0 with a diverging palette; a level uses a sequential one. */
  diverging: boolean;
  /** The period in both languages, for the legend (census: "2020年第七次人口普查" / "2020 census"). */
  period?: { zh: string; en: string };
  /** One source when all members share it, else the first; `census` for the census. */
  source: Pick<Indicator['source'], 'doc' | 'section'>;
  /** County code → value. Thresholds and ranges are not plotted: they are not one number. */
  values: ReadonlyMap<string, number>;
}

/** Sequential ColorBrewer YlGnBu, five classes: ordered, print- and colour-blind-friendly. */
export const CLASS_COLOURS = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
/** Diverging ColorBrewer RdBu: three classes below 0 (losses, red) and three above (gains, blue). */
export const DIVERGING_BELOW = ['#b2182b', '#ef8a62', '#fddbc7'] as const;
export const DIVERGING_ABOVE = ['#d1e5f0', '#67a9cf', '#2166ac'] as const;

const MIN_MEMBERS = 3;

function measureId(indicator: Indicator, code: string): string {
  const prefix = `county-${code}-`;
  return indicator.id.startsWith(prefix) ? indicator.id.slice(prefix.length) : indicator.id;
}

/** Document and computed figures that at least three counties share, by label and unit. */
function figureMeasures(registry: Registry): Measure[] {
  const groups = new Map<string, { members: { code: string; indicator: Indicator }[] }>();
  for (const indicator of registry.indicators.values()) {
    if (!indicator.subject.startsWith('county:') || typeof indicator.value !== 'number') continue;
    const key = `${indicator.label_en}\u0000${indicator.unit}`;
    const group = groups.get(key) ?? { members: [] };
    group.members.push({ code: indicator.subject.slice('county:'.length), indicator });
    groups.set(key, group);
  }
  const measures: Measure[] = [];
  for (const { members } of groups.values()) {
    if (members.length < MIN_MEMBERS) continue;
    const first = members[0]!.indicator;
    const ids = new Set(members.map(({ code, indicator }) => measureId(indicator, code)));
    measures.push({
      id: ids.size === 1 ? [...ids][0]! : first.id,
      label: first.label,
      label_en: first.label_en,
      unit: first.unit,
      diverging: false,
      source: first.source,
      values: new Map(members.map(({ code, indicator }) => [code, indicator.value as number])),
    });
  }
  // Ids are ASCII: code-unit order is theirs in every locale, and unlike localeCompare it needs no
  // ICU collator, whose first use (about 20 ms) would land in the registry, before the map's first frame.
  return measures.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Every census indicator, over the counties on the map. */
function censusMeasures(registry: Registry): Measure[] {
  const census = registry.census;
  if (census === null) return [];
  return census.indicators.map((d) => ({
    id: d.id,
    label: d.label,
    label_en: d.label_en,
    unit: d.unit,
    unit_en: d.unit_en,
    diverging: d.kind === 'change',
    period: { zh: d.period, en: d.period_en },
    source: { doc: CENSUS_SOURCE_ID, section: d.period_en },
    values: census.countyValues(d.id),
  }));
}

/** The unit a measure's values are written with in `lang` (for formatValue and the key's unit line). */
export function measureUnit(measure: Pick<Measure, 'unit' | 'unit_en'>, lang: Lang): string {
  return lang === 'en' && measure.unit_en !== undefined ? measure.unit_en : measure.unit;
}

/** The census indicators first (every county has them), then the documents' and the geometry's. */
export function countyMeasures(registry: Registry): Measure[] {
  return [...censusMeasures(registry), ...figureMeasures(registry)];
}

/** Lower bounds of every class after the first, from Ckmeans (optimal 1-D k-means) clusters. */
function clusterBreaks(values: readonly number[], classes: number): number[] {
  const unique = new Set(values).size;
  const k = Math.min(classes, unique);
  if (k < 2) return [];
  return ckmeans([...values], k)
    .slice(1)
    .map((cluster) => cluster[0]!);
}

/**
 * Class breaks: `breaks[i]` is the lower bound of class i + 1. Ckmeans groups similar values and
 * puts breaks in the gaps, which is honest for skewed data such as residents and areas.
 */
export function naturalBreaks(values: readonly number[], classes: number = CLASS_COLOURS.length): number[] {
  return clusterBreaks(values.filter(Number.isFinite), classes);
}

export function classOf(value: number, breaks: readonly number[]): number {
  let index = 0;
  while (index < breaks.length && value >= breaks[index]!) index++;
  return index;
}

export interface Choropleth {
  measure: Measure;
  breaks: number[];
  colours: string[];
  fill: ExpressionSpecification;
}

/** Breaks and colours of a change: 0 is always a break, losses and gains each get their own hues. */
export function divergingClasses(values: readonly number[]): { breaks: number[]; colours: string[] } {
  const finite = values.filter(Number.isFinite);
  const below = finite.filter((x) => x < 0);
  const above = finite.filter((x) => x >= 0);
  const kBelow = Math.min(DIVERGING_BELOW.length, new Set(below).size);
  const kAbove = Math.min(DIVERGING_ABOVE.length, new Set(above).size);
  const breaks = [
    ...clusterBreaks(below, kBelow),
    ...(kBelow > 0 && kAbove > 0 ? [0] : []),
    ...clusterBreaks(above, kAbove),
  ];
  const colours = [...DIVERGING_BELOW.slice(DIVERGING_BELOW.length - kBelow), ...DIVERGING_ABOVE.slice(0, kAbove)];
  return { breaks, colours };
}

export function choropleth(measure: Measure): Choropleth {
  const values = [...measure.values.values()];
  let breaks: number[];
  let colours: string[];
  if (measure.diverging) ({ breaks, colours } = divergingClasses(values));
  else {
    breaks = naturalBreaks(values);
    colours = CLASS_COLOURS.slice(0, breaks.length + 1);
  }
  const pairs: string[] = [];
  for (const [code, value] of measure.values) pairs.push(code, colours[classOf(value, breaks)] ?? BASE.noData);
  // A match needs at least one pair; with none, every county is simply "no data".
  const fill = (pairs.length === 0
    ? ['to-color', BASE.noData]
    : ['match', ['get', 'code'], ...pairs, BASE.noData]) as unknown as ExpressionSpecification;
  return { measure, breaks, colours, fill };
}

/** What the national layer adds to a census measure (data/national-data.svelte.ts). */
export interface NationalCensus {
  /** The national layer is on the map. */
  shown: boolean;
  /** Every province's census file is in, so classes over the country can be drawn. */
  allCensus: boolean;
  /** County code → value of a census indicator, over the whole country. */
  countyValues(id: string): ReadonlyMap<string, number>;
}

/**
 * The choropleth the counties are painted with for the indicator `ind`, or null: the one the map,
 * the panel's key and the PNG export's key all show. With the national layer on the map, a census
 * indicator colours the whole country with classes over the country, once every province's file
 * is in (until then, the plan counties' classes).
 */
export function activeChoropleth(
  measures: readonly Measure[],
  ind: string | null,
  national: NationalCensus,
): Choropleth | null {
  const measure = measures.find((m) => m.id === ind);
  if (measure === undefined) return null;
  if (national.shown && measure.source.doc === CENSUS_SOURCE_ID && national.allCensus)
    return choropleth({ ...measure, values: national.countyValues(measure.id) });
  return choropleth(measure);
}
