/**
 * `npm run bench`: builds the app and the bare reference page (bench/reference/), serves both on
 * 127.0.0.1 and measures them alternately (app, reference, app, reference …) in a fresh headless
 * Chromium each run; prints medians, app/reference ratios and the budgets of issue 7, and writes
 * bench/results.json and bench/RESULTS.md.
 *
 *   npm run bench                       the comparison (5 rounds)
 *   npm run bench -- --stress           the growth table with synthetic data instead
 *   npm run bench -- --layers           the layer ladder: what each layer group costs
 *   options: --rounds N  --stress-rounds N  --layers-rounds N  --no-build (reuse bench/dist)
 *
 * Each mode rewrites its own section of results.json and keeps the other's last figures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Counties, Parks } from '../geo/schema.ts';
import type { LayerId } from '../geo/model/layers.ts';
import { APP_DIR, FLOOR_DIR, REFERENCE_DIR, buildApp, buildFloor, buildReference } from './lib/build.ts';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  HASH_TARGET,
  VIEWPORT,
  measurePage,
  warmUp,
  type RunOptions,
  type RunResult,
} from './lib/measure.ts';
import {
  budgetTable,
  budgets,
  growthTable,
  ladderTable,
  mainTable,
  median,
  r2,
  summarise,
  type Budget,
  type GrowthRow,
  type LadderRow,
  type ReadyHeap,
  type Summary,
} from './lib/report.ts';
import { format, resolveConfig } from 'prettier';
import { serveStatic, type StaticServer } from './lib/server.ts';
import { assertValid, multiplyCounties, syntheticParks } from './lib/synthetic.ts';
import { placesOnly } from '../geo/model/tiled.ts';
import { planTileServer } from '../geo/build/plan-tiles.ts';

const RESULTS_JSON = resolve('bench/results.json');
const RESULTS_MD = resolve('bench/RESULTS.md');
const SERVER_NOTE =
  'a small Node http server (bench/lib/server.ts) on 127.0.0.1 that gzips .js, .mjs, .css, .json, .html and .svg at zlib level 6';

// ------------------------------------------------------------------ options

const argv = process.argv.slice(2);
function intOption(name: string, fallback: number, min: number, max: number): number {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} wants a whole number ${min}–${max}`);
  return n;
}
const STRESS = argv.includes('--stress');
const LADDER = argv.includes('--layers');
if (STRESS && LADDER) throw new Error('--stress and --layers are separate runs; ask for one');
const ROUNDS = intOption('--rounds', 5, 1, 20);
const STRESS_ROUNDS = intOption('--stress-rounds', 3, 1, 10);
const LADDER_ROUNDS = intOption('--layers-rounds', 5, 1, 10);
const BUILD = !argv.includes('--no-build');

/** A hard stop, so a hung browser can never keep the bench (or CI) waiting for ever. */
const WATCHDOG_MS = 15 * 60_000;
setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 60_000} minutes; giving up.`);
  process.exit(2);
}, WATCHDOG_MS).unref();

const t0 = Date.now();
const elapsed = (): string => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const log = (text: string): void => console.log(`[${elapsed().padStart(5)}] ${text}`);

// ------------------------------------------------------------------ helpers

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** One measured run; a failure is reported and skipped, never retried in a loop. */
async function run(label: string, options: RunOptions): Promise<RunResult | null> {
  try {
    const result = await measurePage(options);
    const problems = result.problems.length === 0 ? '' : `  problems: ${result.problems.slice(0, 3).join(' | ')}`;
    log(
      `${label.padEnd(28)} ready ${result.readyMs.toFixed(0).padStart(6)} ms  p95 ${result.interaction.p95
        .toFixed(0)
        .padStart(
          4,
        )} ms  heap ${(result.heapBytes / 1e6).toFixed(1)} MB  (${(result.wallMs / 1000).toFixed(0)} s)${problems}`,
    );
    return result;
  } catch (error) {
    log(`${label.padEnd(28)} FAILED: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return null;
  }
}

const ok = (list: (RunResult | null)[]): RunResult[] => list.filter((r): r is RunResult => r !== null);

