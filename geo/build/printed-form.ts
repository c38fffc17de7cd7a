/**
 * A figure as its document prints it, and where: the pure logic the unit test
 * (tests/unit/printed-forms.test.ts) and the build share.
 *
 * - The stored documents (`../shared/seeds/NNN_*.clean.txt`) are in traditional characters with
 *   Taiwan usage (著 for 着); the articles were published in simplified. `toSimplified` is
 *   opencc-js's Taiwan → mainland converter; printed forms are stored in its output.
 * - Paragraphs: every non-empty line of the stored text is one paragraph (000, 001 and 004 put a
 *   blank line between paragraphs, 002 and 003 do not; photo captions are lines of their own and
 *   count). Lines are trimmed.
 * - Sections: a document lists its sections in its plan (`documents[].sections`), each by the
 *   opening of its first line. A heading line starts its section and is not a paragraph; a `lead`
 *   section (导语, the text before the first heading, or 全文 in a text without headings) starts
 *   with its first paragraph. A section runs to the start of the next one; lines before the first
 *   section (title, date line) belong to none. Paragraph n of a section is its n-th paragraph.
 * - A printed form is the number, its comparator word and its unit only ("近300吨", "60%以上",
 *   "87.43亿元", "第二"); `readPrinted` reads one back into comparator, number and unit.
 */
import * as OpenCC from 'opencc-js';

/** Traditional (Taiwan usage, as the stored copies are) to simplified (mainland). */
export const toSimplified: (text: string) => string = OpenCC.Converter({ from: 'tw', to: 'cn' });

export interface SectionSpec {
  id: string;
  line: string;
  lead?: true;
  name_en: string;
}

const squash = (text: string): string => text.replace(/\s+/g, '');

/** The non-empty lines of a text, trimmed: its paragraphs and headings. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/**
 * Each section's paragraphs, in the order the document lists them. Throws when a section's line
 * is not found after the previous section's (the list must follow the text).
 */
export function sectionParagraphs(text: string, sections: readonly SectionSpec[]): Map<string, string[]> {
  const all = lines(text);
  const starts: number[] = [];
  let from = 0;
  for (const s of sections) {
    const key = squash(s.line);
    const at = all.findIndex((l, i) => i >= from && squash(l).startsWith(key));
    if (at < 0) throw new Error(`section "${s.id}": no line starting "${s.line}" after the previous section`);
    starts.push(at);
    from = at + 1;
  }
  const out = new Map<string, string[]>();
  sections.forEach((s, i) => {
    const begin = s.lead === true ? starts[i]! : starts[i]! + 1;
    const end = i + 1 < sections.length ? starts[i + 1]! : all.length;
    out.set(s.id, all.slice(begin, end));
  });
  return out;
}

/** The cited paragraph's text, or an error saying what is missing. */
export function citedParagraph(
  text: string,
  sections: readonly SectionSpec[],
  where: { section: string; paragraph: number },
): { ok: true; text: string; section: string[] } | { ok: false; error: string } {
  const bySection = sectionParagraphs(text, sections);
  const paras = bySection.get(where.section);
  if (paras === undefined) return { ok: false, error: `no section "${where.section}" in the document's list` };
  const p = paras[where.paragraph - 1];
  if (p === undefined)
    return { ok: false, error: `section "${where.section}" has ${paras.length} paragraphs, not ${where.paragraph}` };
  return { ok: true, text: p, section: paras };
}

/** Whether `printed` occurs in `paragraph` (both simplified; spaces ignored). */
export function printedIn(printed: string, paragraph: string): boolean {
  return squash(paragraph).includes(squash(printed));
}

// ---------------------------------------------------------------- reading a printed form

export type Comparator = 'eq' | 'about' | 'gt' | 'gte' | 'lt' | 'lte' | 'range';

export interface Reading {
  comparator: Comparator;
  /** The number as printed, with 万 applied for counts (1.1万个 → 11000); for a range, [min, max]. */
  numbers: number[];
  /** The unit words left once number and comparator are taken out (亿元, 个百分点, 万名 …). */
  unitWords: string;
  /** 第…: a rank. */
  rank: boolean;
}

/** Comparator words before the number. 下降/上升 give a sign, not a comparator. */
const PREFIX: [RegExp, Comparator][] = [
  [/^(?:近|约|大约)/, 'about'],
  [/^(?:超过|突破|逾|多于|高于)/, 'gt'],
  [/^(?:不少于|不低于|至少)/, 'gte'],
  [/^(?:不到|不足|少于|低于)/, 'lt'],
  [/^(?:不超过|最多)/, 'lte'],
];
/** Comparator words after the number or the unit. */
const SUFFIX: [RegExp, Comparator][] = [
  [/以上$/, 'gte'],
  [/以下$|以内$/, 'lte'],
  [/左右$/, 'about'],
];

