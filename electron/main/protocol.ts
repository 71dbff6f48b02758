import { readFile } from 'node:fs/promises';
import { net, protocol } from 'electron';
import { appHost, appScheme } from './app-origin';
import { contentSecurityPolicy } from './content-security-policy';
import { resolveRendererFile } from './renderer-files';

/**
 * Must run before `app` is ready: the scheme is standard (so it has an origin and IndexedDB),
 * secure (so WebCrypto works) and may use fetch. Registering it the same way in every build is
 * what keeps the home's data under one origin for good.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/**
 * Serves the built renderer on `app://family-links/`. In development the same origin proxies the
 * dev server, so data made while developing lives under the same origin as a release would use.
 */
export function serveRenderer(options: { rendererRoot: string; devServerUrl?: string }): void {
  const csp = contentSecurityPolicy(options.devServerUrl ? { devServerUrl: options.devServerUrl } : {});
  protocol.handle(appScheme, async (request) => {
    if (options.devServerUrl) {
      const url = new URL(request.url);
      const upstream = await net.fetch(new URL(url.pathname + url.search, options.devServerUrl).toString());
      const headers = new Headers(upstream.headers);
      headers.set('Content-Security-Policy', csp);
      return new Response(upstream.body, { status: upstream.status, headers });
    }
    const file = resolveRendererFile(options.rendererRoot, request.url, appHost);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file.path);
      return new Response(body, {
        headers: {
          'Content-Type': file.contentType,
          'Content-Security-Policy': csp,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
