import { HomeDetailsForm } from './HomeDetailsForm';
import { SecuritySettingsForm } from './SecuritySettingsForm';
import { useHomeSettings } from '../../common/useHomeSettings';
import { useSecuritySettings } from '../../security/useSecuritySettings';

/** The manager's settings: the home's details and when the screen locks itself. */
export function HomeDetailsScreen() {
  const { state, repository } = useHomeSettings();
  const security = useSecuritySettings();
  return (
    <div className="page page--narrow">
      <h1>Home settings</h1>
      <section className="panel" aria-labelledby="home-details-title">
        <h2 id="home-details-title">Home details</h2>
        {state.isLoading ? (
          <p role="status">Loading…</p>
        ) : (
          <HomeDetailsForm initial={state.home} repository={repository} />
        )}
      </section>
      <section className="panel" aria-labelledby="auto-lock-title">
        <h2 id="auto-lock-title">Automatic lock</h2>
        {security === undefined ? (
          <p role="status">Loading…</p>
        ) : (
          <SecuritySettingsForm initial={security} repository={repository} />
        )}
      </section>
    </div>
  );
}
