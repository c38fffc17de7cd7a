/**
 * Census figures in words: values with their unit and decimals, changes signed, and ranks as a
 * reader says them ("临汾市第3位（共17）", "3rd of 17 in Linfen"). Pure and tested.
 */
import type { Lang } from '../../geo/model/lang.ts';
import type { CensusIndicator } from '../../geo/schema.ts';
import type { Rank } from '../data/census.ts';
import { formatNumber, numberFormat } from './format.ts';

/** A figure that is missing, in a card row, a table cell or a comparison. */
export const NO_DATA: Record<Lang, string> = { zh: '无数据', en: 'no data' };

export function formatCensusValue(value: number | null, indicator: CensusIndicator, lang: Lang): string {
  if (value === null) return NO_DATA[lang];
  const digits = indicator.decimals;
  const text = numberFormat(lang, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    ...(indicator.kind === 'change' ? { signDisplay: 'exceptZero' as const } : {}),
  }).format(value);
  const unit = lang === 'zh' ? indicator.unit : indicator.unit_en;
  if (unit === '%') return `${text}%`;
  return lang === 'zh' ? `${text}${unit}` : `${text} ${unit}`;
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  // Grouped as the count beside it is: 1,406th of 2,848.
  const written = formatNumber(n, 'en');
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${written}th`;
  return `${written}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** The short English name of a group: 临汾市 → Linfen is the registry's; the census gives only Chinese. */
export type GroupName = (rank: Rank) => string;

export function formatRank(rank: Rank, lang: Lang, groupName: GroupName): string {
  const name = groupName(rank);
  if (lang === 'zh') return `${name}第${formatNumber(rank.rank, lang)}位（共${formatNumber(rank.of, lang)}）`;
  return `${ordinal(rank.rank)} of ${formatNumber(rank.of, lang)} in ${name}`;
}