function roundRun(r: RunResult): unknown {
  return {
    readyMs: r2(r.readyMs),
    bytes: r.bytes,
    heapBytes: Math.round(r.heapBytes),
    interaction: roundFrames(r.interaction),
    pan: roundFrames(r.pan),
    zoom: roundFrames(r.zoom),
    hashchangeMs: r.hashchangeMs === null ? null : r2(r.hashchangeMs),
    problems: r.problems,
  };
}

function roundFrames(f: RunResult['interaction']): unknown {
  return {
    frames: f.frames,
    p50Ms: r2(f.p50),
    p95Ms: r2(f.p95),
    maxMs: r2(f.max),
    mainThreadMs: r2(f.busyMs),
    windowMs: f.windowMs,
  };
}

// ------------------------------------------------------------------ results.json

type Medians = Record<keyof Summary, number | null>;

/** Other work on the machine skews every figure, so each section records the 1-minute load average. */
interface Load {
  loadAverageStart: number | null;
  loadAverageEnd: number | null;
}
const load1 = (): number | null => r2(loadavg()[0] ?? NaN);

interface MainJson extends Load {
  generated: string;
  rounds: number;
  successfulRuns: { app: number; reference: number; floor?: number };
  /** `floor`: the app's map without the app (bench/floor); absent in results from before it existed. */
  medians: { app: Medians; reference: Medians; floor?: Medians };
  ratios: Medians;
  budgets: Budget[];
  /** Bytes by path in the last run of each page. */
  files: { app: Record<string, number>; reference: Record<string, number>; floor?: Record<string, number> };
  runs: { app: unknown[]; reference: unknown[]; floor?: unknown[] };
}

interface ScenarioJson {
  id: string;
  label: string;
  counties: number;
  parks: number;
  countiesJsonBytes: number;
  parksJsonBytes: number | null;
  successfulRuns: { app: number; reference: number | null };
  app: { readyMs: number | null; frameP95Ms: number | null; heapBytes: number | null };
  reference: { readyMs: number | null; frameP95Ms: number | null } | null;
}

interface StressJson extends Load {
  generated: string;
  rounds: number;
  scenarios: ScenarioJson[];
}

interface LadderJson extends Load {
  generated: string;
  rounds: number;
  reference: ReadyHeap;
  /** One row per step; `layers` is what the pages' `#layers=` asked for. */
  rows: (LadderRow & { layers: LayerId[]; successfulRuns: { floor: number; app: number } })[];
}

interface ResultsFile {
  generated?: string;
  environment?: unknown;
  main: MainJson | null;
  stress: StressJson | null;
  layers: LadderJson | null;
}

function readPrevious(): ResultsFile {
  if (existsSync(RESULTS_JSON)) {
    try {
      const json = JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as Partial<ResultsFile>;
      return { main: json.main ?? null, stress: json.stress ?? null, layers: json.layers ?? null };
    } catch {
      // A damaged file is simply replaced.
    }
  }
  return { main: null, stress: null, layers: null };
}

const nan = (x: number | null | undefined): number => x ?? NaN;
const bytesOrNull = (x: number): number | null => (Number.isFinite(x) ? Math.round(x) : null);

function toMedians(s: Summary): Medians {
  const out = {} as Medians;
  for (const key of Object.keys(s) as (keyof Summary)[])
    out[key] = key.endsWith('Bytes') ? bytesOrNull(s[key]) : r2(s[key]);
  return out;
}

function fromMedians(m: Medians): Summary {
  const out = {} as Summary;
  for (const key of Object.keys(m) as (keyof Summary)[]) out[key] = nan(m[key]);
  return out;
}

function mainFromJson(json: MainJson): { medians: string; budgetText: string } {
  return {
    medians: mainTable(
      fromMedians(json.medians.app),
      fromMedians(json.medians.reference),
      json.medians.floor === undefined ? null : fromMedians(json.medians.floor),
    ),
    // From the medians, so the table always reads as report.ts words it now.
    budgetText: budgetTable(budgets(fromMedians(json.medians.app), fromMedians(json.medians.reference))),
  };
}

function growthFromJson(json: StressJson): string {
  return growthTable(
    json.scenarios.map((s): GrowthRow => ({
      label: s.label,
      counties: s.counties,
      parks: s.parks,
      app: { readyMs: nan(s.app.readyMs), frameP95Ms: nan(s.app.frameP95Ms), heapBytes: nan(s.app.heapBytes) },
      reference:
        s.reference === null ? null : { readyMs: nan(s.reference.readyMs), frameP95Ms: nan(s.reference.frameP95Ms) },
    })),
  );
}

