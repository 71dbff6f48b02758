import { useCallback, useEffect, useState } from 'react';
import { routeFromHash, type RouteId } from './routes';

/**
 * The current screen, kept in the URL's hash so a reload returns to it. Hash changes stay inside
 * the page: they never count as navigation, which the main process refuses.
 */
export function useRoute(): [RouteId, (route: RouteId) => void] {
  const [route, setRoute] = useState<RouteId>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onHashChange = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const go = useCallback((next: RouteId) => {
    window.location.hash = `/${next}`;
    setRoute(next);
  }, []);
  return [route, go];
}
