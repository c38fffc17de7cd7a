/**
 * A tiny static file server for the benchmark, on 127.0.0.1 only. It gzips text types (.js, .mjs,
 * .css, .json, .html, .svg) with zlib's default level, the way a typical static host would, and
 * sends everything else as is. Both pages are served by the same code, so the byte counts of the
 * app and the reference page compare like with like.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
};
const GZIP = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg']);

export interface StaticServer {
  url: string;
  /** Response bodies sent since the last call, as sent (gzipped where gzipped), by path; resets. */
  takeSent(): Map<string, number>;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const gzipped = new Map<string, Buffer>();
  let sent = new Map<string, number>();
  const count = (path: string, n: number): void => {
    sent.set(path, (sent.get(path) ?? 0) + n);
  };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const ext = extname(file);
    const headers: Record<string, string> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    };
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (GZIP.has(ext) && acceptsGzip) {
      let body = gzipped.get(file);
      if (body === undefined) {
        body = gzipSync(readFileSync(file));
        gzipped.set(file, body);
      }
      res.writeHead(200, {
        ...headers,
        'Content-Encoding': 'gzip',
        'Content-Length': String(body.length),
        Vary: 'Accept-Encoding',
      });
      if (req.method === 'HEAD') res.end();
      else {
        count(path, body.length);
        res.end(body);
      }
      return;
    }
    const size = statSync(file).size;
    res.writeHead(200, { ...headers, 'Content-Length': String(size) });
    if (req.method === 'HEAD') res.end();
    else {
      count(path, size);
      createReadStream(file).pipe(res);
    }
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    takeSent: () => {
      const taken = sent;
      sent = new Map();
      return taken;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