async function builds(): Promise<void> {
  if (!BUILD) {
    if ([APP_DIR, FLOOR_DIR, REFERENCE_DIR].some((dir) => !existsSync(resolve(dir, 'index.html'))))
      throw new Error('--no-build needs an earlier build in bench/dist/');
    log('reusing bench/dist/app, bench/dist/floor and bench/dist/reference (--no-build)');
    return;
  }
  log('building the app (vite build, the project config) into bench/dist/app …');
  await buildApp();
  log('building the floor page (bench/floor) into bench/dist/floor …');
  await buildFloor();
  log('building the reference page (bench/reference) into bench/dist/reference …');
  await buildReference();
}

// ------------------------------------------------------------------ the comparison

async function comparison(
  app: StaticServer,
  floor: StaticServer,
  ref: StaticServer,
): Promise<Omit<MainJson, 'generated' | keyof Load>> {
  const appRuns: (RunResult | null)[] = [];
  const floorRuns: (RunResult | null)[] = [];
  const refRuns: (RunResult | null)[] = [];
  const pages = [
    { label: 'app', server: app, hashchange: true, runs: appRuns },
    { label: 'same map, no app', server: floor, hashchange: false, runs: floorRuns },
    { label: 'reference', server: ref, hashchange: false, runs: refRuns },
  ];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const page of pages) {
      page.runs.push(
        await run(`round ${round}/${ROUNDS} ${page.label}`, {
          url: page.server.url,
          hashchange: page.hashchange,
          readyTimeoutMs: 60_000,
          takeSent: page.server.takeSent,
        }),
      );
    }
  }
  const a = ok(appRuns);
  const b = ok(refRuns);
  const f = ok(floorRuns);
  if (a.length === 0 || b.length === 0) throw new Error('no successful runs of the app or of the reference page');
  const appSummary = summarise(a);
  const refSummary = summarise(b);
  const floorSummary = f.length === 0 ? null : summarise(f);
  const ratios = {} as Medians;
  for (const key of Object.keys(appSummary) as (keyof Summary)[]) ratios[key] = r2(appSummary[key] / refSummary[key]);
  return {
    rounds: ROUNDS,
    successfulRuns: { app: a.length, reference: b.length, floor: f.length },
    medians: {
      app: toMedians(appSummary),
      reference: toMedians(refSummary),
      ...(floorSummary === null ? {} : { floor: toMedians(floorSummary) }),
    },
    ratios,
    budgets: budgets(appSummary, refSummary),
    files: { app: a.at(-1)?.files ?? {}, reference: b.at(-1)?.files ?? {}, floor: f.at(-1)?.files ?? {} },
    runs: { app: a.map(roundRun), reference: b.map(roundRun), floor: f.map(roundRun) },
  };
}

// ------------------------------------------------------------------ the stress mode

interface Scenario {
  id: string;
  label: string;
  counties: Counties;
  parks: Parks | null;
}

