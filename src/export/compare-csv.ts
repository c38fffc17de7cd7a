/**
 * The compare table as CSV, pure: one row per indicator, one column per place in picking order.
 * Plain numbers stay numbers; a threshold or approximate figure is written as it reads (>400,
 * ≈20, 300–400), so a spreadsheet never sums a bound as if it were a value. Headers are field
 * names and place keys (with the place's name), as in the other CSVs.
 */
import type { IndicatorValue } from '../../geo/schema.ts';
import type { PlaceKey } from '../../geo/model/place-key.ts';
import type { CompareRow } from '../data/compare-rows.ts';
import { toCsv, type Cell } from './csv.ts';

function valueCell(value: IndicatorValue | null): Cell {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  if ('min' in value) return `${value.min}–${value.max}`;
  if ('about' in value) return `≈${value.about}`;
  if ('gt' in value) return `>${value.gt}`;
  if ('gte' in value) return `≥${value.gte}`;
  if ('lt' in value) return `<${value.lt}`;
  return `≤${value.lte}`;
}

function sourceCell(row: CompareRow, censusSource: string): string {
  const sources = row.cells.map((cell) =>
    cell.source.kind === 'census'
      ? censusSource
      : cell.source.kind === 'geometry'
        ? `geometry: ${cell.source.section}`
        : `${cell.source.doc} ${cell.source.section}`,
  );
  return [...new Set(sources)].join('; ');
}

function periodCell(row: CompareRow): string {
  if (row.census !== undefined) return row.census.period;
  return [...new Set(row.cells.map((cell) => cell.indicator?.period ?? ''))].join('; ');
}

export function compareCsv(
  rows: readonly CompareRow[],
  keys: readonly PlaceKey[],
  nameOf: (key: PlaceKey) => string,
  censusSource: string,
): string {
  const header = [
    'indicator',
    'label',
    'label_en',
    'unit',
    'period',
    ...keys.map((k) => `${k} ${nameOf(k)}`),
    'source',
  ];
  return toCsv(
    header,
    rows.map((row) => [
      row.id,
      row.label.zh,
      row.label.en,
      row.unit,
      periodCell(row),
      ...row.cells.map((cell) => valueCell(cell.value)),
      sourceCell(row, censusSource),
    ]),
  );
}
