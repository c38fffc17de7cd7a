import { existsSync } from 'node:fs';
import type { PreviewServer } from 'vite';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM } from './chromium.ts';

let server: PreviewServer | undefined;

/** Serves the production build on 127.0.0.1 for the browser tests; never skips silently. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM}. Install Debian's with: sudo apt-get install -y chromium, ` +
        'or point CHROMIUM_PATH at any Chromium or Chrome (CHROMIUM_PATH=/path/to/chrome npm test).',
    );
  }
  if (!existsSync('dist/index.html')) {
    throw new Error('Browser tests run against the production build: run `npm run build` first.');
  }
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('The preview server has no port.');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
