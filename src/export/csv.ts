/**
 * CSV for spreadsheets, pure. RFC 4180 (CRLF, quotes doubled, fields with separators quoted),
 * with a UTF-8 byte-order mark because Excel otherwise reads Chinese as mojibake.
 *
 * A layer's CSV is long ("tidy"): one row per feature and indicator, the feature's properties
 * repeated on each, and one row with empty indicator columns for a feature without figures.
 * Figures differ in unit, period and source, so a column per indicator would lose exactly what
 * makes them citable; a long table keeps every figure whole and pivots in any spreadsheet.
 * Headers are field names, as in the GeoJSON, so the file reads the same in either language;
 * each meaning has one column (a park's location `note` and a figure's `indicator_note` differ).
 * Documents appear by title beside their stem, since a file stem means nothing to a reader.
 */
import type { CensusLookup } from '../data/census.ts';
import type { Indicator, IndicatorValue } from '../../geo/schema.ts';

export type Cell = string | number | boolean | null | undefined;

export const BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, and tab or CR, which some strip first)
 * gets a leading apostrophe (OWASP's advice). Numbers we write ourselves are left alone, so a
 * negative growth rate stays a number.
 */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = typeof value === 'boolean' ? String(value) : defuse(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly Cell[]): string => cells.map(csvCell).join(',');
  return BOM + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}

/** A value as columns: its comparison (exact, about, gt, gte, lt, lte, range) and one or two numbers. */
function valueCells(value: IndicatorValue): [string, number, number | undefined] {
  if (typeof value === 'number') return ['exact', value, undefined];
  if ('min' in value) return ['range', value.min, value.max];
  if ('about' in value) return ['about', value.about, undefined];
  if ('gt' in value) return ['gt', value.gt, undefined];
  if ('gte' in value) return ['gte', value.gte, undefined];
  if ('lt' in value) return ['lt', value.lt, undefined];
  return ['lte', value.lte, undefined];
}

const INDICATOR_HEADER = [
  'indicator_id',
  'label',
  'label_en',
  'comparison',
  'value',
  'value_max',
  'unit',
  'period',
  'period_en',
  'period_inferred',
  'source_doc',
  'source_title',
  'source_section',
  'source_paragraph',
  'printed',
  'computed_value',
  'computed_method',
  'indicator_note',
  'indicator_note_en',
] as const;

const STEM = /\b\d{3}_[0-9a-f]{16}\b/g;

/** The cited documents by file stem (the registry's `documents`). */
export type Documents = ReadonlyMap<string, { title: string }>;

/** The title of a cited document; none for `geometry` or a stem the app does not know. */
export function documentTitle(documents: Documents, stem: string): string | undefined {
  return documents.get(stem)?.title;
}

/** Text naming documents by stem (a park's `mentions`) with each known stem replaced by 《title》. */
export function withDocumentTitles(documents: Documents, text: string): string {
  return text.replace(STEM, (stem) => {
    const title = documentTitle(documents, stem);
    return title === undefined ? stem : `《${title}》`;
  });
}

function indicatorCells(indicator: Indicator | undefined, documents: Documents): Cell[] {
  if (indicator === undefined) return INDICATOR_HEADER.map(() => undefined);
  const [comparison, value, max] = valueCells(indicator.value);
  return [
    indicator.id,
    indicator.label,
    indicator.label_en,
    comparison,
    value,
    max,
    indicator.unit,
    indicator.period,
    indicator.period_en,
    indicator.period_inferred,
    indicator.source.doc,
    documentTitle(documents, indicator.source.doc),
    indicator.source.section,
    indicator.where?.paragraph,
    indicator.printed,
    indicator.computed?.value,
    indicator.computed?.method,
    indicator.note,
    indicator.note_en,
  ];
}

function propertyCell(name: string, value: unknown, documents: Documents): Cell {
  if (value === null || value === undefined) return undefined;
  if (name === 'mentions' && typeof value === 'string') return withDocumentTitles(documents, value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.join(';');
  return JSON.stringify(value);
}

/**
 * A layer as CSV. `keyOf` names each feature as the app does (`county:141002`), which is also how
 * indicators name their subject.
 */
export function layerCsv<P extends object>(
  features: readonly GeoJSON.Feature<GeoJSON.Geometry | null, P>[],
  keyOf: (properties: P) => string,
  indicatorsBySubject: ReadonlyMap<string, readonly Indicator[]>,
  documents: Documents,
  census: CensusLookup | null = null,
): string {
  // The census figures of each place, one column per indicator (`census-res2020` …); empty is "no data".
  const censusIds = census?.indicators.map((d) => d.id) ?? [];
  const censusCells = (key: string): Cell[] => censusIds.map((id) => census?.value(key, id) ?? undefined);
  const columns: string[] = [];
  for (const feature of features) {
    for (const name of Object.keys(feature.properties)) if (!columns.includes(name)) columns.push(name);
  }
  const rows: Cell[][] = [];
  for (const feature of features) {
    const key = keyOf(feature.properties);
    const own = [
      key,
      ...columns.map((name) => propertyCell(name, (feature.properties as Record<string, unknown>)[name], documents)),
      ...censusCells(key),
    ];
    const figures = indicatorsBySubject.get(key) ?? [];
    if (figures.length === 0) rows.push([...own, ...indicatorCells(undefined, documents)]);
    for (const indicator of figures) rows.push([...own, ...indicatorCells(indicator, documents)]);
  }
  return toCsv(['key', ...columns, ...censusIds, ...INDICATOR_HEADER], rows);
}

/** Every figure, one row each, with the place it belongs to. */
export function indicatorsCsv(
  indicators: readonly Indicator[],
  nameOf: (subject: string) => Cell,
  documents: Documents,
): string {
  return toCsv(
    ['subject', 'subject_name', ...INDICATOR_HEADER],
    indicators.map((indicator) => [
      indicator.subject,
      nameOf(indicator.subject),
      ...indicatorCells(indicator, documents),
    ]),
  );
}
