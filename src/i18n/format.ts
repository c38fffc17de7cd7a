/** Numbers for people, with Intl: `2300 亿元` in Chinese, `CNY 230 bn` in English. */
import type { Lang } from '../../geo/model/lang.ts';

export type IndicatorValue =
  number | { gt: number } | { gte: number } | { lt: number } | { lte: number } | { min: number; max: number };

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits }).format(value);
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
  if ('gt' in value) return `> ${one(value.gt)}`;
  if ('gte' in value) return `≥ ${one(value.gte)}`;
  if ('lt' in value) return `< ${one(value.lt)}`;
  return `≤ ${one(value.lte)}`;
}
