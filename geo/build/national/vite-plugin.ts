import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { tilesFromTopologyFile } from './national-tiles.ts';

/** Where the tiles are served, under Vite's base: `${BASE_URL}tiles/counties/{z}/{x}/{y}.pbf`. */
export const TILE_PREFIX = 'tiles/counties/';

/**
 * A static tile set: emitted into dist/ by `vite build`, served from memory by `vite dev` (built
 * on the first tile request). `tiles` maps a path under Vite's base (`<prefix>z/x/y.pbf`) to its
 * bytes; in dev a tile under one of `prefixes` that the set lacks is an empty tile, as inside the
 * set's bounds (see tiles.ts), rather than a 404. Nothing is written to the source tree. Tiles are
 * uncompressed protobuf (`application/x-protobuf`), as MapLibre reads them.
 */
export function staticTiles(name: string, prefixes: readonly string[], tiles: () => Map<string, Uint8Array>): Plugin {
  let cache: Map<string, Uint8Array> | undefined;
  const all = () => (cache ??= tiles());
  return {
    name,
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const base = server.config.base;
        const url = (req.url ?? '').split('?')[0]!;
        if (!url.startsWith(base)) return next();
        const path = url.slice(base.length);
        if (!prefixes.some((prefix) => path.startsWith(prefix)) || !/\/\d+\/\d+\/\d+\.pbf$/.test(path)) return next();
        res.setHeader('Content-Type', 'application/x-protobuf');
        res.end(all().get(path) ?? new Uint8Array(0));
      });
    },
    generateBundle() {
      for (const [fileName, source] of all()) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

/** The national county tiles, built from the committed topology geo/national/counties.topo.json. */
export function nationalTiles(topologyPath = resolve('geo/national/counties.topo.json')): Plugin {
  return staticTiles('bankuai-national-tiles', [TILE_PREFIX], () => {
    const out = new Map<string, Uint8Array>();
    for (const [path, bytes] of tilesFromTopologyFile(topologyPath)) out.set(`${TILE_PREFIX}${path}`, bytes);
    return out;
  });
}
