/** Medians, ratios, budgets and the tables `npm run bench` prints and writes to bench/RESULTS.md. */
import type { RunResult } from './measure.ts';

export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return NaN;
  const mid = finite.length >> 1;
  return finite.length % 2 === 1 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

/** Rounds for JSON: ms and ratios to 0.01, bytes to whole numbers; NaN becomes null. */
export const r2 = (x: number): number | null => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);

/** The medians of one page's runs, in the order the table shows them. */
export interface Summary {
  readyMs: number;
  jsBytes: number;
  cssBytes: number;
  dataBytes: number;
  totalBytes: number;
  heapBytes: number;
  frameP50Ms: number;
  frameP95Ms: number;
  mainThreadMs: number;
  hashchangeMs: number;
}

export function summarise(runs: readonly RunResult[]): Summary {
  const m = (f: (r: RunResult) => number | null): number => median(runs.map((r) => f(r) ?? NaN));
  return {
    readyMs: m((r) => r.readyMs),
    jsBytes: m((r) => r.bytes.js),
    cssBytes: m((r) => r.bytes.css),
    dataBytes: m((r) => r.bytes.data),
    totalBytes: m((r) => r.bytes.total),
    heapBytes: m((r) => r.heapBytes),
    frameP50Ms: m((r) => r.interaction.p50),
    frameP95Ms: m((r) => r.interaction.p95),
    mainThreadMs: m((r) => r.interaction.busyMs),
    hashchangeMs: m((r) => r.hashchangeMs),
  };
}

export const ROWS: { key: keyof Summary; label: string; unit: 'ms' | 'KB' | 'MB' }[] = [
  { key: 'readyMs', label: 'Time to ready (navigation → map-idle)', unit: 'ms' },
  { key: 'jsBytes', label: 'JS over the wire (gzip)', unit: 'KB' },
  { key: 'cssBytes', label: 'CSS over the wire (gzip)', unit: 'KB' },
  { key: 'dataBytes', label: 'Data (JSON) over the wire (gzip)', unit: 'KB' },
  { key: 'totalBytes', label: 'Total over the wire (gzip)', unit: 'KB' },
  { key: 'heapBytes', label: 'JS heap after forced GC', unit: 'MB' },
  { key: 'frameP50Ms', label: 'Frame time p50, pan + wheel zoom', unit: 'ms' },
  { key: 'frameP95Ms', label: 'Frame time p95, pan + wheel zoom', unit: 'ms' },
  { key: 'mainThreadMs', label: 'Main-thread busy during pan + zoom', unit: 'ms' },
  { key: 'hashchangeMs', label: 'hashchange → view drawn (app only)', unit: 'ms' },
];

export function formatValue(x: number, unit: 'ms' | 'KB' | 'MB'): string {
  if (!Number.isFinite(x)) return '—';
  if (unit === 'KB') return `${(x / 1000).toFixed(1)} KB`;
  if (unit === 'MB') return `${(x / 1e6).toFixed(2)} MB`;
  return `${Math.round(x)} ms`;
}

export const ratio = (a: number, b: number): number =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN;

export interface Budget {
  name: string;
  limit: string;
  measured: string;
  value: number | null;
  max: number;
  pass: boolean;
}

/** The budgets of issue 7, as ratios (or a byte difference) to the reference page in the same run. */
export const EXTRA_BYTES = 150_000;

/** A ratio to two decimals, or three where two would print the limit itself (1.10 × for 1.1015). */
function shown(value: number, max: number): string {
  const two = value.toFixed(2);
  return two === max.toFixed(2) && value !== max ? value.toFixed(3) : two;
}

export function budgets(app: Summary, ref: Summary): Budget[] {
  const ratioBudget = (name: string, key: keyof Summary, max: number): Budget => {
    const value = ratio(app[key], ref[key]);
    return {
      name,
      limit: `≤ ${max.toFixed(2)} × reference`,
      measured: Number.isFinite(value) ? `${shown(value, max)} ×` : '—',
      value: r2(value),
      max,
      pass: Number.isFinite(value) && value <= max,
    };
  };
  const extra = app.totalBytes - ref.totalBytes;
  return [
    // Issue 15's budgets, with the census loaded.
    ratioBudget('Time to ready', 'readyMs', 1.25),
    ratioBudget('JS heap after GC', 'heapBytes', 1.3),
    ratioBudget('Frame time p95', 'frameP95Ms', 1.1),
    {
      name: 'Total bytes (gzip)',
      limit: `≤ reference + ${EXTRA_BYTES / 1000} KB`,
      measured: `${extra >= 0 ? '+' : '−'}${(Math.abs(extra) / 1000).toFixed(1)} KB`,
      value: Number.isFinite(extra) ? Math.round(extra) : null,
      max: EXTRA_BYTES,
      pass: Number.isFinite(extra) && extra <= EXTRA_BYTES,
    },
  ];
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [line(header), line(align), ...rows.map(line)].join('\n');
}

