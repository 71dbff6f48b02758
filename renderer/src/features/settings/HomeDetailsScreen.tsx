import { defaultAutoLockMinutes } from '@shared/schemas/security-settings';
import { HomeDetailsForm } from './HomeDetailsForm';
import { SecuritySettingsForm } from './SecuritySettingsForm';
import { useHomeSettings } from '../../common/useHomeSettings';
import { useSecuritySettings } from '../../security/useSecuritySettings';
import { DamagedSettingsNotice } from '../../ui/DamagedSettingsNotice';
import { Panel } from '../../ui/Panel';
import { useSettingsDamage } from './useSettingsDamage';

/** The manager's settings: the home's details and when the screen locks itself. */
export function HomeDetailsScreen() {
  const { state, repository } = useHomeSettings();
  const security = useSecuritySettings();
  const damage = useSettingsDamage(repository);
  return (
    <div className="page page--narrow">
      <h1>Home settings</h1>
      <Panel titleId="home-details-title" title="Home details">
        {damage.home ? (
          <DamagedSettingsNotice meanwhile="the home’s name is not shown and its clock keeps UK time" />
        ) : null}
        {state.isLoading ? (
          <p role="status">Loading…</p>
        ) : (
          <HomeDetailsForm initial={state.home} repository={repository} />
        )}
      </Panel>
      <Panel titleId="auto-lock-title" title="Automatic lock">
        {damage.security ? (
          <DamagedSettingsNotice
            meanwhile={`screens lock after the standard ${defaultAutoLockMinutes} idle minutes`}
          />
        ) : null}
        {security === undefined ? (
          <p role="status">Loading…</p>
        ) : (
          <SecuritySettingsForm initial={security} repository={repository} />
        )}
      </Panel>
    </div>
  );
}
