/**
 * The renderer is always served from this origin, in development and in every release. IndexedDB
 * data belongs to its origin, so changing this string would orphan every record the home has.
 */
export const appScheme = 'app';
export const appHost = 'family-links';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** True when `url` is a page of the app itself (same scheme and host), not some other frame. */
export function isAppUrl(url: string, origin = appOrigin): boolean {
  // Compare scheme and host: `URL.origin` is "null" for custom schemes, so it cannot be used here.
  try {
    const candidate = new URL(url);
    const expected = new URL(origin);
    return candidate.protocol === expected.protocol && candidate.host === expected.host;
  } catch {
    return false;
  }
}
