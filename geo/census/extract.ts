/**
 * Regenerates the vendored census CSVs (geo/sources/census/) from the two xlsx files of the public
 * repository leiii/census (MIT; see geo/sources/census/README.md):
 *
 *   data/census/census_county_2020_v1.xlsx   → geo/sources/census/census-2020.csv
 *   data/census/census_county_2010_v1.xlsx   → geo/sources/census/census-2010.csv
 *
 * Run: `CENSUS_XLSX_DIR=/path/to/dir npm run geo:census` (default dir /tmp/census). The build
 * (geo/build/census.ts) reads only the CSVs; this script is needed only to refresh them.
 * Deterministic: rows are sorted, numbers written as integers or fixed decimals, LF line ends.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSheet } from 'read-excel-file/node';
import { COLUMNS_2010, COLUMNS_2020 } from '../build/census.ts';

type Cell = string | number | boolean | Date | null;
type Row = Cell[];

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = join(HERE, '..', 'sources', 'census');
const XLSX_DIR = process.env.CENSUS_XLSX_DIR ?? '/tmp/census';
const FILE_2020 = 'census_county_2020_v1.xlsx';
const FILE_2010 = 'census_county_2010_v1.xlsx';

// The CSVs' columns are the build's (geo/build/census.ts): one list, read by both.

/** Names as the build compares them: no whitespace, 巿 (U+5DFF) read as 市 (U+5E02). */
export function normName(s: unknown): string {
  return String(s ?? '')
    .replace(/[\s\u3000]/g, '')
    .replace(/巿/g, '市');
}

function fail(msg: string): never {
  process.stderr.write(`geo:census: ${msg}\n`);
  process.exit(1);
}

