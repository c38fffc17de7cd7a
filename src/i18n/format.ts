/** Numbers for people, with Intl: `2300 亿元` in Chinese, `CNY 230 bn` in English. */
import type { Lang } from '../../geo/model/lang.ts';
import {
  PERIOD_NOT_STATED,
  type IndicatorValue,
  type SectorBasis,
  type SourceDocument,
  type Where,
} from '../../geo/schema.ts';

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

/**
 * One Intl.NumberFormat per language and options, made on first use: making one costs about a
 * millisecond (ICU loads its locale data), and a card, the table or a chart formats hundreds of numbers.
 */
const formats = new Map<string, Intl.NumberFormat>();
export function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[lang], options);
    formats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 2): string {
  // A whole number under 1000 reads the same in both locales as in plain digits (no grouping, Latin
  // digits), and the layer panel's counts are the only numbers the first view shows: written
  // without Intl, they keep ICU's first locale load (about 15 ms) off the start-up path.
  if (Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
  return numberFormat(lang, { maximumFractionDigits }).format(value);
}

interface Scaled {
  value: number;
  unit: string;
}

/**
 * 亿元 is 10^8 yuan: English readers expect billions (10^9), so 2300 亿元 reads as CNY 230 bn.
 * Other Chinese units get an English name and keep their number.
 */
function scaleForLanguage(value: number, unit: string, lang: Lang): Scaled {
  if (lang === 'zh') return { value, unit };
  switch (unit) {
    case '亿元':
      return { value: value / 10, unit: 'CNY bn' };
    case '万元':
      return { value: value / 100, unit: 'CNY m' };
    case '元':
      return { value, unit: 'CNY' };
    case '万人':
      return { value: value * 10, unit: 'thousand people' };
    case '万吨':
      return { value: value * 10, unit: 'thousand t' };
    case '吨':
      return { value, unit: 't' };
    case '万千瓦':
      return { value: value * 10, unit: 'MW' };
    case '亩':
      return { value: value / 15, unit: 'ha' };
    case '百分点':
      return { value, unit: 'percentage points' };
    case '倍':
      return { value, unit: '×' };
    case 'year':
      return { value, unit: value === 1 ? 'year' : 'years' };
    case 'places':
      return { value, unit: value === 1 ? 'place' : 'places' };
    case '个':
    case 'count':
      return { value, unit: '' };
    default:
      return { value, unit };
  }
}

/**
 * The measure word follows the unit: a count of things is 个, of years 年, and a move in a ranking
 * (`places`: "up 14 places") 位, so 6 years read 6 年, never 6 个.
 */
const UNIT_ZH: Record<string, string> = { count: '个', rank: '位', year: '年', places: '位' };

function withUnit(number: string, unit: string, lang: Lang): string {
  if (lang === 'zh') {
    const shown = UNIT_ZH[unit] ?? unit;
    return unit === 'rank' ? `第 ${number} 位` : `${number}${shown === '%' ? '' : ' '}${shown}`;
  }
  if (unit === '') return number;
  if (unit === 'rank') return `no. ${number}`;
  if (unit === '%') return `${number}%`;
  if (unit === '×') return `${number}×`;
  // Currency codes go in front, as English writing does: CNY 230 bn.
  if (unit.startsWith('CNY')) return `${unit.replace(/^CNY/, 'CNY ' + number).trim()}`;
  return `${number} ${unit}`;
}

export function formatValue(value: IndicatorValue, unit: string, lang: Lang): string {
  const one = (n: number): string => {
    const scaled = scaleForLanguage(n, unit, lang);
    return withUnit(formatNumber(scaled.value, lang), scaled.unit, lang);
  };
  if (typeof value === 'number') return one(value);
  if ('min' in value) {
    const lo = scaleForLanguage(value.min, unit, lang);
    const hi = scaleForLanguage(value.max, unit, lang);
    return withUnit(`${formatNumber(lo.value, lang)}–${formatNumber(hi.value, lang)}`, hi.unit, lang);
  }
  // 约, 近, 左右, 余: a round figure as the document gives it, not a bound.
  if ('about' in value) return lang === 'zh' ? `约${one(value.about)}` : `≈ ${one(value.about)}`;
  if ('gt' in value) return `> ${one(value.gt)}`;
  if ('gte' in value) return `≥ ${one(value.gte)}`;
  if ('lt' in value) return `< ${one(value.lt)}`;
  return `≤ ${one(value.lte)}`;
}

// ---------------------------------------------------------------- where a figure comes from

const NUMERAL = /^[一二三四五六七八九十]+$/;
const NUMERAL_VALUE: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

type Sections = SourceDocument['sections'];

/** A section of a document for people: 第二节 / 导语 / 「永济市委书记 何伟」, or its English name. */
export function formatSection(section: string, sections: Sections, lang: Lang): string {
  if (lang === 'en') {
    const named = sections?.find((s) => s.id === section)?.name_en;
    if (named !== undefined) return named;
    return NUMERAL.test(section) && section.length === 1 ? `section ${NUMERAL_VALUE[section]}` : 'section';
  }
  if (NUMERAL.test(section)) return `第${section}节`;
  if (section === '导语' || section === '全文') return section;
  return `「${section}」`;
}

/** Section and paragraph: 第二节第3段 / 导语第1段 / 第2段 (a text without headings); section 2, paragraph 3. */
export function formatWhere(where: Where, sections: Sections, lang: Lang): string {
  if (lang === 'zh')
    return where.section === '全文'
      ? `第${where.paragraph}段`
      : `${formatSection(where.section, sections, lang)}第${where.paragraph}段`;
  return where.section === '全文'
    ? `paragraph ${where.paragraph}`
    : `${formatSection(where.section, sections, lang)}, paragraph ${where.paragraph}`;
}

/** A document by name for a card: its short title (or title), never its file stem. */
export function documentName(doc: SourceDocument | undefined, lang: Lang): string {
  if (doc === undefined) return lang === 'zh' ? '来源文件' : 'source document';
  if (lang === 'en') return doc.short_title_en ?? doc.short_title ?? doc.title;
  return doc.short_title ?? doc.title;
}

/** A document's date as it states it, with an inferred one marked: 2020（推定）/ 2020 (inferred). */
export function documentDate(doc: SourceDocument, lang: Lang): string {
  if (doc.date_inferred !== true) return doc.date;
  return lang === 'zh' ? `${doc.date}（推定）` : `${doc.date} (inferred)`;
}

/**
 * A figure's period in the UI language. An inferred one is never shown as fact: 年份未注明 / year
 * not stated when there is nothing to go on, else 约2022年7月（推定）/ c. July 2022 (inferred).
 */
export function formatPeriod(
  indicator: { period: string; period_en?: string; period_inferred?: true },
  lang: Lang,
): { text: string; inferred: boolean } {
  const inferred = indicator.period_inferred === true;
  const notStated = indicator.period === PERIOD_NOT_STATED.zh;
  if (lang === 'zh') {
    const text = notStated ? PERIOD_NOT_STATED.zh : inferred ? `${indicator.period}（推定）` : indicator.period;
    return { text, inferred };
  }
  const en = indicator.period_en ?? indicator.period;
  const text = notStated ? PERIOD_NOT_STATED.en : inferred ? `${en} (inferred)` : en;
  return { text, inferred };
}

/** How a computed record was computed: from the boundaries, or counted from a membership list. */
export function computedMethod(source: { section: string }, lang: Lang): string {
  const fromList = /membership/.test(source.section);
  if (lang === 'zh') return fromList ? '按成员名单计数' : '由边界计算';
  return fromList ? 'counted from the membership list' : 'computed from boundaries';
}

/** How a sector's members were determined, in one line; the reasoning is shown on request. */
export function basisLine(basis: SectorBasis, lang: Lang): string {
  if (basis.kind === 'listed') return lang === 'zh' ? '成员依据：文件列出各县' : 'Members: listed in the document';
  return lang === 'zh' ? '成员依据：推定（文件未列出各县）' : 'Members: inferred, the document does not list them';
}

/** The reasoning behind an inferred membership, in the UI language (English when there is no Chinese). */
export function basisReasoning(basis: SectorBasis, lang: Lang): string | undefined {
  if (basis.kind === 'listed') return undefined;
  return lang === 'zh' ? (basis.reasoning ?? basis.reasoning_en) : basis.reasoning_en;
}

/** The words around a figure's provenance on the card. */
export const PROVENANCE_WORDS = {
  zh: { printed: '原文', reasoning: '推定依据', restsOn: '所据文件' },
  en: { printed: 'As printed', reasoning: 'How the members were determined', restsOn: 'Rests on' },
} as const satisfies Record<Lang, Record<string, string>>;
