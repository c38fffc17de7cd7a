/**
 * Reads the vendored census CSVs (geo/sources/census/) and checks them against every code the
 * division tables know. Shared by `npm run geo:build` (census.json for the plan places) and the
 * per-province census files of the national layer (./census-provinces.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCensus, type Census } from './census.ts';
import { divisionAreas, divisionCities } from './counties.ts';

export function readCensus(geoDir: string): Census {
  const dir = join(geoDir, 'sources', 'census');
  const known = new Set<string>([
    ...divisionAreas().map((a) => a.code),
    ...divisionCities().map((c) => `${c.code}00`),
    ...divisionCities().map((c) => `${c.provinceCode}0000`),
  ]);
  return loadCensus({
    text2020: readFileSync(join(dir, 'census-2020.csv'), 'utf8'),
    file2020: 'sources/census/census-2020.csv',
    text2010: readFileSync(join(dir, 'census-2010.csv'), 'utf8'),
    file2010: 'sources/census/census-2010.csv',
    knownCodes: known,
  });
}
