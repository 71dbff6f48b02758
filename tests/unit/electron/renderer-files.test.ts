import { join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appHost, appOrigin } from '../../../electron/main/app-origin';
import { resolveRendererFile } from '../../../electron/main/renderer-files';

// resolveRendererFile never touches the disk, so a folder that does not exist is fine here.
const root = resolve('/srv/family-links/out/renderer');
const serve = (url: string) => resolveRendererFile(root, url, appHost);
const isInsideRoot = (path: string) => path === root || path.startsWith(root + sep);

describe('files and routes of the app are served with the right content type', () => {
  it.each([
    ['/', 'index.html', 'text/html; charset=utf-8'],
    ['/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['/assets/index-3f9a.js', 'assets/index-3f9a.js', 'text/javascript; charset=utf-8'],
    ['/assets/worker.mjs', 'assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['/assets/index-3f9a.css', 'assets/index-3f9a.css', 'text/css; charset=utf-8'],
    ['/assets/argon2.wasm', 'assets/argon2.wasm', 'application/wasm'],
    ['/assets/Inter.woff2', 'assets/Inter.woff2', 'font/woff2'],
    ['/assets/logo.svg', 'assets/logo.svg', 'image/svg+xml'],
    ['/assets/LOGO.PNG', 'assets/LOGO.PNG', 'image/png'],
    ['/manifest.json', 'manifest.json', 'application/json'],
    ['/assets/my%20file.js', 'assets/my file.js', 'text/javascript; charset=utf-8'],
  ])('%s is %s as %s', (path, file, contentType) => {
    expect(serve(`${appOrigin}${path}`)).toEqual({ path: join(root, file), contentType });
  });

  it.each(['/settings/home', '/people/42', '/door?visitor=3#sign-in', '/contact-forms/new/'])(
    'the in-app route %s gets index.html (the app routes in the page)',
    (route) => {
      expect(serve(`${appOrigin}${route}`)).toEqual({
        path: join(root, 'index.html'),
        contentType: 'text/html; charset=utf-8',
      });
    },
  );
});

describe('requests that try to leave the renderer folder, or are not for the app, are refused', () => {
  it.each([
    ['encoded dots and slashes', '/..%2f..%2f..%2fetc%2fpasswd.js'],
    ['fully encoded traversal', '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.js'],
    ['traversal to a real file name', '/assets/..%2f..%2f..%2fpackage.json'],
    ['encoded backslashes', '/..%5c..%5csecret.js'],
    ['raw backslashes', '/..\\..\\secret.js'],
    ['a Windows absolute path', '/C:%5cWindows%5cwin.ini'],
    ['a NUL byte', '/index.html%00.png'],
    ['a malformed escape', '/%E0%A4%A.js'],
    ['a file type the app never serves (a source map)', '/assets/index.js.map'],
    ['a file type the app never serves (an executable)', '/assets/setup.exe'],
  ])('%s', (_case, path) => {
    expect(serve(`${appOrigin}${path}`)).toBeUndefined();
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a host that starts like the app’s', `${appOrigin}.evil.example/index.html`],
    ['the app’s host on a port', `${appOrigin}:8080/index.html`],
    ['a file: address', 'file:///etc/passwd'],
    ['not an address', 'index.html'],
  ])('%s', (_case, url) => {
    expect(serve(url)).toBeUndefined();
  });
});

describe('paths that look like traversal but are confined to the renderer folder', () => {
  // The URL parser folds `..` and `%2e%2e` segments before the path is decoded, and leading
  // slashes are stripped, so these land inside the folder (and 404 if no such file exists).
  it.each([
    ['/../secret.js', 'secret.js'],
    ['/%2e%2e/%2e%2e/etc/passwd.js', 'etc/passwd.js'],
    ['/assets/../../../../etc/hosts.json', 'etc/hosts.json'],
    ['//etc/passwd.js', 'etc/passwd.js'],
    ['/%2fetc%2fpasswd.js', 'etc/passwd.js'],
  ])('%s stays inside as %s', (path, file) => {
    expect(serve(`${appOrigin}${path}`)?.path).toBe(join(root, file));
  });

  it('never resolves outside the folder, whatever follows the origin', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '.%2e',
        '%2E%2E',
        '..%2f',
        '%2f',
        '%5c',
        '%00',
        '',
        'etc',
        'passwd',
        'index.html',
        'a.js',
        '%252e',
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 8 }),
        fc.constantFrom('', '.js', '.html', '.json', '.wasm'),
        (segments, extension) => {
          const file = serve(`${appOrigin}/${segments.join('/')}${extension}`);
          if (file) expect(isInsideRoot(file.path), relative(root, file.path)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
