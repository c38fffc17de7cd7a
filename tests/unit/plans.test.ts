/**
 * Plans as data: each bad plan fails with its file and the path inside it named, and a fourth
 * city's plan (a Changzhi fixture) comes out of the build with no code change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildParks } from '../../geo/build/parks';
import { assignSectors, checkAcross, parsePlan, type LoadedPlan } from '../../geo/build/plans';

const FILE = 'plans/141000-linfen.json';
const linfen = (): Record<string, unknown> & { sectors: Json[]; parks: Json[]; figures: Json[] } =>
  JSON.parse(readFileSync('geo/plans/141000-linfen.json', 'utf8')) as never;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const counties = () =>
  JSON.parse(readFileSync('geo/counties.geojson', 'utf8')).features.map((f: Json) => ({
    ...f,
    properties: { ...f.properties, sector: null },
  }));

describe('plan files', () => {
  it('accepts the three committed plans', () => {
    for (const name of ['140800-yuncheng', '141000-linfen', '430400-hengyang']) {
      const plan = parsePlan(JSON.parse(readFileSync(`geo/plans/${name}.json`, 'utf8')), `plans/${name}.json`);
      expect(plan.city).toBe(name.slice(0, 6));
    }
  });

  it('refuses a malformed county code, naming the file and the path', () => {
    const p = linfen();
    p.sectors[1]!.counties[2] = '14102';
    expect(() => parsePlan(p, FILE)).toThrow(`${FILE}: sectors[1].counties[2] is not a 6-digit code`);
  });

  it('refuses a county code the city does not have, naming the sector member', () => {
    const p = linfen();
    p.sectors[0]!.counties[0] = '430481';
    const plan = parsePlan(p, FILE);
    expect(() => assignSectors([plan], counties())).toThrow(
      `${FILE}: sectors[0].counties[0] 430481 is not a county of city 141000`,
    );
  });

  it('refuses a county in two sectors of one plan', () => {
    const p = linfen();
    p.sectors[2]!.counties.push(p.sectors[0]!.counties[0]);
    expect(() => parsePlan(p, FILE)).toThrow(/sectors\[2\]\.counties\[\d+\] \d{6} is already a member of sector "fen"/);
  });

  it('refuses a complete layout that leaves a county out', () => {
    const p = linfen();
    p.sectors[0]!.counties.pop();
    expect(() => assignSectors([parsePlan(p, FILE)], counties())).toThrow(
      `${FILE}: layout.complete, yet counties in no sector`,
    );
  });

  it('refuses an exact park outside its county, naming the park', () => {
    const p = linfen();
    Object.assign(p.parks[0]!, { precision: 'exact', lon: 112.5, lat: 36.1 });
    const plan = parsePlan(p, FILE);
    const byCode = new Map(counties().map((f: Json) => [f.properties.code, f]));
    expect(() => buildParks([plan], byCode as never)).toThrow(
      `${FILE}: parks[0] "${p.parks[0]!.id}": exact point [112.5, 36.1] is outside its county 尧都区`,
    );
  });

  it('refuses a figure citing a document the plan does not list', () => {
    const p = linfen();
    p.figures[4]!.source.doc = '004_5db95c285ec6e824';
    expect(() => parsePlan(p, FILE)).toThrow(
      `${FILE}: figures[4] "${p.figures[4]!.id}" cites document 004_5db95c285ec6e824, which the plan does not list`,
    );
  });

  it('refuses a duplicate id within a plan and across plans', () => {
    const p = linfen();
    p.parks[1]!.id = p.parks[0]!.id;
    expect(() => parsePlan(p, FILE)).toThrow(`${FILE}: parks[1].id "${p.parks[0]!.id}" is a duplicate`);
    const a = parsePlan(linfen(), FILE);
    const copy = { ...linfen(), city: '140400' };
    const b = parsePlan(copy, 'plans/140400-copy.json');
    expect(() => checkAcross([a, b] as LoadedPlan[])).toThrow(
      `plans/140400-copy.json: sector "fen" is also defined in ${FILE}`,
    );
  });

  it('refuses a plan whose file name names another city', () => {
    expect(() => parsePlan(linfen(), 'plans/140800-linfen.json')).toThrow('city 141000 does not match the file name');
  });

  it('refuses a check on a figure the plan does not have', () => {
    const p = linfen() as Json;
    p.checks[0].figure = 'no-such-figure';
    expect(() => parsePlan(p, FILE)).toThrow(`${FILE}: checks[0].figure "no-such-figure" is not a figure of the plan`);
  });
});
