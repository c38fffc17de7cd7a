import { describe, expect, it } from 'vitest';
import countiesText from '../../geo/counties.geojson?raw';
import sectorsText from '../../geo/sectors.geojson?raw';
import riversText from '../../geo/rivers.geojson?raw';
import parksText from '../../geo/parks.geojson?raw';
import provincesText from '../../geo/provinces.geojson?raw';
import indicatorsText from '../../geo/indicators.json?raw';
import plansText from '../../geo/plans.json?raw';
import censusText from '../../geo/census.json?raw';
import { validateOutputs, type Outputs } from '../../geo/build/validate';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TEXTS = {
  counties: countiesText,
  sectors: sectorsText,
  rivers: riversText,
  parks: parksText,
  provinces: provincesText,
  indicators: indicatorsText,
  plans: plansText,
  census: censusText,
};

/** A fresh, deep copy of the committed outputs, to break in memory. */
function outputs(): { [K in keyof Outputs]: Json } {
  return Object.fromEntries(Object.entries(TEXTS).map(([k, t]) => [k, JSON.parse(t) as Json])) as {
    [K in keyof Outputs]: Json;
  };
}

function county(o: ReturnType<typeof outputs>, name: string): Json {
  const f = (o.counties.features as Json[]).find((x) => x.properties.name === name);
  if (!f) throw new Error(`no county ${name}`);
  return f;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function errorsOf(o: ReturnType<typeof outputs>): string {
  return validateOutputs(o).join('\n');
}

describe('geo output validation', () => {
  it('accepts the committed outputs', () => {
    expect(validateOutputs(outputs())).toEqual([]);
  });

  it('refuses a county without a code, naming the feature', () => {
    const o = outputs();
    delete county(o, '尧都区').properties.code;
    const e = errorsOf(o);
    expect(e).toContain('counties.geojson');
    expect(e).toMatch(/"尧都区".*code/);
  });

  it('refuses a self-intersecting ring, naming the feature', () => {
    const o = outputs();
    county(o, '侯马市').geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [111.3, 35.6],
          [111.4, 35.7],
          [111.4, 35.6],
          [111.3, 35.7],
          [111.3, 35.6],
        ],
      ],
    };
    const e = errorsOf(o);
    expect(e).toMatch(/counties\.geojson: .*"侯马市".*self-intersecting/);
  });

  it('refuses an unclosed ring, naming the feature', () => {
    const o = outputs();
    const ring = county(o, '吉县').geometry.coordinates[0] as number[][];
    ring.pop();
    expect(errorsOf(o)).toMatch(/counties\.geojson: .*"吉县".*not closed/);
  });

  it('refuses coordinates outside the region, naming the feature', () => {
    const o = outputs();
    const ring = county(o, '耒阳市').geometry.coordinates[0] as number[][];
    ring[3] = [150, 10];
    expect(errorsOf(o)).toMatch(/counties\.geojson: .*"耒阳市".*outside the region/);
  });

  it('refuses a river outside the region, naming the feature', () => {
    const o = outputs();
    const r = (o.rivers.features as Json[]).find((f) => f.properties.id === 'fen-he')!;
    const lines = r.geometry.type === 'LineString' ? [r.geometry.coordinates] : r.geometry.coordinates;
    (lines[0] as number[][])[1] = [60, 30];
    expect(errorsOf(o)).toMatch(/rivers\.geojson: .*"汾河".*outside the region/);
  });

  it('refuses a label point outside its county, or a bbox that is not its geometry’s, naming the feature', () => {
    const o = outputs();
    const jixian = county(o, '吉县');
    // Inside the box (so the schema's cheap check passes) but in its corner, outside the county.
    jixian.label_point = [jixian.bbox[0] + 1e-5, jixian.bbox[1] + 1e-5];
    const sector = (o.sectors.features as Json[])[0]!;
    sector.bbox = [sector.bbox[0] - 0.1, ...sector.bbox.slice(1)];
    const e = errorsOf(o);
    expect(e).toMatch(/counties\.geojson: .*"吉县".*label_point .* is not on the feature/);
    expect(e).toMatch(/sectors\.geojson: .*bbox .* is not its geometry's/);
  });

  it('refuses a river without its label point, naming the feature', () => {
    const o = outputs();
    delete (o.rivers.features as Json[])[0]!.label_point;
    expect(errorsOf(o)).toMatch(/rivers\.geojson: feature #0 .*label_point: position is not/);
  });

  it('refuses duplicate county codes, naming the feature', () => {
    const o = outputs();
    county(o, '曲沃县').properties.code = county(o, '尧都区').properties.code;
    expect(errorsOf(o)).toMatch(/counties\.geojson: .*"曲沃县".*duplicate code 141002/);
  });

  it('refuses duplicate park ids, naming the feature', () => {
    const o = outputs();
    const parks = o.parks.features as Json[];
    parks[1]!.properties.id = parks[0]!.properties.id;
    expect(errorsOf(o)).toMatch(new RegExp(`parks\\.geojson: .*"${esc(parks[1]!.properties.name)}".*duplicate id`));
  });

  it('refuses duplicate indicator ids, naming the record', () => {
    const o = outputs();
    const ind = o.indicators as Json[];
    ind[1]!.id = ind[0]!.id;
    expect(errorsOf(o)).toMatch(new RegExp(`indicators\\.json: indicator "${ind[0]!.id}": duplicate id`));
  });

  it('refuses a sector member that is not a county, naming the sector', () => {
    const o = outputs();
    const fen = (o.sectors.features as Json[]).find((f) => f.properties.id === 'fen')!;
    fen.properties.counties.push('141099');
    expect(errorsOf(o)).toMatch(/sectors\.geojson: .*"沿汾板块".*141099 is not a county/);
  });

  it('refuses a park whose county is not in the registry, naming the park', () => {
    const o = outputs();
    const park = (o.parks.features as Json[])[0]!;
    park.properties.county = '999999';
    expect(errorsOf(o)).toMatch(
      new RegExp(`parks\\.geojson: .*"${esc(park.properties.name)}".*county 999999 is not a county`),
    );
  });

  it('refuses an indicator whose subject is not in the registry, naming the record', () => {
    const o = outputs();
    const r = (o.indicators as Json[])[0]!;
    r.subject = 'park:no-such-park';
    expect(errorsOf(o)).toMatch(
      new RegExp(`indicators\\.json: indicator "${r.id}": subject park:no-such-park is not in the registry`),
    );
  });

  it('refuses a source that is not a document stem, naming the record', () => {
    const o = outputs();
    const r = (o.indicators as Json[])[2]!;
    r.source.doc = '005_not_a_seed';
    expect(errorsOf(o)).toMatch(
      new RegExp(`indicators\\.json: indicator "${r.id}": source\\.doc is not a document file stem`),
    );
  });

  it('refuses a source that no plan lists, naming the record', () => {
    const o = outputs();
    const r = (o.indicators as Json[])[2]!;
    r.source.doc = '005_0123456789abcdef';
    expect(errorsOf(o)).toMatch(
      new RegExp(
        `indicators\\.json: indicator "${r.id}": source\\.doc 005_0123456789abcdef is a document no plan lists`,
      ),
    );
  });

  it('refuses a value with no unit, naming the record', () => {
    const o = outputs();
    const a = (o.indicators as Json[])[3]!;
    delete a.unit;
    const b = (o.indicators as Json[])[4]!;
    b.unit = '';
    const e = errorsOf(o);
    expect(e).toMatch(new RegExp(`indicators\\.json: indicator "${a.id}": unit`));
    const o2 = outputs();
    (o2.indicators as Json[])[4]!.unit = '';
    expect(errorsOf(o2)).toMatch(new RegExp(`indicators\\.json: indicator "${b.id}": unit has no unit`));
  });

  it('refuses a computed record that cites a document instead of the geometry', () => {
    const o = outputs();
    const r = (o.indicators as Json[]).find((x) => x.computed_only === true)!;
    r.source.doc = '000_cadb55420808a2ac';
    expect(errorsOf(o)).toMatch(new RegExp(`indicators\\.json: indicator "${r.id}": computed_only`));
  });
});

describe('census.json validation', () => {
  it('refuses a share over 100 %, naming the place and the indicator', () => {
    const o = outputs();
    const i = (o.census.indicators as Json[]).findIndex((d) => d.id === 'census-urban');
    o.census.places['county:141002'].v[i] = 100.5;
    expect(errorsOf(o)).toContain('census.json: place county:141002: census-urban 100.5 is not a share (0–100)');
  });

  it('refuses a negative count and values that do not line up with the indicators', () => {
    const o = outputs();
    o.census.places['county:141002'].v[0] = -1;
    expect(errorsOf(o)).toContain('census.json: place county:141002: census-res2020 -1 is negative');
    const o2 = outputs();
    o2.census.places['city:141000'].v.pop();
    expect(errorsOf(o2)).toMatch(/census\.json: place city:141000: has \d+ values for \d+ indicators/);
  });

  it('keeps "no data" as null, never 0', () => {
    const o = outputs();
    o.census.places['county:141002'].v[2] = null;
    expect(validateOutputs(o)).toEqual([]);
  });
});
