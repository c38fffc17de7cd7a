/**
 * What a comparison can put side by side, and how: one row per indicator every compared place
 * shares, and whether the row may be drawn as a chart. Pure and tested (tests/unit/compare-rows.test.ts).
 *
 * - Census figures: every indicator, when every place has a census row (a place's "no data" is
 *   kept, and the row is then words, not bars).
 * - Figures computed from the boundaries (area, land share, member counties) and figures from the
 *   documents: only where each place has the same indicator, matched on its English label and
 *   unit (ids are per place: `county-430481-area`, `leiyang-gdp-2021`).
 * - A row is a chart only when every value is a plain number of one unit and one period: a
 *   threshold (> 400 亿元) against a number, an approximate figure, different periods, a rank or
 *   "no data" are shown as text, never as bars that would look comparable.
 */
import type { Lang } from '../../geo/model/lang.ts';
import type { PlaceKey } from '../../geo/model/place-key.ts';
import {
  GEOMETRY_SOURCE,
  type CensusIndicator,
  type Indicator,
  type IndicatorValue,
  type SourceDocument,
} from '../../geo/schema.ts';
import { NO_DATA, formatCensusValue } from '../i18n/census-format.ts';
import { documentName, formatPeriod, formatValue } from '../i18n/format.ts';
import { MESSAGES } from '../i18n/messages.ts';
import type { CensusLookup } from './census.ts';

export interface CompareData {
  indicatorsBySubject: ReadonlyMap<string, readonly Indicator[]>;
  census: CensusLookup | null;
}

export type CompareSource =
  { kind: 'census' } | { kind: 'geometry'; section: string } | { kind: 'document'; doc: string; section: string };

export interface CompareCell {
  key: PlaceKey;
  /** Null is "no data" (census only: a document figure a place lacks means no row at all). */
  value: IndicatorValue | null;
  source: CompareSource;
  /** The document figure behind the cell, for its period and notes; undefined for census cells. */
  indicator?: Indicator;
}

/** Why a row is text rather than a chart. */
export type NotDrawn = 'no-data' | 'threshold' | 'inexact' | 'periods' | 'rank';

export interface CompareRow {
  /** The census indicator id, or `doc:<label_en>|<unit>` for shared document and computed figures. */
  id: string;
  origin: 'census' | 'geometry' | 'document';
  label: Record<Lang, string>;
  /** Census rows: the indicator (unit, decimals, period); undefined otherwise. */
  census?: CensusIndicator;
  /** The document unit as the data gives it (亿元, km², %); census rows: the Chinese unit. */
  unit: string;
  cells: CompareCell[];
  /** A bar chart, a dot plot (shares), or null with the reason in notDrawn. */
  chart: 'bar' | 'dot' | null;
  notDrawn: NotDrawn | null;
}

const isShareLabel = (labelEn: string): boolean => /\bshare\b/i.test(labelEn);

function whyNotDrawn(values: (IndicatorValue | null)[], periods: string[], unit: string): NotDrawn | null {
  if (values.some((v) => v === null)) return 'no-data';
  if (values.some((v) => typeof v !== 'number' && v !== null && !('about' in v) && !('min' in v))) return 'threshold';
  if (values.some((v) => typeof v !== 'number')) return 'inexact';
  if (new Set(periods).size > 1) return 'periods';
  // A rank's bar would be longest for the worst place.
  if (unit === 'rank' || unit === 'places') return 'rank';
  return null;
}

function censusRows(data: CompareData, keys: readonly PlaceKey[]): CompareRow[] {
  const census = data.census;
  if (census === null) return [];
  const figures = keys.map((key) => census.figures(key));
  if (figures.some((f) => f === undefined)) return [];
  return census.indicators.map((indicator, i) => {
    const cells: CompareCell[] = keys.map((key, p) => ({
      key,
      value: figures[p]?.[i]?.value ?? null,
      source: { kind: 'census' },
    }));
    const notDrawn = whyNotDrawn(
      cells.map((c) => c.value),
      [],
      indicator.unit,
    );
    return {
      id: indicator.id,
      origin: 'census',
      label: { zh: indicator.label, en: indicator.label_en },
      census: indicator,
      unit: indicator.unit,
      cells,
      chart: notDrawn !== null ? null : indicator.kind === 'share' ? 'dot' : 'bar',
      notDrawn,
    };
  });
}

