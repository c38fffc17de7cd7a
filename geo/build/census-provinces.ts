/**
 * The national layer's census (issue 18): one `census-<province code>.json` per province, with
 * every county-level unit and city of the province, their figures and their ranks in city,
 * province and country, in census.json's shape (geo/schema.ts `parseCensusFile` re-checks it in
 * the app). Areas for density come from the national layer's polygons (turf area, km²).
 *
 * Built by a Vite plugin at build time (emitted as dist/data/census/<code>.json, served from
 * memory in dev), not committed: it is derived from two committed inputs in about a second, and
 * 31 generated files in git would only have to be kept in step with them.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { area as turfArea } from '@turf/turf';
import type { Plugin } from 'vite';
import { buildCensusJson, buildCensusProvince, censusText } from './census.ts';
import { readCensus } from './census-read.ts';
import { parseTopology, topologyFeatures } from './national/outputs.ts';

/** Where the files are served, under Vite's base: `${BASE_URL}data/census/<province code>.json`. */
export const CENSUS_PREFIX = 'data/census/';

/** County areas (km²) of the national layer, by code. */
export function nationalAreas(topologyText: string): Map<string, number> {
  const features = topologyFeatures(parseTopology(topologyText));
  return new Map(features.map((f) => [f.properties.code, turfArea(f) / 1e6]));
}

/**
 * Province code → the text of its census file. Each file also holds the `country` entry (its
 * figures and the number of ranked units per indicator), so a card can say "of 2,844 in China".
 */
export function censusProvinceFiles(geoDir: string, topologyText: string): Map<string, string> {
  const census = readCensus(geoDir);
  const areas = nationalAreas(topologyText);
  // One pass over the whole country, split by province: the same files as buildCensusProvince
  // gives one province at a time (a unit test checks one), without recomputing every rank 31 times.
  const rows = census.rows.filter((r) => r.code !== '');
  const all = buildCensusJson(census, {
    counties: rows
      .filter((r) => r.level === 'county')
      .map((r) => ({ code: r.code, city: r.parent, province: `${r.code.slice(0, 2)}0000` })),
    cities: rows.filter((r) => r.level === 'city').map((r) => r.code),
    sectors: [],
    areaKm2: areas,
  });
  const out = new Map<string, string>();
  for (const province of rows
    .filter((r) => r.level === 'province')
    .map((r) => r.code)
    .sort()) {
    const prefix = province.slice(0, 2);
    const places = Object.fromEntries(
      Object.entries(all.places).filter(([key]) => key === 'country' || key.split(':')[1]?.startsWith(prefix)),
    );
    out.set(province, censusText({ ...all, places }));
  }
  return out;
}

/** One province's file the slow way, for the test that the split above gives the same. */
export function censusProvinceFile(geoDir: string, topologyText: string, province: string): string {
  const census = readCensus(geoDir);
  const areas = nationalAreas(topologyText);
  const file = buildCensusProvince(census, province, areas);
  const country = buildCensusJson(census, { counties: [], cities: [], sectors: [], areaKm2: areas }).places.country;
  if (country) file.places.country = country;
  return censusText(file);
}

export function nationalCensus(geoDir = resolve('geo')): Plugin {
  let cache: Map<string, string> | undefined;
  const files = () =>
    (cache ??= censusProvinceFiles(geoDir, readFileSync(join(geoDir, 'national', 'counties.topo.json'), 'utf8')));
  return {
    name: 'bankuai-national-census',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0]!;
        const m = /\/data\/census\/(\d{6})\.json$/.exec(url);
        if (!m) return next();
        const text = files().get(m[1]!);
        if (text === undefined) {
          res.statusCode = 404;
          res.end('Not found');
          return;
        }
        res.setHeader('Content-Type', 'application/json');
        res.end(text);
      });
    },
    generateBundle() {
      for (const [code, source] of files())
        this.emitFile({ type: 'asset', fileName: `${CENSUS_PREFIX}${code}.json`, source });
    },
  };
}
