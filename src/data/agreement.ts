/**
 * Whether a figure computed from the geometry or the census agrees with the figure a document
 * states. Pure, so the rule is tested (tests/unit/agreement.test.ts) rather than hidden in a card.
 *
 * - A number: documents round to their precision, so the computed value agrees when it lies within
 *   half a unit of the stated number's last printed digit (79.5 → ±0.05), widened to 1 % of the
 *   value to allow for the boundaries' own error (a county polygon is not a surveyed border).
 * - A threshold or a bound (> 400, ≥ 60, < 10): agrees when the computed value satisfies it.
 * - A range: agrees when the computed value lies inside it, with the same 1 % allowance.
 * - About (约, 近): agrees within 5 % of the stated number.
 */
import type { IndicatorValue } from '../../geo/schema.ts';

export type Agreement = 'agrees' | 'differs';

/** Half a unit of the last printed digit of a number (79.5 → 0.05, 17 → 0.5). */
export function halfLastDigit(stated: number): number {
  const text = String(stated);
  const dot = text.indexOf('.');
  const decimals = dot < 0 ? 0 : text.length - dot - 1;
  return 0.5 * 10 ** -decimals;
}

export function agreement(stated: IndicatorValue, computed: number): Agreement {
  const within = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance;
  const slack = (x: number) => Math.abs(x) * 0.01;
  let ok: boolean;
  if (typeof stated === 'number') ok = within(computed, stated, Math.max(halfLastDigit(stated), slack(stated)));
  else if ('about' in stated) ok = within(computed, stated.about, Math.abs(stated.about) * 0.05);
  else if ('gt' in stated) ok = computed > stated.gt;
  else if ('gte' in stated) ok = computed >= stated.gte;
  else if ('lt' in stated) ok = computed < stated.lt;
  else if ('lte' in stated) ok = computed <= stated.lte;
  else ok = computed >= stated.min - slack(stated.min) && computed <= stated.max + slack(stated.max);
  return ok ? 'agrees' : 'differs';
}
