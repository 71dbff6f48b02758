import { useState } from 'react';
import { useSession } from '../../security/session-context';
import { Banner } from '../../ui/Banner';
import { useMailStatus } from '../../common/useMailStatus';
import { MailSettingsForm } from './MailSettingsForm';
import { MailTestMessage } from './MailTestMessage';
import { useMailSettingsChanges } from './useMailSettings';
import { ToolbarButton } from '../../ui/ToolbarButton';
import { Panel } from '../../ui/Panel';

/**
 * The manager's mail settings (DESIGN rule 9: only over verified TLS): the server, how it is encrypted, the
 * account, and an optional CA certificate. The main process keeps them, and the password only in the
 * operating system's protected storage. Each change and each test message is in the audit log.
 */
export function MailSettingsScreen() {
  const session = useSession();
  const changes = useMailSettingsChanges();
  const { status, reload } = useMailStatus();
  const [removed, setRemoved] = useState<string | undefined>();
  // The form starts afresh only when the settings are removed. Keyed by whether settings exist, the
  // first save drew a new form, and its "Mail settings saved." went with the old one.
  const [formGeneration, setFormGeneration] = useState(0);

  const removeSettings = async () => {
    if (!changes.clear) return;
    const result = await changes.clear();
    if (!result.ok) {
      setRemoved(result.error.message);
      return;
    }
    await changes.recordChange('mail-settings.cleared');
    setRemoved('Mail settings and the stored password are removed. Alerts will wait in the Outbox.');
    await reload();
    setFormGeneration((generation) => generation + 1);
  };

  return (
    <div className="page page--narrow">
      <h1>Mail settings</h1>
      <p className="lede">
        How Family Links sends email alerts to each young person’s PAN group. Until mail is set up, alerts
        wait in the Outbox and can be sent from your own mail client.
      </p>
      {status.kind === 'loading' ? <p role="status">Loading…</p> : null}
      {status.kind === 'no-bridge' ? (
        <Banner tone="error">
          This window has no connection to Family Links’ background service, so mail cannot be set up here.
        </Banner>
      ) : null}
      {status.kind === 'ready' ? (
        <>
          {status.view.passwordProtection === 'weak' ? (
            <Banner tone="info">
              This computer has no keyring, so the mail password is protected only weakly (anyone who can read
              this account’s files could read it). On Linux, install and unlock a keyring such as GNOME
              Keyring, then enter the password again.
            </Banner>
          ) : null}
          {status.view.passwordProtection === 'unavailable' ? (
            <Banner tone="error">
              This computer offers no protected storage, so Family Links cannot keep a mail password here.
              Alerts stay in the Outbox.
            </Banner>
          ) : null}
          {status.view.isSenderUnconfirmed ? (
            <Banner tone="error">
              Email alerts are paused: the sender below is not the one these settings were last saved with
              (they were saved by an earlier version of Family Links, or changed outside it). Check “Send
              from” and “Sender’s name”, then save. The stored password is kept: you do not need to type it
              again.
            </Banner>
          ) : null}
          {removed ? <Banner tone="info">{removed}</Banner> : null}
          <Panel titleId="mail-server-title" title="Mail server">
            <MailSettingsForm
              key={formGeneration}
              view={status.view}
              save={changes.save}
              onSaved={async (view) => {
                await changes.recordChange(
                  'mail-settings.saved',
                  `${view.settings?.host ?? ''}:${view.settings?.port ?? ''} ${view.settings?.security ?? ''}`,
                );
                await reload();
              }}
            />
          </Panel>
          {status.view.settings ? (
            <Panel titleId="mail-test-title" title="Test message">
              <MailTestMessage
                defaultTo={session.staff.email}
                send={changes.sendTest}
                onSent={async (outcome, detail) => {
                  await changes.recordChange(
                    outcome === 'sent' ? 'mail-settings.test-sent' : 'mail-settings.test-failed',
                    detail,
                  );
                }}
              />
            </Panel>
          ) : null}
          {status.view.settings ? (
            <Panel titleId="mail-remove-title" title="Stop sending email">
              <p>
                Removes these settings and the stored password from this computer. Alerts then wait in the
                Outbox, to be sent from a mail client.
              </p>
              <ToolbarButton isSecondary onClick={() => void removeSettings()}>
                Remove mail settings
              </ToolbarButton>
            </Panel>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