async function stress(app: StaticServer, ref: StaticServer): Promise<Omit<StressJson, 'generated' | keyof Load>> {
  const realCounties = JSON.parse(readFileSync('geo/counties.geojson', 'utf8')) as Counties;
  const realParks = JSON.parse(readFileSync('geo/parks.geojson', 'utf8')) as Parks;
  const scenarios: Scenario[] = [
    { id: 'counties-1x', label: '1× counties', counties: realCounties, parks: null },
    { id: 'counties-10x', label: '10× counties', counties: multiplyCounties(realCounties, 10), parks: null },
    { id: 'counties-100x', label: '100× counties', counties: multiplyCounties(realCounties, 100), parks: null },
    { id: 'parks-10k', label: '10,000 parks', counties: realCounties, parks: syntheticParks(realCounties, 10_000) },
  ];
  const sectors = JSON.parse(readFileSync('geo/sectors.geojson', 'utf8')) as GeoJSON.FeatureCollection;
  const rivers = JSON.parse(readFileSync('geo/rivers.geojson', 'utf8')) as GeoJSON.FeatureCollection;
  const bodies = scenarios.map((s) => {
    assertValid('counties', s.counties);
    if (s.parks !== null) assertValid('parks', s.parks);
    return {
      // The reference fetches the whole file; the app its places and, from the tiles, the shapes.
      counties: JSON.stringify(s.counties),
      countyPlaces: JSON.stringify(placesOnly(s.counties)),
      planTiles: planTileServer({ counties: s.counties, sectors, rivers }),
      parks: s.parks === null ? undefined : JSON.stringify(s.parks),
    };
  });
  log(
    'synthetic data pass geo/schema.ts parseCollection; serving them and their plan tiles through Playwright routing',
  );
  const appRuns = scenarios.map((): (RunResult | null)[] => []);
  const refRuns = scenarios.map((): (RunResult | null)[] => []);
  for (let round = 1; round <= STRESS_ROUNDS; round++) {
    for (const [i, s] of scenarios.entries()) {
      const body = bodies[i]!;
      const replace: Record<string, string> = { 'counties.json': body.countyPlaces };
      if (body.parks !== undefined) replace['parks.json'] = body.parks;
      appRuns[i]!.push(
        await run(`${round}/${STRESS_ROUNDS} ${s.label} app`, {
          url: app.url,
          hashchange: false,
          readyTimeoutMs: 120_000,
          replaceData: replace,
          planTiles: body.planTiles,
        }),
      );
      // The reference page draws counties only, so it has nothing to show for the parks row.
      if (s.parks === null) {
        refRuns[i]!.push(
          await run(`${round}/${STRESS_ROUNDS} ${s.label} reference`, {
            url: ref.url,
            hashchange: false,
            readyTimeoutMs: 120_000,
            replaceData: { 'counties.json': body.counties },
          }),
        );
      }
    }
  }
  return {
    rounds: STRESS_ROUNDS,
    scenarios: scenarios.map((s, i): ScenarioJson => {
      const a = ok(appRuns[i]!);
      const b = ok(refRuns[i]!);
      const m = (runs: RunResult[], f: (r: RunResult) => number): number => median(runs.map(f));
      return {
        id: s.id,
        label: s.label,
        counties: s.counties.features.length,
        parks: (s.parks ?? realParks).features.length,
        countiesJsonBytes: bodies[i]!.counties.length,
        parksJsonBytes: bodies[i]!.parks?.length ?? null,
        successfulRuns: { app: a.length, reference: s.parks === null ? b.length : null },
        app: {
          readyMs: r2(m(a, (r) => r.readyMs)),
          frameP95Ms: r2(m(a, (r) => r.interaction.p95)),
          heapBytes: bytesOrNull(m(a, (r) => r.heapBytes)),
        },
        reference:
          s.parks === null
            ? { readyMs: r2(m(b, (r) => r.readyMs)), frameP95Ms: r2(m(b, (r) => r.interaction.p95)) }
            : null,
      };
    }),
  };
}

// ------------------------------------------------------------------ the layer ladder

/**
 * The layer groups in the order the ladder adds them: the reference's own content (counties)
 * first, labels last; the last step is the default view.
 */
const LADDER_STEPS: readonly LayerId[] = ['counties', 'sectors', 'rivers', 'parks', 'labels'];

async function ladder(
  app: StaticServer,
  floor: StaticServer,
  ref: StaticServer,
): Promise<Omit<LadderJson, 'generated' | keyof Load>> {
  const steps = LADDER_STEPS.map((_, i) => LADDER_STEPS.slice(0, i + 1));
  // Ready and heap only: the pan and zoom script would triple the time and the main run has it.
  const measureOnce = (label: string, server: StaticServer, hash: string): Promise<RunResult | null> =>
    run(label, { url: server.url + hash, hashchange: false, interaction: false, readyTimeoutMs: 60_000 });
  const refRuns: (RunResult | null)[] = [];
  const runs = steps.map(() => ({ floor: [] as (RunResult | null)[], app: [] as (RunResult | null)[] }));
  for (let round = 1; round <= LADDER_ROUNDS; round++) {
    refRuns.push(await measureOnce(`${round}/${LADDER_ROUNDS} reference`, ref, ''));
    for (const [i, layers] of steps.entries()) {
      const hash = `#layers=${layers.join(',')}`;
      runs[i]!.floor.push(await measureOnce(`${round}/${LADDER_ROUNDS} same map ${hash}`, floor, hash));
      runs[i]!.app.push(await measureOnce(`${round}/${LADDER_ROUNDS} app ${hash}`, app, hash));
    }
  }
  const readyHeap = (list: (RunResult | null)[]): ReadyHeap => {
    const done = ok(list);
    return { readyMs: r2(median(done.map((r) => r.readyMs))) ?? NaN, heapBytes: median(done.map((r) => r.heapBytes)) };
  };
  return {
    rounds: LADDER_ROUNDS,
    reference: readyHeap(refRuns),
    rows: steps.map((layers, i) => ({
      label: i === 0 ? layers[0]! : `+ ${layers[i]!}${i === steps.length - 1 ? ' (the default view)' : ''}`,
      layers: [...layers],
      floor: readyHeap(runs[i]!.floor),
      app: readyHeap(runs[i]!.app),
      successfulRuns: { floor: ok(runs[i]!.floor).length, app: ok(runs[i]!.app).length },
    })),
  };
}

