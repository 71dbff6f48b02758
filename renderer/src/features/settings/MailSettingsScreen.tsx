import { useMemo, useState } from 'react';
import { windowApi } from '../../app/window-api';
import { useDatabase } from '../../app/database-context';
import { outboxRepository } from '../../db/repositories/outbox-repository';
import { callAsManager } from '../../security/manager-proof';
import { useSession } from '../../security/session-context';
import { Banner } from '../../ui/Banner';
import { useMailStatus } from '../outbox/useMailStatus';
import { MailSettingsForm } from './MailSettingsForm';
import { MailTestMessage } from './MailTestMessage';

/**
 * The manager's mail settings (issue 7): the server, how it is encrypted, the account, and an
 * optional CA certificate. The main process keeps them, and the password only in the operating
 * system's protected storage. Each change and each test message is in the audit log.
 */
export function MailSettingsScreen() {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => outboxRepository(db), [db]);
  const { status, reload } = useMailStatus();
  const [removed, setRemoved] = useState<string | undefined>();

  const removeSettings = async () => {
    const api = windowApi();
    if (!api) return;
    const result = await callAsManager(api, session, 'mail:clear-settings', {});
    if (!result.ok) {
      setRemoved(result.error.message);
      return;
    }
    await repository.recordMailSettingsChange(session, 'mail-settings.cleared');
    setRemoved('Mail settings and the stored password are removed. Alerts will wait in the Outbox.');
    await reload();
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
          {removed ? <Banner tone="info">{removed}</Banner> : null}
          <section className="panel" aria-labelledby="mail-server-title">
            <h2 id="mail-server-title">Mail server</h2>
            <MailSettingsForm
              key={status.view.settings ? 'saved' : 'blank'}
              view={status.view}
              onSaved={async (view) => {
                await repository.recordMailSettingsChange(
                  session,
                  'mail-settings.saved',
                  `${view.settings?.host ?? ''}:${view.settings?.port ?? ''} ${view.settings?.security ?? ''}`,
                );
                await reload();
              }}
            />
          </section>
          {status.view.settings ? (
            <section className="panel" aria-labelledby="mail-test-title">
              <h2 id="mail-test-title">Test message</h2>
              <MailTestMessage
                defaultTo={session.staff.email}
                onSent={async (outcome, detail) => {
                  await repository.recordMailSettingsChange(
                    session,
                    outcome === 'sent' ? 'mail-settings.test-sent' : 'mail-settings.test-failed',
                    detail,
                  );
                }}
              />
            </section>
          ) : null}
          {status.view.settings ? (
            <section className="panel" aria-labelledby="mail-remove-title">
              <h2 id="mail-remove-title">Stop sending email</h2>
              <p>
                Removes these settings and the stored password from this computer. Alerts then wait in the
                Outbox, to be sent from a mail client.
              </p>
              <div className="toolbar">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void removeSettings()}
                >
                  Remove mail settings
                </button>
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
