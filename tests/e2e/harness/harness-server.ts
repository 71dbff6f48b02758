import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../../../electron/main/content-security-policy';
import { resolveRendererFile } from '../../../electron/main/renderer-files';

/** An empty page at the app's origin, so a test can fill IndexedDB before the app opens. */
export const blankPagePath = '/__harness/blank.html';

const blankPage =
  '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Family Links harness</title></head><body></body></html>';

export type HarnessServer = {
  /** `http://127.0.0.1:<port>`: loopback HTTP is a secure context, so WebCrypto works. */
  readonly origin: string;
  readonly close: () => Promise<void>;
};

/**
 * Serves the built renderer the way the desktop app's app:// protocol does: the same file
 * resolver (no path escapes, routes fall back to index.html) and the same Content-Security-Policy
 * header, so a page that breaks the policy breaks here too.
 */
export async function startHarnessServer(rendererRoot: string): Promise<HarnessServer> {
  const csp = contentSecurityPolicy();
  const headers = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const host = request.headers.host ?? '';
    const url = `http://${host}${request.url ?? '/'}`;
    if (new URL(url).pathname === blankPagePath) {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(blankPage);
      return;
    }
    // The expected host is this server's own, as app://family-links is the desktop app's.
    const file = resolveRendererFile(rendererRoot, url, expectedHost);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    try {
      const body = await readFile(file.path);
      response
        .writeHead(200, { ...headers, 'Content-Type': file.contentType })
        .end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  }

  const server = createServer((request, response) => {
    respond(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolveListening, rejectListening) => {
    server.once('error', rejectListening);
    // Port 0: the system picks a free port, so concurrent runs never collide.
    server.listen(0, '127.0.0.1', () => resolveListening());
  });
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The harness server did not get a TCP port.');
  const { port } = address;
  const expectedHost = `127.0.0.1:${port}`;
  return {
    origin: `http://${expectedHost}`,
    close: () =>
      new Promise<void>((resolveClosed) => {
        server.closeAllConnections();
        server.close(() => resolveClosed());
      }),
  };
}