/**
 * App and reference, and (when measured) the floor: the app's own map without the app
 * (bench/floor), which shows how much of the app's figures the map alone needs; its last column,
 * app over floor, is the app's own share (panel, registry, URL state) on top of that map.
 */
export function mainTable(app: Summary, ref: Summary, floor: Summary | null = null): string {
  // Each page compared with the reference: its column's name, the short name of its ratio, its medians.
  const compared: { column: string; short: string; summary: Summary }[] = [
    { column: 'App', short: 'App', summary: app },
    ...(floor === null ? [] : [{ column: 'Same map, no app', short: 'Same map', summary: floor }]),
  ];
  const q = (a: number, b: number): string => {
    const x = ratio(a, b);
    return Number.isFinite(x) ? x.toFixed(2) : '—';
  };
  return table(
    [
      'Median of runs',
      ...compared.map(({ column }) => column),
      'Reference',
      ...compared.map(({ short }) => `${short} / reference`),
      ...(floor === null ? [] : ['App / same map']),
    ],
    ROWS.map(({ key, label, unit }) => [
      label,
      ...compared.map(({ summary }) => formatValue(summary[key], unit)),
      formatValue(ref[key], unit),
      ...compared.map(({ summary }) => q(summary[key], ref[key])),
      ...(floor === null ? [] : [q(app[key], floor[key])]),
    ]),
  );
}

export function budgetTable(list: readonly Budget[]): string {
  return table(
    ['Budget', 'Limit', 'Measured', 'Result'],
    list.map((b) => [b.name, b.limit, b.measured, b.pass ? 'PASS' : 'FAIL']),
  );
}

export interface GrowthRow {
  label: string;
  counties: number;
  parks: number;
  app: { readyMs: number; frameP95Ms: number; heapBytes: number };
  reference: { readyMs: number; frameP95Ms: number } | null;
}

export function growthTable(rows: readonly GrowthRow[]): string {
  const base = rows[0];
  const ms = (x: number): string => formatValue(x, 'ms');
  const times = (x: number, b: number | undefined): string => {
    const q = b === undefined ? NaN : ratio(x, b);
    return Number.isFinite(q) ? `${q.toFixed(2)} ×` : '—';
  };
  return table(
    [
      'Synthetic data',
      'Counties',
      'Parks',
      'App ready',
      'vs 1×',
      'App frame p95',
      'App heap',
      'Reference ready',
      'Reference frame p95',
      'Ready app / ref',
    ],
    rows.map((row) => [
      row.label,
      row.counties.toLocaleString('en'),
      row.parks.toLocaleString('en'),
      ms(row.app.readyMs),
      times(row.app.readyMs, base?.app.readyMs),
      ms(row.app.frameP95Ms),
      formatValue(row.app.heapBytes, 'MB'),
      row.reference === null ? '—' : ms(row.reference.readyMs),
      row.reference === null ? '—' : ms(row.reference.frameP95Ms),
      row.reference === null ? '—' : times(row.app.readyMs, row.reference.readyMs),
    ]),
  );
}

/** Ready and heap of one page with some of the layer groups drawn. */
export interface ReadyHeap {
  readyMs: number;
  heapBytes: number;
}

/** One step of the layer ladder: the groups drawn so far, on the floor page and in the app. */
export interface LadderRow {
  label: string;
  floor: ReadyHeap;
  app: ReadyHeap;
}

/**
 * The layer ladder: the reference, then the floor and the app drawing one more layer group per row,
 * each figure with its ratio to the reference, so a reader sees which content costs what.
 */
export function ladderTable(rows: readonly LadderRow[], ref: ReadyHeap): string {
  const times = (x: number, b: number): string => {
    const q = ratio(x, b);
    return Number.isFinite(q) ? `${q.toFixed(2)} ×` : '—';
  };
  const cells = (page: ReadyHeap): string[] => [
    formatValue(page.readyMs, 'ms'),
    times(page.readyMs, ref.readyMs),
    formatValue(page.heapBytes, 'MB'),
    times(page.heapBytes, ref.heapBytes),
  ];
  return table(
    ['Layers drawn', 'Same map, no app: ready', '× ref', 'heap', '× ref', 'App: ready', '× ref', 'heap', '× ref'],
    [
      ['Reference page (counties: one fill, one line)', ...cells(ref), '', '', '', ''],
      ...rows.map((row) => [row.label, ...cells(row.floor), ...cells(row.app)]),
    ],
  );
}
