import type { Permission } from '@shared/rules/access';

/** The screens that work today; the navigation lists only these, and only those the person may use. */
export const routes = [
  { id: 'home', label: 'Home', needs: undefined },
  { id: 'door', label: 'Front door', needs: undefined },
  { id: 'young-people', label: 'Young people', needs: undefined },
  { id: 'people', label: 'Family and friends', needs: undefined },
  { id: 'register', label: 'Visitor register', needs: undefined },
  { id: 'contact-forms', label: 'Contact forms', needs: 'contact-form:file' },
  { id: 'visits', label: 'Visits', needs: 'visit:book' },
  { id: 'review', label: 'Termly review', needs: 'review:open' },
  { id: 'sampling', label: 'Sample monitoring', needs: 'sample:monitor' },
  { id: 'declarations', label: 'Declarations', needs: 'declaration:record-own' },
  { id: 'disclosures', label: 'Disclosure log', needs: 'audit:view' },
  { id: 'outbox', label: 'Outbox', needs: undefined },
  { id: 'calendar', label: 'Academic calendar', needs: undefined },
  { id: 'staff', label: 'Staff accounts', needs: 'staff:manage' },
  { id: 'audit', label: 'Audit log', needs: 'audit:view' },
  { id: 'home-details', label: 'Home settings', needs: 'settings:manage' },
  { id: 'backups', label: 'Backups', needs: 'settings:manage' },
  { id: 'retention', label: 'Retention', needs: 'settings:manage' },
  { id: 'case-file', label: 'Case-file folder', needs: 'settings:manage' },
  { id: 'mail-settings', label: 'Mail settings', needs: 'settings:manage' },
  { id: 'rooms', label: 'Rooms', needs: 'settings:manage' },
  { id: 'account', label: 'My account', needs: undefined },
  { id: 'about', label: 'About', needs: undefined },
] as const satisfies readonly { id: string; label: string; needs: Permission | undefined }[];
export type RouteId = (typeof routes)[number]['id'];

export const defaultRoute: RouteId = 'home';

/** A screen, and for screens that show one record (a young person's page), which record. */
export type Location = { readonly route: RouteId; readonly recordId: string | undefined };

export function routeFromHash(hash: string): RouteId {
  return locationFromHash(hash).route;
}

/** `#/young-people/<id>` is the young people screen showing one young person. */
export function locationFromHash(hash: string): Location {
  const [id, recordId] = hash.replace(/^#\/?/, '').split('/');
  const route = routes.find((item) => item.id === id)?.id;
  if (!route) return { route: defaultRoute, recordId: undefined };
  return { route, recordId: recordId ? decodeURIComponent(recordId) : undefined };
}

/** The hash that opens `route` (and one record in it). */
export function hashFor(route: RouteId, recordId?: string): string {
  return recordId ? `#/${route}/${encodeURIComponent(recordId)}` : `#/${route}`;
}
