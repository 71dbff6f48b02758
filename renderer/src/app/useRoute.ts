import { useCallback, useEffect, useState } from 'react';
import { hashFor, locationFromHash, type Location, type RouteId } from '../common/routes';

/**
 * The current screen (and record), kept in the URL's hash so a reload returns to it. Hash changes
 * stay inside the page: they never count as navigation, which the main process refuses. Links
 * to a record can be plain `<a href={hashFor(...)}>`: the hashchange listener picks them up.
 */
export function useRoute(): [Location, (route: RouteId, recordId?: string) => void] {
  const [location, setLocation] = useState<Location>(() => locationFromHash(window.location.hash));
  useEffect(() => {
    const onHashChange = () => setLocation(locationFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const go = useCallback((route: RouteId, recordId?: string) => {
    window.location.hash = hashFor(route, recordId).slice(1);
    setLocation({ route, recordId });
  }, []);
  return [location, go];
}
