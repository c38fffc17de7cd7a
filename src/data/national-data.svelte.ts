/**
 * The national layer's data, fetched on first use and re-checked with geo/schema.ts: the search
 * index with the provinces (first focus of the search box, a link naming a county outside the
 * plans, or the layer coming into view), and one census file per province (a card, or colouring).
 * A file that fails to load or is refused costs only itself: a notice names it, and the rest works.
 * Whether the layer is drawn is decided from the URL's state (data/national.ts `nationalShown`):
 * the view, the user's "全国 / All of China" switch (`national=1`) and the selection.
 */
import { NATIONAL } from '../../geo/model/kinds.ts';
import { parseCensusFile, parseNationalIndex, parseNationalProvinces, type Result } from '../../geo/schema.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { store } from '../state/app-state.svelte.ts';
import { censusLookup, type CensusLookup } from './census.ts';
import { mergeCountyValues, nationalIndex, type NationalIndex } from './national.ts';

const TIMEOUT_MS = 20_000;

async function fetchChecked<T>(name: string, parse: (json: unknown, file: string) => Result<T>): Promise<T | null> {
  const m = () => MESSAGES[store.lang];
  let json: unknown;
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}data/${name}`, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    json = await response.json();
  } catch {
    store.notify('error', m().dataFailed(name));
    return null;
  }
  const result = parse(json, name);
  if (!result.ok) {
    store.notify('error', m().dataRefused(name, result.error));
    return null;
  }
  return result.data;
}

class NationalData {
  /** The index, once loaded; null before, or when it failed. */
  index = $state.raw<NationalIndex | null>(null);
  /** Census lookups by province code, as they arrive. */
  census = $state.raw<ReadonlyMap<string, CensusLookup>>(new Map());
  /** Provinces whose census file failed or was refused (not asked for again). */
  failed = $state.raw<ReadonlySet<string>>(new Set());

  /** Every province's census has arrived or failed. */
  get allCensus(): boolean {
    return this.index !== null && this.census.size + this.failed.size >= this.index.provinces.size;
  }

  #index: Promise<NationalIndex | null> | undefined;
  #census = new Map<string, Promise<CensusLookup | null>>();

  loadIndex(): Promise<NationalIndex | null> {
    this.#index ??= (async () => {
      const [file, provinces] = await Promise.all([
        fetchChecked(NATIONAL.index.fetchName, parseNationalIndex),
        fetchChecked(NATIONAL.provinces.fetchName, parseNationalProvinces),
      ]);
      if (file === null) return null;
      const index = nationalIndex(file, provinces ?? []);
      this.index = index;
      return index;
    })();
    return this.#index;
  }

  /** A province's census, `/data/census/<code>.json`. */
  loadCensus(province: string): Promise<CensusLookup | null> {
    let pending = this.#census.get(province);
    if (pending === undefined) {
      pending = fetchChecked(`${NATIONAL.censusDir}${province}.json`, (json, file) => parseCensusFile(json, file)).then(
        (file) => {
          if (file === null) {
            this.failed = new Set([...this.failed, province]);
            return null;
          }
          const lookup = censusLookup(file);
          this.census = new Map([...this.census, [province, lookup]]);
          return lookup;
        },
      );
      this.#census.set(province, pending);
    }
    return pending;
  }

  /** Every province's census, for colouring the country. */
  async loadAllCensus(): Promise<void> {
    const index = await this.loadIndex();
    if (index === null) return;
    await Promise.all([...index.provinces.keys()].map((code) => this.loadCensus(code)));
  }

  /** One indicator over every county whose province file has arrived: code → value. */
  countyValues(id: string): Map<string, number> {
    return mergeCountyValues(this.census.values(), id);
  }
}

export const national = new NationalData();
