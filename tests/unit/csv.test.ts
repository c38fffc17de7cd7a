import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../geo/schema.ts';
import {
  BOM,
  csvCell,
  documentTitle,
  indicatorsCsv,
  layerCsv,
  toCsv,
  withDocumentTitles,
  type Cell,
} from '../../src/export/csv.ts';

/** The documents the registry would hold, by stem (as plans.json lists them). */
const DOCS = new Map([['003_b67cc1c0beddea5c', { title: '2020年经济工作总体思路（临汾经济开发区）' }]]);

/** Splits a CSV body (after the BOM) into records of fields, honouring quotes: a tiny RFC 4180 reader. */
function parse(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  const text = csv.slice(1);
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  expect(record).toEqual([]);
  return records;
}

describe('csvCell', () => {
  const cases: [name: string, value: Cell, cell: string][] = [
    ['plain text as is', '尧都区', '尧都区'],
    ['a number as digits', 1316.5, '1316.5'],
    ['a negative number stays a number', -1.3, '-1.3'],
    ['a non-finite number as empty', Number.NaN, ''],
    ['null as empty', null, ''],
    ['undefined as empty', undefined, ''],
    ['a boolean as a word', true, 'true'],
    ['a comma quoted', 'a,b', '"a,b"'],
    ['quotes doubled and quoted', 'say "hi"', '"say ""hi"""'],
    ['a line break quoted', 'one\ntwo', '"one\ntwo"'],
    ['a CR quoted', 'one\rtwo', '"one\rtwo"'],
    ['a formula with = defused', '=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['a formula with + defused', '+1+1', "'+1+1"],
    ['a formula with - defused', '-2+3', "'-2+3"],
    ['a formula with @ defused', '@cmd', "'@cmd"],
    ['a leading tab defused', '\t=1', "'\t=1"],
    ['a formula with a comma defused and quoted', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['an = inside text left alone', 'a=b', 'a=b'],
    ['Chinese punctuation left alone', '临汾，尧都区', '临汾，尧都区'],
  ];
  it.each(cases)('%s', (_name, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('toCsv', () => {
  it('starts with the UTF-8 BOM and ends every record with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['x', 1]]);
    expect(csv).toBe('\uFEFFa,b\r\nx,1\r\n');
    // The BOM survives encoding as the three bytes spreadsheets look for.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('round-trips Chinese text, quotes and line breaks through an RFC 4180 reader', () => {
    const rows = [
      ['尧都区', '临汾市"中心"城区', '汾河谷地,板块'],
      ['乡宁县', 'line one\r\nline two', ''],
    ];
    expect(parse(toCsv(['名称', '说明', '板块'], rows))).toEqual([['名称', '说明', '板块'], ...rows]);
  });
});

const indicator = (over: Partial<Indicator>): Indicator => ({
  id: 'county-141002-area',
  subject: 'county:141002',
  label: '面积(按县界计算)',
  label_en: 'Area (computed from the county boundary)',
  value: 1316.5,
  unit: 'km²',
  period: 'current boundaries',
  source: { doc: 'geometry', section: 'county polygons' },
  computed_only: true,
  ...over,
});

describe('layerCsv', () => {
  const features: GeoJSON.Feature<null, Record<string, unknown>>[] = [
    { type: 'Feature', geometry: null, properties: { code: '141002', name: '尧都区', name_en: 'Yaodu District' } },
    { type: 'Feature', geometry: null, properties: { code: '141023', name: '=1+1', name_en: 'Xiangfen County' } },
  ];
  const bySubject = new Map<string, Indicator[]>([
    [
      'county:141002',
      [
        indicator({}),
        indicator({
          id: 'yaodu-gdp',
          label: '地区生产总值',
          label_en: 'GDP',
          value: { gt: 400 },
          unit: '亿元',
          period: '2023',
          source: { doc: '000_cadb55420808a2ac', section: '一' },
          computed_only: undefined,
        }),
      ],
    ],
  ]);
  const records = parse(layerCsv(features, (p) => `county:${String(p.code)}`, bySubject, DOCS));

  it('has one header, then one row per feature and indicator, and one row for a feature without figures', () => {
    const [header, ...rows] = records;
    expect(header?.slice(0, 4)).toEqual(['key', 'code', 'name', 'name_en']);
    expect(header).toContain('indicator_id');
    expect(rows.map((row) => row[0])).toEqual(['county:141002', 'county:141002', 'county:141023']);
    const col = (name: string): number => header?.indexOf(name) ?? -1;
    expect(rows[0]?.[col('name')]).toBe('尧都区');
    expect(rows[0]?.[col('value')]).toBe('1316.5');
    expect(rows[1]?.[col('comparison')]).toBe('gt');
    expect(rows[1]?.[col('value')]).toBe('400');
    expect(rows[1]?.[col('unit')]).toBe('亿元');
    expect(rows[2]?.[col('indicator_id')]).toBe('');
  });

  it('defuses a hostile name from the data', () => {
    expect(records[3]?.[2]).toBe("'=1+1");
  });
});

describe('one column per meaning, documents by title', () => {
  const park: GeoJSON.Feature<null, Record<string, unknown>> = {
    type: 'Feature',
    geometry: null,
    properties: {
      id: 'linfen-edz',
      name: '临汾经济开发区',
      note: 'placed near the seat',
      mentions: '003_b67cc1c0beddea5c 导语; 003_b67cc1c0beddea5c 二',
    },
  };
  const figure = indicator({
    id: 'edz-age',
    subject: 'park:linfen-edz',
    unit: 'year',
    source: { doc: '003_b67cc1c0beddea5c', section: '一' },
    computed_only: undefined,
    note: 'as of 2020',
  });
  const [header, row] = parse(
    layerCsv([park], (p) => `park:${String(p.id)}`, new Map([['park:linfen-edz', [figure]]]), DOCS),
  );
  const cell = (name: string): string | undefined => row?.[header?.indexOf(name) ?? -1];

  it('has no column name twice: the park note and the figure note are two columns', () => {
    expect(new Set(header).size).toBe(header?.length);
    expect(cell('note')).toBe('placed near the seat');
    expect(cell('indicator_note')).toBe('as of 2020');
  });

  it('names documents by title in mentions and beside every source stem', () => {
    const title = '2020年经济工作总体思路（临汾经济开发区）';
    expect(cell('mentions')).toBe(`《${title}》 导语; 《${title}》 二`);
    expect(cell('mentions')).not.toContain('003_');
    expect(cell('source_doc')).toBe('003_b67cc1c0beddea5c');
    expect(cell('source_title')).toBe(title);
  });

  it('leaves geometry and unknown stems as they are', () => {
    expect(documentTitle(DOCS, 'geometry')).toBeUndefined();
    expect(withDocumentTitles(DOCS, '999_0000000000000000 一')).toBe('999_0000000000000000 一');
  });
});

describe('indicatorsCsv', () => {
  it('lists every figure with its place name, a range as two numbers', () => {
    const csv = indicatorsCsv(
      [indicator({ value: { min: 3, max: 5 } })],
      (subject) => (subject === 'county:141002' ? '尧都区' : undefined),
      DOCS,
    );
    const [header, row] = parse(csv);
    expect(row?.[header?.indexOf('subject_name') ?? -1]).toBe('尧都区');
    expect(row?.[header?.indexOf('comparison') ?? -1]).toBe('range');
    expect(row?.[header?.indexOf('value') ?? -1]).toBe('3');
    expect(row?.[header?.indexOf('value_max') ?? -1]).toBe('5');
  });
});

describe('layerCsv with the census', () => {
  it('adds one column per census indicator, empty for no data, never 0', async () => {
    const { censusLookup } = await import('../../src/data/census.ts');
    const { parseCensusFile } = await import('../../geo/schema.ts');
    const text = (await import('../../geo/census.json?raw')).default;
    const parsedCensus = parseCensusFile(JSON.parse(text));
    if (!parsedCensus.ok) throw new Error(parsedCensus.error);
    const census = censusLookup(parsedCensus.data);
    const features = [
      { type: 'Feature' as const, properties: { code: '141002' }, geometry: null },
      { type: 'Feature' as const, properties: { code: '999999' }, geometry: null },
    ];
    const [header, yaodu, unknown] = parse(
      layerCsv(features, (p) => `county:${String(p.code)}`, new Map(), DOCS, census),
    );
    const col = header!.indexOf('census-res2020');
    expect(col).toBeGreaterThan(0);
    expect(yaodu![col]).toBe(String(census.value('county:141002', 'census-res2020')));
    expect(unknown![col]).toBe('');
  });
});
