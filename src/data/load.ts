/**
 * Fetches each data file, re-checks it with geo/schema.ts and reports the one that failed.
 * A file that is missing, slow or damaged costs only its own layer: the result holds `null` for
 * it and a problem naming it, and everything else loads as usual.
 */
import { COLLECTIONS, TABLE_FILES, type TiledKind } from '../../geo/model/kinds.ts';
import {
  parseCensusFile,
  type CensusFile,
  type CollectionOf,
  parseCollection,
  parseIndicators,
  parsePlaces,
  parsePlanSummaries,
  type Indicator,
  type Parks,
  type PlacesOf,
  type PlanSummary,
  type Result,
} from '../../geo/schema.ts';

export interface GeoData {
  /** The plan layers without their shapes, which MapLibre reads from their tiles (see loadShapes). */
  counties: PlacesOf<'counties'> | null;
  sectors: PlacesOf<'sectors'> | null;
  rivers: PlacesOf<'rivers'> | null;
  parks: Parks | null;
  /** The basemap's provinces, likewise without their shapes. */
  provinces: PlacesOf<'provinces'> | null;
  plans: PlanSummary[];
  indicators: Indicator[];
  /** The census figures of the plan places; null when census.json failed (its rows show "no data"). */
  census: CensusFile | null;
}

export type LoadProblem = { file: string; kind: 'failed' } | { file: string; kind: 'refused'; why: string };

export interface LoadResult {
  data: GeoData;
  problems: LoadProblem[];
}

/** Longer than any healthy load over a slow link; after it the file counts as failed. */
const TIMEOUT_MS = 20_000;

async function fetchJson(file: string): Promise<unknown> {
  const response = await fetch(`${import.meta.env.BASE_URL}data/${file}`, {
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.json();
}

async function loadOne<T>(
  file: string,
  parse: (json: unknown) => Result<T>,
  problems: LoadProblem[],
): Promise<T | null> {
  let json: unknown;
  try {
    json = await fetchJson(file);
  } catch {
    problems.push({ file, kind: 'failed' });
    return null;
  }
  const result = parse(json);
  if (!result.ok) {
    problems.push({ file, kind: 'refused', why: result.error });
    return null;
  }
  return result.data;
}

const places = <K extends TiledKind>(kind: K, problems: LoadProblem[]) =>
  loadOne(COLLECTIONS[kind].fetchName, (json) => parsePlaces(kind, json), problems);

/**
 * A tiled collection with its shapes, for an export: fetched on first use and checked like any
 * file; a failure is thrown as a LoadError naming the file and what was wrong.
 */
export async function loadShapes<K extends TiledKind>(kind: K): Promise<CollectionOf[K]> {
  const problems: LoadProblem[] = [];
  const shapes = await loadOne(COLLECTIONS[kind].shapesName, (json) => parseCollection(kind, json), problems);
  if (shapes === null) throw new LoadError(problems[0]!);
  return shapes;
}

/** What loadShapes throws: the file's problem, for the notice to name (i18n/messages.ts loadProblemText). */
export class LoadError extends Error {
  constructor(readonly problem: LoadProblem) {
    super(problem.kind === 'failed' ? `${problem.file} could not be loaded` : problem.why);
  }
}

export async function loadGeoData(): Promise<LoadResult> {
  const problems: LoadProblem[] = [];
  const [counties, sectors, rivers, parks, provinces, plans, indicators, census] = await Promise.all([
    places('counties', problems),
    places('sectors', problems),
    places('rivers', problems),
    loadOne(COLLECTIONS.parks.fetchName, (json) => parseCollection('parks', json), problems),
    places('provinces', problems),
    loadOne(TABLE_FILES.plans.fetchName, (json) => parsePlanSummaries(json), problems),
    loadOne(TABLE_FILES.indicators.fetchName, (json) => parseIndicators(json), problems),
    loadOne(TABLE_FILES.census.fetchName, (json) => parseCensusFile(json), problems),
  ]);
  return {
    data: {
      counties,
      sectors,
      rivers,
      parks,
      provinces,
      plans: plans ?? [],
      indicators: indicators ?? [],
      census,
    },
    problems,
  };
}
