/**
 * The proof that plans are data: a fixture plan for a fourth city (Changzhi 长治, 140400, whose
 * county shapes predate its 2018 changes) goes through the real build with no code change, and
 * its counties, sector and plan come out beside the three real ones, which stay as they are.
 * Needs Debian's gmt for the rivers, as `npm run geo:build` does.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCollection, parsePlanSummaries } from '../../geo/schema';

type Files = Map<string, string>;
let files: Files;

beforeAll(async () => {
  process.env.BANKUAI_EXTRA_PLANS = 'tests/fixtures/plans';
  try {
    const { build } = await import('../../geo/build/index');
    files = build().files;
  } finally {
    delete process.env.BANKUAI_EXTRA_PLANS;
  }
}, 120_000);

const parsed = <T>(r: { ok: true; data: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.data;
};

describe('a fourth city from a plan file alone', () => {
  it('adds Changzhi to the plans, its 12 current counties and its fixture sector', () => {
    const plans = parsed(parsePlanSummaries(JSON.parse(files.get('plans.json')!)));
    const changzhi = plans.find((p) => p.city === '140400')!;
    expect(changzhi.name).toBe('长治市');
    expect(changzhi.fixture).toBe(true);
    expect(changzhi.counties).toHaveLength(12);
    const counties = parsed(parseCollection('counties', JSON.parse(files.get('counties.geojson')!)));
    const names = counties.features.filter((f) => f.properties.prefecture === '140400').map((f) => f.properties.name);
    expect(names).toContain('潞州区'); // the 2018 merger of 城区 and 郊区, dissolved
    expect(names).not.toContain('城区');
    const sectors = parsed(parseCollection('sectors', JSON.parse(files.get('sectors.geojson')!)));
    const fixture = sectors.features.find((f) => f.properties.id === 'changzhi-fixture')!;
    expect(fixture.properties.city).toBe('140400');
    expect(fixture.properties.counties).toEqual(['140403', '140404', '140406']);
  });

  it('leaves the three real plans’ places and figures as committed', () => {
    // Geometry may differ by a vertex: Changzhi borders Linfen, and the shared border is simplified
    // once for both. Places, membership and stated figures do not.
    const committed = parsed(parseCollection('counties', JSON.parse(readFileSync('geo/counties.geojson', 'utf8'))));
    const built = parsed(parseCollection('counties', JSON.parse(files.get('counties.geojson')!)));
    const real = built.features.filter((f) => f.properties.prefecture !== '140400').map((f) => f.properties);
    expect(real).toEqual(committed.features.map((f) => f.properties));
    const stated = (text: string) =>
      (JSON.parse(text) as { id: string; computed_only?: boolean }[]).filter((r) => !r.computed_only);
    expect(stated(files.get('indicators.json')!)).toEqual(stated(readFileSync('geo/indicators.json', 'utf8')));
  });
});