function csvCell(x: string | number): string {
  const s = String(x);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function header(row: Row, file: string) {
  const names = row.map((h) => normName(h));
  return (name: string): number => {
    const i = names.indexOf(normName(name));
    if (i < 0) fail(`${file}: no column "${name}" in the header row`);
    return i;
  };
}

/** A count cell: a non-negative integer, or 'NA' for an empty / "NA" cell. */
function count(v: Cell, where: string): number | 'NA' {
  if (v === null || v === 'NA' || v === '') return 'NA';
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(`${where}: not a count: ${JSON.stringify(v)}`);
  return v;
}

function sumCounts(vals: (number | 'NA')[]): number | 'NA' {
  let s = 0;
  for (const x of vals) {
    if (x === 'NA') return 'NA';
    s += x;
  }
  return s;
}

type Out2020 = Record<(typeof COLUMNS_2020)[number], string | number>;

async function extract2020(path: string) {
  const data = (await readSheet(path)) as Row[];
  const col = header(data[0]!, FILE_2020);
  const iCode = col('区划代码');
  const iProv = col('省');
  const iCity = col('市');
  const iName = col('区县');
  const ageCols = (ages: string[]) => ages.flatMap((a) => [col(`男_${a}`), col(`女_${a}`)]);
  const kids = ageCols(['0岁', '1到4岁', '5到9岁', '10到14岁']);
  const old = ageCols(['65到69岁', '70到74岁', '75到79岁', '80到84岁', '85岁以上']);
  const iEmp = col('各种行业人口总计');
  const industries = [
    '农林牧渔业',
    '采矿业',
    '制造业',
    '电力热力燃气及水生产和供应业',
    '建筑业',
    '批发和零售业',
    '交通运输仓储和邮政业',
    '住宿和餐饮业',
    '信息传输软件和信息技术服务业',
    '金融业',
    '房地产业',
    '租赁和商务服务业',
    '科学研究和技术服务业',
    '水利环境和公共设施管理业',
    '居民服务修理和其服务业',
    '教育',
    '卫生和社会工作',
    '文化体育和娱乐业',
    '公共管理社会保障和社会组织',
    '国际组织',
  ].map(col);
  const rows = data.slice(1).filter((r) => r.some((c) => c !== null));
  const provCode = new Map<string, string>(); // province name → code
  const cityCode = new Map<string, string>(); // `${province}|${city name}` → code
  const corrections: string[] = [];
  let zeroed = 0;
  const codeOf = (r: Row): string => (r[iCode] === 'NA' ? '' : String(r[iCode]));
  for (const r of rows) {
    const c = codeOf(r);
    if (/^\d{2}0000$/.test(c)) provCode.set(normName(r[iProv]), c);
  }
  for (const r of rows) {
    let c = codeOf(r);
    if (c && !/^\d{6}$/.test(c)) fail(`${FILE_2020}: row "${normName(r[iName])}": code ${c} is not 6 digits`);
    const p = provCode.get(normName(r[iProv]));
    if (c && p && c.slice(0, 2) !== p.slice(0, 2)) {
      // 五台山风景名胜区 (山西省 忻州市) is coded 170971; there is no province 17. Give it its province's prefix.
      const fixed = p.slice(0, 2) + c.slice(2);
      corrections.push(`${c} → ${fixed} (${normName(r[iProv])} ${normName(r[iCity])} ${normName(r[iName])})`);
      r[iCode] = Number(fixed);
      c = fixed;
    }
    if (/^\d{4}00$/.test(c) && !/0000$/.test(c)) cityCode.set(`${normName(r[iProv])}|${normName(r[iName])}`, c);
  }
  const codes = new Set(rows.map(codeOf));
  const out: Out2020[] = [];
  for (const [n, r] of rows.entries()) {
    const where = `${FILE_2020} row ${n + 2}`;
    const code = codeOf(r);
    const name = normName(r[iName]);
    const prov = provCode.get(normName(r[iProv])) ?? '';
    let level: string;
    let parent: string;
    if (!code) {
      if (name === '全国') [level, parent] = ['country', ''];
      else {
        level = /直辖县级行政区划$/.test(name) ? 'group' : 'zone';
        parent = cityCode.get(`${normName(r[iProv])}|${normName(r[iCity])}`) ?? prov;
        if (!parent) fail(`${where}: zone "${name}" has no province`);
      }
    } else if (/0000$/.test(code)) [level, parent] = ['province', ''];
    else if (/00$/.test(code)) [level, parent] = ['city', prov];
    else {
      level = 'county';
      const city = code.slice(0, 4) + '00';
      parent = codes.has(city) ? city : prov;
    }
    const emp = count(r[iEmp]!, `${where} 各种行业人口总计`);
    const ind = industries.map((i) => count(r[i]!, `${where} column ${i + 1}`));
    // Industry cells printed as NA where the industries that have a number already add up to the
    // total are 0 (the yearbook prints a dash for none). Only then; otherwise they stay NA.
    if (emp !== 'NA' && ind.some((x) => x === 'NA')) {
      const known = ind.reduce<number>((s, x) => s + (x === 'NA' ? 0 : x), 0);
      if (known === emp) {
        for (const k of [0, 1, 2]) {
          if (ind[k] !== 'NA') continue;
          ind[k] = 0;
          zeroed++;
        }
      }
    }
    const edu = r[col('平均受教育年限_合计')];
    out.push({
      code,
      parent,
      level,
      name,
      res: count(r[col('人口数_合计')]!, `${where} 人口数_合计`),
      urban: count(r[col('城镇人口')]!, `${where} 城镇人口`),
      hh: count(r[col('家庭户数')]!, `${where} 家庭户数`),
      hhpop: count(r[col('家庭户人口数')]!, `${where} 家庭户人口数`),
      age0_14: sumCounts(kids.map((i) => count(r[i]!, `${where} column ${i + 1}`))),
      age65: sumCounts(old.map((i) => count(r[i]!, `${where} column ${i + 1}`))),
      edu: typeof edu === 'number' ? edu.toFixed(2) : 'NA',
      emp,
      agri: ind[0]!,
      mining: ind[1]!,
      manuf: ind[2]!,
    });
  }
  const order = { country: 0, province: 1, city: 1, county: 1, group: 2, zone: 2 } as Record<string, number>;
  out.sort((a, b) => {
    const ka = String(a.code || a.parent);
    const kb = String(b.code || b.parent);
    if (ka !== kb) return ka < kb ? -1 : 1;
    const oa = order[String(a.level)]!;
    const ob = order[String(b.level)]!;
    if (oa !== ob) return oa - ob;
    return String(a.name) < String(b.name) ? -1 : String(a.name) > String(b.name) ? 1 : 0;
  });
  const text =
    [COLUMNS_2020.join(','), ...out.map((o) => COLUMNS_2020.map((k) => csvCell(o[k])).join(','))].join('\n') + '\n';
  return { text, rows: out, corrections, zeroed };
}

async function extract2010(path: string) {
  const data = (await readSheet(path)) as Row[];
  const col = header(data[0]!, FILE_2010);
  const iName = col('地区');
  const iCode = col('区划代码');
  const iRes = col('合计');
  const out: { code: string; name: string; res: number | 'NA' }[] = [];
  let skipped = 0;
  for (const [n, r] of data.slice(1).entries()) {
    const c = r[iCode];
    if (typeof c !== 'number') {
      // No code: blank rows, 市辖区 / 县 sub-totals, groups, a few units without a code, a watermark row.
      if (r.some((x) => x !== null)) skipped++;
      continue;
    }
    const code = String(c);
    if (!/^\d{6}$/.test(code)) fail(`${FILE_2010} row ${n + 2}: code ${code} is not 6 digits`);
    out.push({ code, name: normName(r[iName]), res: count(r[iRes]!, `${FILE_2010} row ${n + 2} 合计`) });
  }
  out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const text =
    [COLUMNS_2010.join(','), ...out.map((o) => COLUMNS_2010.map((k) => csvCell(o[k])).join(','))].join('\n') + '\n';
  return { text, rows: out, skipped };
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

async function main() {
  const p20 = join(XLSX_DIR, FILE_2020);
  const p10 = join(XLSX_DIR, FILE_2010);
  const missing = [p20, p10].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    fail(
      `missing ${missing.join(' and ')}.\n` +
        `Get them from the public repository https://github.com/leiii/census (MIT), e.g.\n` +
        `  git clone --depth 1 https://github.com/leiii/census /tmp/leiii-census\n` +
        `  mkdir -p /tmp/census && cp /tmp/leiii-census/data/census/census_county_20{10,20}_v1.xlsx /tmp/census/\n` +
        `then run again with CENSUS_XLSX_DIR set to that directory (default /tmp/census):\n` +
        `  CENSUS_XLSX_DIR=/tmp/census npm run geo:census\n` +
        `(The build itself needs only the vendored CSVs in geo/sources/census/.)`,
    );
  }
  const r20 = await extract2020(p20);
  const r10 = await extract2010(p10);
  mkdirSync(OUT_DIR, { recursive: true });
  const o20 = join(OUT_DIR, 'census-2020.csv');
  const o10 = join(OUT_DIR, 'census-2010.csv');
  writeFileSync(o20, r20.text);
  writeFileSync(o10, r10.text);
  const levels = new Map<string, number>();
  for (const r of r20.rows) levels.set(String(r.level), (levels.get(String(r.level)) ?? 0) + 1);
  const lines = [
    `${FILE_2020} sha256 ${sha256(readFileSync(p20))}`,
    `${FILE_2010} sha256 ${sha256(readFileSync(p10))}`,
    `census-2020.csv: ${r20.rows.length} rows (${[...levels].map(([k, n]) => `${n} ${k}`).join(', ')}), ` +
      `${Buffer.byteLength(r20.text)} bytes, sha256 ${sha256(r20.text)}`,
    `  code corrections: ${r20.corrections.join('; ') || 'none'}`,
    `  industry cells NA → 0 (other industries add up to the total): ${r20.zeroed}`,
    `census-2010.csv: ${r10.rows.length} coded rows (${r10.skipped} rows without a code skipped), ` +
      `${Buffer.byteLength(r10.text)} bytes, sha256 ${sha256(r10.text)}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
