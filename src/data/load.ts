/**
 * Fetches each data file, re-checks it with geo/schema.ts and reports the one that failed.
 * A file that is missing, slow or damaged costs only its own layer: the result holds `null` for
 * it and a problem naming it, and everything else loads as usual.
 */
import { COLLECTIONS, TABLE_FILES, type CollectionKind } from '../../geo/model/kinds.ts';
import {
  parseCensusFile,
  type CensusFile,
  parseCollection,
  parseIndicators,
  parsePlanSummaries,
  type Counties,
  type Indicator,
  type Parks,
  type PlanSummary,
  type Provinces,
  type Result,
  type Rivers,
  type Sectors,
} from '../../geo/schema.ts';

export interface GeoData {
  counties: Counties | null;
  sectors: Sectors | null;
  rivers: Rivers | null;
  parks: Parks | null;
  provinces: Provinces | null;
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

const collection = <K extends CollectionKind>(kind: K, problems: LoadProblem[]) =>
  loadOne(COLLECTIONS[kind].fetchName, (json) => parseCollection(kind, json), problems);

export async function loadGeoData(): Promise<LoadResult> {
  const problems: LoadProblem[] = [];
  const [counties, sectors, rivers, parks, provinces, plans, indicators, census] = await Promise.all([
    collection('counties', problems),
    collection('sectors', problems),
    collection('rivers', problems),
    collection('parks', problems),
    collection('provinces', problems),
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