// ------------------------------------------------------------------ output

function environment(): unknown {
  return {
    chromium: chromiumVersion(),
    node: process.version,
    cpus: cpus().length,
    viewport: VIEWPORT,
    chromiumArgs: CHROMIUM_ARGS,
    server: SERVER_NOTE,
  };
}

function when(section: { generated: string } & Load): string {
  const load = (x: number | null | undefined): string => (typeof x === 'number' ? x.toFixed(1) : '?');
  return (
    `${section.generated.slice(0, 16).replace('T', ' ')} UTC, ` +
    `1-minute load average ${load(section.loadAverageStart)} at the start and ${load(section.loadAverageEnd)} at the end`
  );
}

function markdown(results: ResultsFile): string {
  const env = results.environment as { chromium: string; node: string; cpus: number };
  const parts = [
    '<!-- Written by `npm run bench` (bench/run.ts); paste into the README. -->',
    '### Benchmark',
    '',
    `${env.chromium}, headless, SwiftShader (software WebGL); Node ${env.node}; ${env.cpus} CPU cores; ` +
      `viewport ${VIEWPORT.width}×${VIEWPORT.height}. The app's production build and the bare reference page ` +
      '(bench/reference: maplibre-gl, one background layer, the same county GeoJSON as one fill and one line layer) ' +
      `are served by ${SERVER_NOTE}. A third page, "same map, no app" (bench/floor), draws what the app draws ` +
      "at its default view with the app's own style function, loader and data, on a canvas the size of the app's map " +
      'area (the reference fills the window), and nothing else (no panel, registry or URL state): the floor for this ' +
      'map on this machine. Each run starts a fresh browser; the pages take turns ' +
      '(app, same map, reference, app, …). The budgets compare the app with the reference.',
    '',
    '- Ready: navigation start → the `map-idle` performance mark (the first MapLibre idle after all sources loaded).',
    '- Bytes: response bodies as the server sent them (gzipped where gzipped), counted on the server, up to ready; ' +
      'the MapLibre worker script counts as JS.',
    "- Heap: the main thread's `JSHeapUsedSize` (CDP `Performance.getMetrics`) after two CDP `HeapProfiler.collectGarbage` calls, once ready.",
    '- Frames: requestAnimationFrame intervals during two scripted mouse drags (there and back) and twelve wheel notches ' +
      '(six in, six out); main-thread time is CDP `TaskDuration` over the same windows.',
    `- Hashchange: \`location.hash = '${HASH_TARGET}'\` → the map container's \`data-map-busy\` is "true" and then "false" again.`,
    '- SwiftShader draws on the CPU, so frame times mostly measure overdraw and vary between runs; read the ratios.',
  ];
  if (results.main !== null) {
    const { medians, budgetText } = mainFromJson(results.main);
    parts.push(
      '',
      `Medians of ${plural(results.main.rounds, 'round')} (${when(results.main)}):`,
      '',
      medians,
      '',
      'Budgets (ratios of the medians to the reference page in the same run; 1 KB = 1,000 bytes):',
      '',
      budgetText,
    );
  }
  if (results.stress !== null) {
    parts.push(
      '',
      '### Growth with synthetic data (`npm run bench -- --stress`)',
      '',
      'Counties: the real ones copied onto a grid of offsets around the real data (copy 0 is the real data; the others get ' +
        "new unique 6-digit codes and names, inside the schema's lon 70–140 / lat 15–55). Parks: 10,000 points in the real " +
        "counties' bounding boxes, with the real counties. Both pass `geo/schema.ts` `parseCollection` and replace " +
        '`/data/counties.json` and `/data/parks.json` through Playwright routing (also in the 1× row, so the rows compare ' +
        'like with like); the other files are the real ones. The app gets the counties as it does from a build: the file ' +
        'without shapes, and the plan tiles cut from the synthetic counties (geo/build/plan-tiles.ts `planTileServer`, ' +
        'each tile cut when first asked for, through the same routing); the reference page fetches the whole file and ' +
        'shows counties only. ' +
        `Medians of ${plural(results.stress.rounds, 'round')} (${when(results.stress)}); ` +
        'frame p95 over the same pan and zoom script at the default view.',
      '',
      growthFromJson(results.stress),
    );
  }
  if (results.layers !== null) {
    parts.push(
      '',
      '### What each layer group costs (`npm run bench -- --layers`)',
      '',
      "The floor page and the app, each opened with `#layers=` naming the groups drawn so far (the app's own link " +
        'format), one more group per row; ready and heap only (no pan or zoom). The first row draws what the reference ' +
        'draws (county borders over the basemap); the last is the default view. ' +
        `Medians of ${plural(results.layers.rounds, 'round')} (${when(results.layers)}); ratios to the reference in the same run.`,
      '',
      ladderTable(results.layers.rows, results.layers.reference),
    );
  }
  return parts.join('\n') + '\n';
}

