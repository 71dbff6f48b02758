import { extname, resolve, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export type RendererFile = { readonly path: string; readonly contentType: string };

/**
 * Maps a request on the app's scheme to a file inside the built renderer folder, or to nothing.
 * Paths are decoded and resolved first, so `..`, encoded slashes and absolute paths cannot reach
 * outside `root`. Routes without a file extension get `index.html` (the app routes in-page).
 */
export function resolveRendererFile(
  root: string,
  requestUrl: string,
  expectedHost: string,
): RendererFile | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.host !== expectedHost) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const rootPath = resolve(root);
  const relative = pathname === '/' || extname(pathname) === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const path = resolve(rootPath, relative);
  if (path !== rootPath && !path.startsWith(rootPath + sep)) return undefined;
  const contentType = contentTypes[extname(path).toLowerCase()];
  return contentType ? { path, contentType } : undefined;
}
