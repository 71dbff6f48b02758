import { useEffect, useRef } from 'react';
import { AboutScreen } from '../features/settings/AboutScreen';
import { AcademicCalendarScreen } from '../features/settings/AcademicCalendarScreen';
import { FirstRunSetup } from '../features/settings/FirstRunSetup';
import { HomeDetailsScreen } from '../features/settings/HomeDetailsScreen';
import { useHomeSettings } from '../features/settings/useHomeSettings';
import { routes, type RouteId } from './routes';
import { useRoute } from './useRoute';

function Screen({ route }: { route: RouteId }) {
  switch (route) {
    case 'calendar':
      return <AcademicCalendarScreen />;
    case 'home-details':
      return <HomeDetailsScreen />;
    case 'about':
      return <AboutScreen />;
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}

/** The frame around every screen: the home's name, the navigation, and the screen itself. */
export function AppShell() {
  const { state } = useHomeSettings();
  const [route, go] = useRoute();
  const mainRef = useRef<HTMLElement>(null);

  // Moving focus to the new screen tells keyboard and screen-reader users that it changed.
  useEffect(() => mainRef.current?.focus(), [route]);

  if (state.isLoading) return <p role="status" className="page">Loading…</p>;
  if (!state.home) return <FirstRunSetup />;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__header">
        <span className="shell__product">Family Links</span>
        <span className="shell__home">{state.home.name}</span>
      </header>
      <nav className="shell__nav" aria-label="Main">
        <ul>
          {routes.map((item) => (
            <li key={item.id}>
              <a
                href={`#/${item.id}`}
                aria-current={item.id === route ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  go(item.id);
                }}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="shell__main" ref={mainRef} tabIndex={-1}>
        <Screen route={route} />
      </main>
    </div>
  );
}
