import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/main/content-security-policy';

/** Splits a policy into directive -> source tokens, failing on a directive given twice. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name), `${name} appears twice`).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

// The only source expressions the packaged app needs: its own origin and in-page data. Anything
// else (a host, a scheme such as https:, a wildcard) would let the page load or send data elsewhere.
const allowedSources = new Set([
  "'self'",
  "'none'",
  "'wasm-unsafe-eval'",
  "'unsafe-inline'",
  'data:',
  'blob:',
]);

describe('the renderer’s Content-Security-Policy', () => {
  const policy = parsePolicy(contentSecurityPolicy());

  it.each([
    ['default-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ])('sets %s to %j', (directive, sources) => {
    expect(policy.get(directive)).toEqual(sources);
  });

  it('never allows eval, in any directive', () => {
    // 'wasm-unsafe-eval' (compiling WebAssembly for Argon2id) is a different keyword: compare whole tokens.
    for (const [directive, sources] of policy) expect(sources, directive).not.toContain("'unsafe-eval'");
  });

  it('runs only the app’s own scripts: no inline script', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('names no remote origin, scheme or wildcard anywhere', () => {
    for (const [directive, sources] of policy) {
      for (const source of sources) expect(allowedSources.has(source), `${directive} ${source}`).toBe(true);
    }
  });

  it('lets the page talk only to itself', () => {
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('the development variant', () => {
  it.each([
    ['http://localhost:5173', ['http://localhost:5173', 'ws://localhost:5173']],
    ['http://127.0.0.1:5174/some/path?x=1', ['http://127.0.0.1:5174', 'ws://127.0.0.1:5174']],
  ])('for %s adds only that origin (and its websocket) to connect-src', (devServerUrl, added) => {
    const production = parsePolicy(contentSecurityPolicy());
    const development = parsePolicy(contentSecurityPolicy({ devServerUrl }));
    expect(development.get('connect-src')).toEqual(["'self'", ...added]);
    for (const [directive, sources] of production) {
      if (directive !== 'connect-src') expect(development.get(directive), directive).toEqual(sources);
    }
    expect([...development.keys()].sort()).toEqual([...production.keys()].sort());
  });
});
