/**
 * Indicator choropleths, pure: which indicators several counties share (a "measure"), how their
 * values fall into classes, and the fill expression that paints them. Counties without a value get
 * the "no data" colour, never a guessed class.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Indicator } from '../../geo/schema.ts';
import type { Registry } from '../data/places.ts';
import { BASE } from '../carto/palette.ts';

export interface Measure {
  /** The id in the URL (`ind=area`): the members' shared id once their subject is taken out. */
  id: string;
  label: string;
  label_en: string;
  unit: string;
  /** One source when all members share it, else the first; shown in the legend. */
  source: Indicator['source'];
  /** County code → value. Thresholds and ranges are not plotted: they are not one number. */
  values: ReadonlyMap<string, number>;
}

/** Sequential ColorBrewer YlGnBu, five classes: ordered, print- and colour-blind-friendly. */
export const CLASS_COLOURS = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;

const MIN_MEMBERS = 3;

function measureId(indicator: Indicator, code: string): string {
  const prefix = `county-${code}-`;
  return indicator.id.startsWith(prefix) ? indicator.id.slice(prefix.length) : indicator.id;
}

export function countyMeasures(registry: Registry): Measure[] {
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
      source: first.source,
      values: new Map(members.map(({ code, indicator }) => [code, indicator.value as number])),
    });
  }
  return measures.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Quantile class breaks: `breaks[i]` is the lower bound of class i + 1. Quantiles keep every class
 * populated for skewed data such as areas, where equal intervals would leave most counties in one.
 */
export function quantileBreaks(values: readonly number[], classes = CLASS_COLOURS.length): number[] {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const value = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / classes))]!;
    if (breaks.length === 0 || value > breaks[breaks.length - 1]!) breaks.push(value);
  }
  return breaks.filter((b) => b > sorted[0]!);
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

export function choropleth(measure: Measure): Choropleth {
  const breaks = quantileBreaks([...measure.values.values()]);
  const colours = CLASS_COLOURS.slice(0, breaks.length + 1);
  const pairs: string[] = [];
  for (const [code, value] of measure.values) pairs.push(code, colours[classOf(value, breaks)]!);
  // A match needs at least one pair; with none, every county is simply "no data".
  const fill = (pairs.length === 0
    ? ['to-color', BASE.noData]
    : ['match', ['get', 'code'], ...pairs, BASE.noData]) as unknown as ExpressionSpecification;
  return { measure, breaks, colours, fill };
}
