import type { Permission } from '@shared/rules/access';

/** How the navigation groups the screens, in the order the groups are shown. */
export const navigationGroups = [
  { id: 'daily', label: 'Every day' },
  { id: 'people', label: 'People' },
  { id: 'oversight', label: 'Reviews and oversight' },
  { id: 'settings', label: 'Settings' },
  { id: 'you', label: 'You' },
] as const;
export type NavigationGroupId = (typeof navigationGroups)[number]['id'];

/**
 * The screens that work today; the navigation lists only these, and only those the person may
 * use, under their group's label (so a long list stays easy to scan).
 */
export const routes = [
  { id: 'home', label: 'Home', needs: undefined, group: 'daily' },
  { id: 'door', label: 'Front door', needs: undefined, group: 'daily' },
  { id: 'my-young-people', label: 'My young people', needs: 'my-young-people:view', group: 'daily' },
  { id: 'young-people', label: 'Young people', needs: undefined, group: 'people' },
  { id: 'people', label: 'Family and friends', needs: undefined, group: 'people' },
  { id: 'register', label: 'Visitor register', needs: undefined, group: 'daily' },
  { id: 'contact-forms', label: 'Contact forms', needs: 'contact-form:file', group: 'daily' },
  { id: 'visits', label: 'Visits', needs: 'visit:book', group: 'daily' },
  { id: 'review', label: 'Termly review', needs: 'review:open', group: 'oversight' },
  { id: 'sampling', label: 'Sample monitoring', needs: 'sample:monitor', group: 'oversight' },
  { id: 'declarations', label: 'Declarations', needs: 'declaration:record-own', group: 'oversight' },
  { id: 'disclosures', label: 'Disclosure log', needs: 'audit:view', group: 'oversight' },
  { id: 'outbox', label: 'Outbox', needs: undefined, group: 'daily' },
  { id: 'calendar', label: 'Academic calendar', needs: undefined, group: 'settings' },
  { id: 'staff', label: 'Staff accounts', needs: 'staff:manage', group: 'settings' },
  { id: 'audit', label: 'Audit log', needs: 'audit:view', group: 'oversight' },
  { id: 'home-details', label: 'Home settings', needs: 'settings:manage', group: 'settings' },
  { id: 'backups', label: 'Backups', needs: 'settings:manage', group: 'settings' },
  { id: 'retention', label: 'Retention', needs: 'settings:manage', group: 'settings' },
  { id: 'case-file', label: 'Case-file folder', needs: 'settings:manage', group: 'settings' },
  { id: 'computers', label: 'Computers', needs: 'sync:computers', group: 'settings' },
  { id: 'mail-settings', label: 'Mail settings', needs: 'settings:manage', group: 'settings' },
  { id: 'rooms', label: 'Rooms', needs: 'settings:manage', group: 'settings' },
  { id: 'visiting-protocol', label: 'Visiting protocol', needs: 'settings:manage', group: 'settings' },
  { id: 'account', label: 'My account', needs: undefined, group: 'you' },
  { id: 'about', label: 'About', needs: undefined, group: 'you' },
] as const satisfies readonly {
  id: string;
  label: string;
  needs: Permission | undefined;
  group: NavigationGroupId;
}[];
export type RouteId = (typeof routes)[number]['id'];

export const defaultRoute: RouteId = 'home';

/** A screen, and for screens that show one record (a young person's page), which record. */
export type Location = { readonly route: RouteId; readonly recordId: string | undefined };

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
