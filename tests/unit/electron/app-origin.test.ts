import { describe, expect, it } from 'vitest';
import { appEntryUrl, appHost, appOrigin, appScheme, isAppUrl } from '../../../electron/main/app-origin';

describe('the app’s origin', () => {
  // Pinned on purpose: IndexedDB data belongs to the origin, so a changed scheme or host would
  // leave every home's records behind in a store the new build cannot see.
  it('is app://family-links, with index.html as the entry page', () => {
    expect(appScheme).toBe('app');
    expect(appHost).toBe('family-links');
    expect(appOrigin).toBe('app://family-links');
    expect(appEntryUrl).toBe('app://family-links/index.html');
  });
});

describe('isAppUrl', () => {
  it.each([
    ['the entry page', appEntryUrl],
    ['the origin itself', 'app://family-links'],
    ['an in-app route with a query and fragment', 'app://family-links/settings/home?tab=security#keys'],
    ['an asset', 'app://family-links/assets/index-3f9a.js'],
  ])('accepts %s', (_case, url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    ['another host on the scheme', 'app://other/index.html'],
    ['a longer host that starts the same', 'app://family-links.evil.example/index.html'],
    ['the host as a path', 'app://evil/family-links/index.html'],
    ['the host on a port', 'app://family-links:8080/index.html'],
    ['the same host over https', 'https://family-links/index.html'],
    ['the same host over http', 'http://family-links/index.html'],
    ['a local file', 'file:///family-links/index.html'],
    ['a sub-frame as ipc.ts reports it', 'about:blank#not-top-frame'],
    ['a data: page', 'data:text/html,<h1>hi</h1>'],
    ['an empty string', ''],
    ['not an address', 'family-links/index.html'],
  ])('refuses %s', (_case, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('compares against another origin when one is given', () => {
    expect(isAppUrl('http://127.0.0.1:4173/index.html', 'http://127.0.0.1:4173')).toBe(true);
    expect(isAppUrl('http://127.0.0.1:4174/index.html', 'http://127.0.0.1:4173')).toBe(false);
    expect(isAppUrl(appEntryUrl, 'http://127.0.0.1:4173')).toBe(false);
  });

  it('refuses everything when the expected origin itself cannot be parsed', () => {
    expect(isAppUrl(appEntryUrl, 'not an origin')).toBe(false);
  });
});
