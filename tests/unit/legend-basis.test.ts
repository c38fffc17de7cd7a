/** The sectors legend says how the sectors' members were determined (issue 14), from the plans. */
import { describe, expect, it } from 'vitest';
import plansJson from '../../geo/plans.json';
import { layerLegend, legendSections } from '../../src/carto/legend.ts';
import type { GeoData } from '../../src/data/load.ts';
import type { PlanSummary } from '../../geo/schema.ts';

const data = {
  plans: plansJson as PlanSummary[],
  sectors: { type: 'FeatureCollection', features: [] },
} as unknown as GeoData;

describe('sectors legend', () => {
  it('carries the membership basis as its note, in both languages', () => {
    expect(layerLegend('sectors', data, 'zh').note).toBe('成员依据：推定（文件未列出各县）');
    expect(layerLegend('sectors', data, 'en').note).toBe('Members: inferred, the document does not list them');
  });

  it('gives other layers no such note', () => {
    expect(layerLegend('counties', data, 'en').note).toBeUndefined();
    expect(legendSections(data, ['counties'], 'en', null).every((s) => s.note === undefined)).toBe(true);
  });
});
