import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny page server on 127.0.0.1 for the benchmarks. The page must be served over http from
 * 127.0.0.1 rather than opened as about:blank or a file: WebCrypto (`crypto.subtle`) only exists
 * in a secure context, and IndexedDB needs a real origin.
 */
export type BenchServer = { readonly url: string; close(): Promise<void> };

const page = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Family Links benchmarks</title></head>
<body><p>Family Links benchmarks run here.</p><script src="/bench.js"></script></body>
</html>`;

/** A script the bundle loads beside itself (a worker, such as the backup's digest worker): a plain file name only. */
const assetPath = /^\/assets\/[\w-]+\.js$/;

export async function startBenchServer(bundlePath: string): Promise<BenchServer> {
  const script = await readFile(bundlePath);
  const server: Server = createServer((request, response) => {
    if (request.url && assetPath.test(request.url)) {
      readFile(join(dirname(bundlePath), request.url)).then(
        (asset) => {
          response.writeHead(200, {
            'content-type': 'text/javascript; charset=utf-8',
            'cache-control': 'no-store',
          });
          response.end(asset);
        },
        () => {
          response.writeHead(404, { 'content-type': 'text/plain' });
          response.end('Not found');
        },
      );
      return;
    }
    if (request.url === '/' || request.url === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(page);
    } else if (request.url === '/bench.js') {
      response.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'no-store',
      });
      response.end(script);
    } else if (request.url === '/favicon.ico') {
      response.writeHead(204);
      response.end();
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Port 0: the system picks a free one, so concurrent runs on this machine do not collide.
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