function figureRows(data: CompareData, keys: readonly PlaceKey[]): CompareRow[] {
  const match = (f: Indicator): string => `${f.label_en}|${f.unit}`;
  const perPlace = keys.map((key) => data.indicatorsBySubject.get(key) ?? []);
  const [first = [], ...rest] = perPlace;
  const rows: CompareRow[] = [];
  const done = new Set<string>();
  for (const figure of first) {
    const id = match(figure);
    if (done.has(id)) continue;
    done.add(id);
    const groups = [first, ...rest].map((list) => list.filter((f) => match(f) === id));
    if (groups.some((g) => g.length === 0)) continue;
    // One figure each: one row, whatever the periods. Several (a city's GDP growth in 2023 and in
    // 2024): one row per period they all have.
    const pairings: Indicator[][] = groups.every((g) => g.length === 1)
      ? [groups.map((g) => g[0]!)]
      : (groups[0] ?? [])
          .map((f) => groups.map((g) => g.find((other) => other.period === f.period)))
          .filter((row): row is Indicator[] => row.every((f) => f !== undefined));
    for (const figures of pairings) {
      const head = figures[0]!;
      const geometry = figures.every((f) => f.source.doc === GEOMETRY_SOURCE);
      const cells: CompareCell[] = figures.map((f, p) => ({
        key: keys[p]!,
        value: f.value,
        indicator: f,
        source:
          f.source.doc === GEOMETRY_SOURCE
            ? { kind: 'geometry', section: f.source.section }
            : { kind: 'document', doc: f.source.doc, section: f.source.section },
      }));
      const notDrawn = whyNotDrawn(
        figures.map((f) => f.value),
        figures.map((f) => f.period),
        head.unit,
      );
      rows.push({
        id: pairings.length > 1 ? `doc:${id}|${head.period}` : `doc:${id}`,
        origin: geometry ? 'geometry' : 'document',
        label: { zh: head.label, en: head.label_en },
        unit: head.unit,
        cells,
        chart: notDrawn !== null ? null : head.unit === '%' && isShareLabel(head.label_en) ? 'dot' : 'bar',
        notDrawn,
      });
    }
  }
  // Computed figures (area first) before the documents' own.
  return [...rows.filter((r) => r.origin === 'geometry'), ...rows.filter((r) => r.origin === 'document')];
}

/** The rows for places compared in this order: census, then computed, then document figures. */
export function compareRows(data: CompareData, keys: readonly PlaceKey[]): CompareRow[] {
  if (keys.length === 0) return [];
  return [...censusRows(data, keys), ...figureRows(data, keys)];
}

/** The plain numbers of a chartable row, in column order. */
export function rowNumbers(row: CompareRow): number[] {
  return row.cells.map((cell) => (typeof cell.value === 'number' ? cell.value : NaN));
}

// ---------------------------------------------------------------- words

/** A cell's value in words: census values with their decimals and unit, document values as the card gives them. */
export function formatCell(row: CompareRow, value: IndicatorValue | null, lang: Lang): string {
  if (value === null) return NO_DATA[lang];
  const census = row.census;
  if (census === undefined) return formatValue(value, row.unit, lang);
  if (typeof value !== 'number') return formatValue(value, lang === 'zh' ? census.unit : census.unit_en, lang);
  return formatCensusValue(value, census, lang);
}

/** A short number for a chart's value label (the full value is in the table beside it). */
export function formatShort(row: CompareRow, value: number, lang: Lang): string {
  if (row.census !== undefined) return formatCell(row, value, lang);
  return formatValue(value, row.unit, lang);
}

/** The period of a row, or of each cell when they differ. */
export function rowPeriods(row: CompareRow, lang: Lang): string[] {
  if (row.census !== undefined) return [lang === 'zh' ? row.census.period : row.census.period_en];
  const periods = row.cells.map((cell) => (cell.indicator ? formatPeriod(cell.indicator, lang).text : ''));
  return [...new Set(periods)];
}

const UNIT_NAMES: Record<Lang, Record<string, string>> = {
  zh: { count: '个', year: '年', rank: '位', places: '位' },
  en: {
    count: 'count',
    亿元: 'CNY bn',
    万元: 'CNY m',
    元: 'CNY',
    万人: 'thousand people',
    万吨: 'thousand t',
    吨: 't',
    万千瓦: 'MW',
    亩: 'ha',
    百分点: 'percentage points',
    倍: '×',
  },
};

/** The unit a row is read in, for its heading: `人` / `people`, `km²`, `亿元` / `CNY bn`. */
export function rowUnit(row: CompareRow, lang: Lang): string {
  if (row.census !== undefined) return lang === 'zh' ? row.census.unit : row.census.unit_en;
  return UNIT_NAMES[lang][row.unit] ?? row.unit;
}

/**
 * The line under a row's label: its unit, period (or each cell's) and source, as the panel and the
 * PNG write it: 单位：人 · 2020年 · 来源：第七次、第六次全国人口普查分县数据.
 */
export function rowMeta(row: CompareRow, lang: Lang, documents: ReadonlyMap<string, SourceDocument>): string {
  const t = MESSAGES[lang];
  const sources = row.cells.map((cell) => {
    if (cell.source.kind === 'census') return t.compareCensusSource;
    if (cell.source.kind === 'geometry' || cell.source.doc === GEOMETRY_SOURCE) return t.computed;
    return documentName(documents.get(cell.source.doc), lang);
  });
  const source = `${t.source}${lang === 'zh' ? '：' : ': '}${[...new Set(sources)].join(' · ')}`;
  return [t.unitLabel(rowUnit(row, lang)), rowPeriods(row, lang).join(' / '), source].join(' · ');
}
