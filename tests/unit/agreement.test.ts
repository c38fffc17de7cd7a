import { describe, expect, it } from 'vitest';
import { agreement, halfLastDigit } from '../../src/data/agreement.ts';

describe('agreement of a computed figure with the stated one', () => {
  it.each([
    [17, 0.5],
    [79.5, 0.05],
    [95.4, 0.05],
    [87.43, 0.005],
  ])('half the last printed digit of %s is %s', (stated, half) => {
    expect(halfLastDigit(stated)).toBeCloseTo(half, 10);
  });

  it.each([
    // stated, computed, verdict
    [79.5, 79.5, 'agrees'],
    [79.5, 80.2, 'agrees'], // within 1 % of 79.5 (the boundaries' own error)
    [79.5, 82.4, 'differs'], // the sum-of-counties denominator: not what the document states
    [17, 17, 'agrees'],
    [17, 18, 'differs'],
    [{ gte: 60 }, 69.7, 'agrees'],
    [{ gte: 60 }, 59.9, 'differs'],
    [{ gt: 400 }, 400, 'differs'],
    [{ lt: 10 }, 9.9, 'agrees'],
    [{ lte: 10 }, 10, 'agrees'],
    [{ min: 3, max: 5 }, 4, 'agrees'],
    [{ min: 3, max: 5 }, 6, 'differs'],
    [{ about: 300 }, 290, 'agrees'],
    [{ about: 300 }, 250, 'differs'],
  ] as const)('%o against %s %s', (stated, computed, verdict) => {
    expect(agreement(stated, computed)).toBe(verdict);
  });
});
