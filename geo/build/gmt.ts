import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Segment = { header: string; level: number | null; coords: [number, number][] };

/** Runs `gmt coast … -M` and parses its multi-segment text output. */
export function gmtSegments(args: string[]): Segment[] {
  // gmt writes a gmt.history file into its working directory: run it in a scratch folder.
  const cwd = mkdtempSync(join(tmpdir(), 'bankuai-gmt-'));
  let out: string;
  try {
    out = execFileSync('gmt', ['coast', ...args, '-M'], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  const segs: Segment[] = [];
  let cur: Segment | null = null;
  for (const raw of out.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('>')) {
      const m = /Level\s+(\d+)/.exec(line);
      cur = { header: line, level: m ? Number(m[1]) : null, coords: [] };
      segs.push(cur);
      continue;
    }
    const parts = line.split(/\s+/).map(Number);
    const lon = parts[0];
    const lat = parts[1];
    if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw new Error(`gmt ${args.join(' ')}: cannot parse line "${line}"`);
    }
    if (!cur) {
      cur = { header: '>', level: null, coords: [] };
      segs.push(cur);
    }
    cur.coords.push([lon, lat]);
  }
  return segs.filter((s) => s.coords.length >= 2);
}

export function gmtVersion(): string {
  return execFileSync('gmt', ['--version'], { encoding: 'utf8' }).trim();
}
