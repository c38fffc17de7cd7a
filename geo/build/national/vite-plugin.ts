import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { tilesFromTopologyFile } from './national-tiles.ts';

/** Where the tiles are served, under Vite's base: `${BASE_URL}tiles/counties/{z}/{x}/{y}.pbf`. */
export const TILE_PREFIX = 'tiles/counties/';

/**
 * The national county tiles, built from the committed topology geo/national/counties.topo.json:
 * emitted into dist/tiles/counties/ by `vite build`, served from memory by `vite dev` (built on
 * the first tile request). Nothing is written to the source tree. Tiles are uncompressed
 * protobuf (`application/x-protobuf`), as MapLibre reads them.
 */
export function nationalTiles(topologyPath = resolve('geo/national/counties.topo.json')): Plugin {
  let cache: Map<string, Uint8Array> | undefined;
  const tiles = () => (cache ??= tilesFromTopologyFile(topologyPath));
  return {
    name: 'bankuai-national-tiles',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const base = server.config.base;
        const url = (req.url ?? '').split('?')[0]!;
        const m = new RegExp(
          `^${base.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}${TILE_PREFIX}(\\d+/\\d+/\\d+\\.pbf)$`,
        ).exec(url);
        if (!m) return next();
        const tile = tiles().get(m[1]!);
        // Outside the layer's bounds: an empty tile, as inside (see tiles.ts), rather than a 404.
        res.setHeader('Content-Type', 'application/x-protobuf');
        res.end(tile ?? new Uint8Array(0));
      });
    },
    generateBundle() {
      for (const [name, source] of tiles()) this.emitFile({ type: 'asset', fileName: `${TILE_PREFIX}${name}`, source });
    },
  };
}