const CN_DIGIT: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 … 九十九 (enough for the documents' counts); undefined when `s` is not such a numeral. */
export function chineseNumeral(s: string): number | undefined {
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  const [, a, ten, b] = m;
  if (ten === undefined) return a !== undefined && b === undefined ? CN_DIGIT[a] : undefined;
  return (a !== undefined ? CN_DIGIT[a]! : 1) * 10 + (b !== undefined ? CN_DIGIT[b]! : 0);
}

const NUMBER_RE = /^(\d+(?:\.\d+)?)(?:\s*[-—–~至到]\s*(\d+(?:\.\d+)?))?/;
const CN_NUMBER_RE = /^[一二两三四五六七八九十]+/;

/** Reads a printed form; undefined when it holds no number (清零 reads as 0). */
export function readPrinted(printed: string): Reading | undefined {
  let s = squash(printed);
  if (s === '清零' || s === '“清零”') return { comparator: 'eq', numbers: [0], unitWords: '', rank: false };
  let comparator: Comparator = 'eq';
  let sign = 1;
  const rank = s.startsWith('第');
  if (rank) s = s.slice(1);
  if (/^(?:下降|减少)/.test(s)) {
    sign = -1;
    s = s.slice(2);
  } else if (/^(?:上升|增加|增长)/.test(s)) s = s.slice(2);
  for (const [re, c] of PREFIX)
    if (re.test(s)) {
      comparator = c;
      s = s.replace(re, '');
      break;
    }
  let numbers: number[];
  const m = NUMBER_RE.exec(s);
  if (m) {
    numbers = m[2] !== undefined ? [Number(m[1]), Number(m[2])] : [Number(m[1])];
    if (m[2] !== undefined) comparator = 'range';
    s = s.slice(m[0].length);
  } else {
    const c = CN_NUMBER_RE.exec(s);
    const n = c ? chineseNumeral(c[0]) : undefined;
    if (c === null || n === undefined) return undefined;
    numbers = [n];
    s = s.slice(c[0].length);
  }
  for (const [re, c] of SUFFIX)
    if (re.test(s)) {
      if (comparator !== 'eq') return undefined; // two comparators: not a form we know
      comparator = c;
      s = s.replace(re, '');
      break;
    }
  // 余 and 多 after a number mean "and more" (20余条: twenty-odd, over twenty): a lower bound, not
  // an approximation that could fall below the number.
  if (/余|多/.test(s.slice(0, 2))) {
    if (comparator !== 'eq') return undefined;
    comparator = 'gt';
    s = s.replace(/余|多/, '');
  }
  return { comparator, numbers: numbers.map((n) => n * sign), unitWords: s, rank };
}

/** The unit words each schema unit may be printed with. */
const UNIT_WORDS: Record<string, RegExp> = {
  亿元: /^亿元?$/,
  万元: /^万元$/,
  '%': /^%$/,
  百分点: /^个?百分点$/,
  倍: /^倍$/,
  吨: /^吨$/,
  万吨: /^万吨$/,
  'km²': /^平方公里$/,
  万人: /^万[人名]?$/,
  year: /^年$/,
  places: /^位$/,
  /** Measure words of counted things, and the nouns counted directly (5区, 两廊, 三轴). */
  count: /^万?(?:个|项|条|家|起|件|种|大|座|处|所|名|批|类|区|廊|轴)$/,
};

const COMPARATOR_OF_VALUE = (value: unknown): Comparator => {
  if (typeof value === 'number') return 'eq';
  const o = value as Record<string, number>;
  if ('min' in o) return 'range';
  return Object.keys(o)[0] as Comparator;
};

const NUMBERS_OF_VALUE = (value: unknown): number[] => {
  if (typeof value === 'number') return [value];
  const o = value as Record<string, number>;
  if ('min' in o) return [o.min!, o.max!];
  return [Object.values(o)[0]!];
};

/**
 * Why a record's value and unit disagree with its printed form, or undefined when they agree:
 * the comparator word gives the comparator (以上 ≥, 近/约/左右 ≈, 余/多/超过/突破 >, 不到 <, 以下 ≤),
 * the number the value (万 applied for counts), the unit words the unit.
 */
export function disagreement(record: { value: unknown; unit: string; printed: string }): string | undefined {
  const r = readPrinted(record.printed);
  if (r === undefined) return `"${record.printed}" is not a form with one number and one comparator`;
  const want = COMPARATOR_OF_VALUE(record.value);
  if (r.comparator !== want) return `"${record.printed}" reads as ${r.comparator}, the value is ${want}`;
  let unitWords = r.unitWords;
  let numbers = r.numbers;
  if (record.unit === 'rank') {
    if (!r.rank || unitWords !== '') return `"${record.printed}" is not a rank (第…)`;
  } else {
    if (r.rank) return `"${record.printed}" is a rank, the unit is ${record.unit}`;
    if (record.unit === 'count' && unitWords.startsWith('万')) {
      numbers = numbers.map((n) => Math.round(n * 1e4 * 1e6) / 1e6);
      unitWords = unitWords.slice(1);
    }
    const re = UNIT_WORDS[record.unit];
    if (re === undefined) return `unit ${record.unit} has no printed spelling here`;
    if (!(r.numbers.length === 1 && r.numbers[0] === 0 && unitWords === '') && !re.test(unitWords))
      return `"${record.printed}" has unit words "${unitWords}", not a spelling of ${record.unit}`;
  }
  const have = NUMBERS_OF_VALUE(record.value);
  if (have.length !== numbers.length || have.some((n, i) => Math.abs(n - numbers[i]!) > 1e-9))
    return `"${record.printed}" reads as ${numbers.join('–')}, the value is ${have.join('–')}`;
  return undefined;
}

/** The years a period names (four digits from 19xx or 20xx). */
export function yearsIn(period: string): string[] {
  return [...period.matchAll(/(?:19|20)\d{2}/g)].map((m) => m[0]);
}