// ------------------------------------------------------------------ main

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`the bench needs Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  log(
    `mode: ${
      STRESS
        ? `stress (${plural(STRESS_ROUNDS, 'round')})`
        : LADDER
          ? `layer ladder (${plural(LADDER_ROUNDS, 'round')})`
          : `comparison (${plural(ROUNDS, 'round')})`
    }`,
  );
  await builds();
  const app = await serveStatic(APP_DIR);
  const floor = await serveStatic(FLOOR_DIR);
  const ref = await serveStatic(REFERENCE_DIR);
  log(`serving the app at ${app.url}, the floor at ${floor.url} and the reference at ${ref.url}: ${SERVER_NOTE}`);
  try {
    // One unmeasured start, so the first measured run does not pay for a cold Chromium binary.
    await warmUp(ref.url).catch(() => undefined);
    const previous = readPrevious();
    const generated = new Date().toISOString();
    let mainJson = previous.main ?? null;
    let stressJson = previous.stress ?? null;
    let ladderJson = previous.layers ?? null;
    if (LADDER) {
      const loadAverageStart = load1();
      const section = await ladder(app, floor, ref);
      ladderJson = { generated, loadAverageStart, loadAverageEnd: load1(), ...section };
      console.log(
        `\nWhat each layer group costs (medians of ${plural(LADDER_ROUNDS, 'round')}):\n\n${ladderTable(ladderJson.rows, ladderJson.reference)}\n`,
      );
    } else if (STRESS) {
      const loadAverageStart = load1();
      const section = await stress(app, ref);
      stressJson = { generated, loadAverageStart, loadAverageEnd: load1(), ...section };
      console.log(
        `\nGrowth with synthetic data (medians of ${plural(STRESS_ROUNDS, 'round')}):\n\n${growthFromJson(stressJson)}\n`,
      );
    } else {
      const loadAverageStart = load1();
      const section = await comparison(app, floor, ref);
      mainJson = { generated, loadAverageStart, loadAverageEnd: load1(), ...section };
      const { medians, budgetText } = mainFromJson(mainJson);
      console.log(`\nMedians of ${plural(ROUNDS, 'round')}:\n\n${medians}\n\nBudgets:\n\n${budgetText}\n`);
    }
    const results: ResultsFile = {
      generated,
      environment: environment(),
      main: mainJson,
      stress: stressJson,
      layers: ladderJson,
    };
    writeFileSync(RESULTS_JSON, JSON.stringify(results, null, 2) + '\n');
    // Formatted as `npm run lint` (prettier --check .) expects, so the generated file passes it.
    const prettierOptions = (await resolveConfig(RESULTS_MD)) ?? {};
    writeFileSync(RESULTS_MD, await format(markdown(results), { ...prettierOptions, filepath: RESULTS_MD }));
    log('wrote bench/results.json and bench/RESULTS.md');
  } finally {
    await app.close();
    await floor.close();
    await ref.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
