import { useState } from 'react';
import { clockTime, longDate } from '@shared/home-time';
import { signInGate } from '@shared/rules/sign-in-lockout';
import { staffRoleLabels, type StaffMember } from '@shared/schemas/staff';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { Banner } from '../../ui/Banner';
import { useSession } from '../../security/session-context';
import { useAuthService } from '../../security/useAuthService';
import { AddStaffForm } from './AddStaffForm';
import { certificateStatusText } from './certificate-status';
import { RenewCertificateForm } from './RenewCertificateForm';
import { ResetPasswordForm } from './ResetPasswordForm';
import { EditStaffForm } from './EditStaffForm';
import { KeyRotationPanel } from './KeyRotationPanel';
import { SwitchOffConfirm } from './SwitchOffConfirm';
import { useStaffAccounts } from './useStaffAccounts';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { RowButton } from '../../ui/RowButton';

type Panel =
  | { kind: 'add' }
  | { kind: 'reset'; member: StaffMember }
  | { kind: 'edit'; member: StaffMember }
  | { kind: 'switch-off'; member: StaffMember }
  | { kind: 'renew' }
  | undefined;

/** The manager's list of accounts: add, reset a password, switch an account off or on. */
export function StaffScreen() {
  const session = useSession();
  const auth = useAuthService();
  const timeZone = useHomeTimeZone();
  const accounts = useStaffAccounts(session, auth);
  const [panel, setPanel] = useState<Panel>();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  // Whoever was switched off last: the keys they could read are offered for changing.
  const [leaver, setLeaver] = useState<StaffMember>();

  /** Opens a form or question; what was said about the last one goes. */
  const open = (next: Panel) => {
    setMessage(undefined);
    setPanel(next);
  };
  /** Closes the open panel, saying what it did; nothing when it was cancelled. */
  const close = (done: string | undefined) => {
    setPanel(undefined);
    if (done) setMessage({ tone: 'success', text: done });
  };

  const toggleActive = async (member: StaffMember) => {
    const result = await auth.updateAccount(session, member.id, { isActive: !member.isActive });
    setMessage(
      result.ok
        ? {
            tone: 'success',
            text: `${member.name}’s account is now ${result.value.isActive ? 'on' : 'off'}.`,
          }
        : { tone: 'error', text: result.error.message },
    );
  };

  return (
    <div className="page">
      <h1>Staff accounts</h1>
      <p className="lede">
        Everyone signs in as themselves, so every record and every change says who made it.
      </p>
      {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      {/* Straight after a switch-off the offer to change their keys comes first, not below the list. */}
      {leaver ? <KeyRotationPanel leaver={leaver} /> : null}
      {panel?.kind === 'add' ? (
        <AddStaffForm
          onDone={(added) =>
            close(
              added
                ? `${added.name} can now sign in as ${added.username} with the temporary password.`
                : undefined,
            )
          }
        />
      ) : null}
      {panel?.kind === 'reset' ? (
        <ResetPasswordForm
          member={panel.member}
          onDone={(didReset) =>
            close(
              didReset
                ? `${panel.member.name}’s password was reset. They will choose a new one when they sign in.`
                : undefined,
            )
          }
        />
      ) : null}
      {panel?.kind === 'edit' ? (
        <EditStaffForm
          member={panel.member}
          onDone={(saved) => close(saved ? `${saved.name}’s details are saved.` : undefined)}
        />
      ) : null}
      {panel?.kind === 'switch-off' ? (
        <SwitchOffConfirm
          member={panel.member}
          onDone={(switchedOff) => {
            if (switchedOff) setLeaver(switchedOff.member);
            close(
              switchedOff === undefined
                ? undefined
                : switchedOff.handedOver === 0
                  ? `${switchedOff.member.name}’s account is now off.`
                  : `${switchedOff.member.name}’s account is now off, and their work is handed over (${switchedOff.handedOver} ${switchedOff.handedOver === 1 ? 'item' : 'items'}).`,
            );
          }}
        />
      ) : null}
      {panel?.kind === 'renew' ? (
        <RenewCertificateForm
          onDone={(notAfter) =>
            close(
              notAfter
                ? `Your new signing certificate is valid until ${longDate(notAfter, timeZone)}.`
                : undefined,
            )
          }
        />
      ) : null}
      {panel === undefined ? (
        <button type="button" className="button" onClick={() => open({ kind: 'add' })}>
          Add a staff member
        </button>
      ) : null}
      {accounts === undefined ? (
        <p role="status">Loading accounts…</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Staff accounts</caption>
          <ColumnHeads columns={['Name', 'Username', 'Roles', 'Status']} hasActions />
          <tbody>
            {accounts.map(({ member, state }) => {
              // The same rule as the sign-in form, so a lock it would ignore is not shown either.
              const gate = state?.lockedUntil
                ? signInGate({ failedAttempts: [], lockedUntil: state.lockedUntil }, new Date())
                : undefined;
              const lockedUntil = gate?.kind === 'locked' ? gate.until : undefined;
              const certificateNote = state
                ? certificateStatusText(
                    state.certificateUntil,
                    member.id === session.staff.id,
                    new Date(),
                    timeZone,
                  )
                : undefined;
              return (
                <tr key={member.id}>
                  <th scope="row">{member.name}</th>
                  <td>{member.username}</td>
                  <td>{member.roles.map((role) => staffRoleLabels[role]).join(', ')}</td>
                  <td>
                    {member.isActive ? 'Active' : <span className="badge">Switched off</span>}
                    {lockedUntil ? (
                      <span className="badge badge--warn">
                        {' '}
                        Locked until {clockTime(lockedUntil, timeZone)}
                      </span>
                    ) : null}
                    {state?.passwordChangeRequired ? (
                      <span className="muted"> · must choose a new password</span>
                    ) : null}
                    {certificateNote ? <span className="muted"> · {certificateNote}</span> : null}
                  </td>
                  <td>
                    {member.id === session.staff.id ? (
                      <div className="row-actions">
                        <span className="muted">You</span>
                        <button
                          type="button"
                          className="button button--secondary"
                          onClick={() => open({ kind: 'renew' })}
                        >
                          Renew my certificate
                        </button>
                      </div>
                    ) : (
                      <div className="row-actions">
                        <RowButton
                          name={`Change ${member.name}’s details`}
                          onClick={() => open({ kind: 'edit', member })}
                        >
                          Change details
                        </RowButton>
                        <RowButton
                          name={`Reset ${member.name}’s password`}
                          onClick={() => open({ kind: 'reset', member })}
                        >
                          Reset password
                        </RowButton>
                        <RowButton
                          name={`${member.isActive ? 'Switch off' : 'Switch on'} ${member.name}’s account`}
                          onClick={() => {
                            setMessage(undefined);
                            // Switching off is asked about first; switching back on is not.
                            if (member.isActive) setPanel({ kind: 'switch-off', member });
                            else void toggleActive(member);
                          }}
                        >
                          {member.isActive ? 'Switch off' : 'Switch on'}
                        </RowButton>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {leaver ? null : <KeyRotationPanel leaver={undefined} />}
    </div>
  );
}
