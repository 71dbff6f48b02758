import type { Permission } from '@shared/rules/access';

/** The screens that work today; the navigation lists only these, and only those the person may use. */
export const routes = [
  { id: 'calendar', label: 'Academic calendar', needs: undefined },
  { id: 'staff', label: 'Staff accounts', needs: 'staff:manage' },
  { id: 'audit', label: 'Audit log', needs: 'audit:view' },
  { id: 'home-details', label: 'Home settings', needs: 'settings:manage' },
  { id: 'account', label: 'My account', needs: undefined },
  { id: 'about', label: 'About', needs: undefined },
] as const satisfies readonly { id: string; label: string; needs: Permission | undefined }[];
export type RouteId = (typeof routes)[number]['id'];

export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '');
  return routes.find((route) => route.id === id)?.id ?? 'calendar';
}
