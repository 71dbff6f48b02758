import { HomeDetailsForm } from './HomeDetailsForm';
import { SecuritySettingsForm } from './SecuritySettingsForm';
import { useHomeSettings } from '../../common/useHomeSettings';
import { useSecuritySettings } from '../../security/useSecuritySettings';
import { Panel } from '../../ui/Panel';

/** The manager's settings: the home's details and when the screen locks itself. */
export function HomeDetailsScreen() {
  const { state, repository } = useHomeSettings();
  const security = useSecuritySettings();
  return (
    <div className="page page--narrow">
      <h1>Home settings</h1>
      <Panel titleId="home-details-title" title="Home details">
        {state.isLoading ? (
          <p role="status">Loading…</p>
        ) : (
          <HomeDetailsForm initial={state.home} repository={repository} />
        )}
      </Panel>
      <Panel titleId="auto-lock-title" title="Automatic lock">
        {security === undefined ? (
          <p role="status">Loading…</p>
        ) : (
          <SecuritySettingsForm initial={security} repository={repository} />
        )}
      </Panel>
    </div>
  );
}
