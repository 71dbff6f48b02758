/** The screens that work today; the navigation lists only these. */
export const routes = [
  { id: 'calendar', label: 'Academic calendar' },
  { id: 'home-details', label: 'Home details' },
  { id: 'about', label: 'About' },
] as const;
export type RouteId = (typeof routes)[number]['id'];

export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '');
  return routes.find((route) => route.id === id)?.id ?? 'calendar';
}
