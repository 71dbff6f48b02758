import { fail, ok, type Result } from '@shared/result';
import { homeSettingsSchema } from '@shared/schemas/home';
import { newAccountFormSchema, type NewAccountForm } from '@shared/schemas/account-forms';
import { defaultKdfParams, type AccountKeys } from '@shared/schemas/keyring';
import { staffMemberSchema, type StaffMember } from '@shared/schemas/staff';
import { signInGate } from '@shared/rules/sign-in-lockout';
import { can } from '@shared/rules/access';
import { fieldMessages } from '@shared/ipc/ipc-result';
import type { FamilyLinksDb } from '../db/database';
import { createRecordCipher, generateDataKey } from '../db/encryption/record-cipher';
import {
  createAccountKeys,
  generateAuditKey,
  rewrapForNewPassword,
  unlockAccount,
  type AccountSecrets,
  type HomeKeys,
} from '../db/encryption/key-wrapping';
import {
  createAuthority,
  issueCredential,
  type NewAuthority,
  type NewCredential,
} from '../db/encryption/signing-keys';
import { authoritySecretOf, rememberAuthoritySecret } from '../db/encryption/authority-secrets';
import { generateHomeCompartments } from '../db/encryption/compartment-keys';
import { spendPasswordCheckWork } from '../db/encryption/key-derivation';
import { ensureHomeCompartments, reconcileAccountKeys } from '../db/account-key-changes';
import { windowSigningPort, type SigningPort } from '../platform/signing-port';
import { accountRepository } from '../db/repositories/account-repository';
import type { AuditEventInput } from '../db/repositories/audit-log-repository';
import { homeSettingsRepository } from '../db/repositories/home-settings-repository';
import { staffRepository } from '../db/repositories/staff-repository';
import { damagedRecordRepository } from '../db/repositories/damaged-record-repository';
import { applyRowSealMarker } from '../db/repositories/reseal-old-rows';
import type { Session } from '../db/session';
import { sessionWithKeys } from '../db/session-keys';
import { permittedForm, validForm } from '../db/repositories/permitted-form';
import { rememberProofKey } from './manager-proof';
import { revokeInMainProcess, type RevokeCertificates } from './revoke-certificates';
import { accountChangeEffects } from './account-change-effects';
import { switchOffService } from './switch-off-account';
import { mark, unlockMarks } from './performance-marks';

export type SignedIn = { readonly session: Session; readonly mustChangePassword: boolean };

const notRecognised = 'That username and password do not match an account. Check them and try again.';

/**
 * The password rules, with the person's own details as things a guesser would try first. The
 * strength estimator's dictionaries (about 1.5 MB) load here, the first time a password is chosen,
 * rather than before the sign-in form can show.
 */
async function passwordProblem(
  password: string,
  who: { name: string; username: string; email: string },
  homeName: string,
): Promise<string | undefined> {
  const { assessPassword } = await import('@shared/rules/password-strength');
  const verdict = assessPassword(password, { ...who, homeName });
  return verdict.kind === 'acceptable' ? undefined : verdict.message;
}

/**
 * Accounts and sign-in. Argon2id and WebCrypto run before each transaction opens; each action's
 * writes and its audit entries are one transaction.
 */
export function authService(
  db: FamilyLinksDb,
  clock: () => Date = () => new Date(),
  signing: SigningPort | undefined = windowSigningPort(),
  revokeCertificates: RevokeCertificates = revokeInMainProcess,
) {
  const staff = staffRepository(db);
  const accounts = accountRepository(db, clock);
  const leaving = switchOffService(db, clock, revokeCertificates);

  /**
   * A certificate for a new account, or for an account whose key was lost in a password reset,
   * issued with the CA secret this manager's session holds. Without a bridge to the main process
   * (a bare browser, some unit tests) or without a home CA, the account is made without one and the
   * audit log says why; a failure of the CA itself stops the action.
   */
  async function credentialFor(
    session: Session,
    member: Pick<StaffMember, 'id' | 'name' | 'email' | 'roles'>,
  ): Promise<Result<{ credential?: NewCredential; note?: string }, 'signing-failed'>> {
    if (!signing) return ok({ note: 'no signing service in this window' });
    const authority = await accounts.signingAuthority();
    if (!authority) return ok({ note: 'the home has no signing authority yet' });
    const authoritySecret = authoritySecretOf(session);
    if (!authoritySecret) return ok({ note: 'this manager’s account cannot open the signing authority' });
    const issued = await issueCredential(signing, {
      authority,
      authoritySecret,
      staff: { id: member.id, name: member.name, email: member.email, roles: member.roles },
      homeName: await homeName(),
    });
    if (!issued.ok) return fail('signing-failed', issued.error.message);
    return ok({ credential: issued.value });
  }

  function certificateEvent(
    staffId: string,
    issued: { credential?: NewCredential; note?: string },
    action: 'certificate.issued' | 'certificate.reissued',
    why?: string,
  ): AuditEventInput {
    if (!issued.credential)
      return {
        action: 'certificate.not-issued',
        recordType: 'staff',
        recordId: staffId,
        detail: issued.note ?? 'unknown reason',
      };
    const { credential } = issued.credential;
    return {
      action,
      recordType: 'staff',
      recordId: staffId,
      detail: `${why ? `${why}; ` : ''}serial ${credential.serialNumber}, SHA-256 ${credential.fingerprint}, valid until ${credential.notAfter.slice(0, 10)}`,
    };
  }

  async function homeName(): Promise<string> {
    return (await homeSettingsRepository(db).get())?.name ?? '';
  }

  return {
    hasAccounts: () => accounts.hasAccounts(),

    /**
     * First run: the home's details and its first account, a Registered Manager, in one
     * transaction. The home's data key and audit key are made here, once.
     */
    async setUpHome(input: {
      home: unknown;
      manager: unknown;
    }): Promise<Result<SignedIn, 'invalid' | 'already-set-up' | 'signing-failed'>> {
      const home = homeSettingsSchema.safeParse(input.home);
      const manager = newAccountFormSchema.safeParse({
        ...(input.manager as object),
        roles: ['registeredManager'],
      });
      if (!home.success || !manager.success) {
        const fields = {
          ...(home.success ? {} : prefixed('home', fieldMessages(home.error))),
          ...(manager.success ? {} : prefixed('manager', fieldMessages(manager.error))),
        };
        return fail('invalid', 'Some details need correcting before the home can be set up.', fields);
      }
      const weak = await passwordProblem(manager.data.password, manager.data, home.data.name);
      if (weak) return fail('invalid', 'Choose a stronger password.', { 'manager.password': weak });
      if (await this.hasAccounts())
        return fail('already-set-up', 'This home is already set up. Sign in instead.');

      const now = clock();
      const member = staffMemberSchema.parse({
        id: crypto.randomUUID(),
        name: manager.data.name,
        username: manager.data.username,
        email: manager.data.email,
        roles: ['registeredManager'],
        isActive: true,
        createdAt: now.toISOString(),
      });
      const keys: HomeKeys = { dataKey: await generateDataKey(), auditKey: await generateAuditKey() };
      const compartments = await generateHomeCompartments();
      // The home's certificate authority and the manager's own certificate, made before anything is
      // written: if the main process cannot make them, nothing is set up and the person can try again.
      let secrets: AccountSecrets = {};
      const signingEvents: AuditEventInput[] = [];
      let authority: NewAuthority['authority'] | undefined;
      if (signing) {
        const created = await createAuthority(signing, home.data.name);
        if (!created.ok)
          return fail('signing-failed', `${created.error.message} Nothing was set up; try again.`);
        const issued = await issueCredential(signing, {
          authority: created.value.authority,
          authoritySecret: created.value.secret,
          staff: { id: member.id, name: member.name, email: member.email, roles: member.roles },
          homeName: home.data.name,
        });
        if (!issued.ok)
          return fail('signing-failed', `${issued.error.message} Nothing was set up; try again.`);
        secrets = { signing: issued.value, authority: created.value.secret };
        authority = created.value.authority;
        signingEvents.push(
          {
            action: 'certificate.authority-created',
            recordType: 'settings',
            recordId: 'signingAuthority',
            detail: `SHA-256 ${created.value.authority.fingerprint}, valid until ${created.value.authority.notAfter.slice(0, 10)}`,
          },
          certificateEvent(member.id, { credential: issued.value }, 'certificate.issued'),
        );
      } else {
        signingEvents.push(
          certificateEvent(member.id, { note: 'no signing service in this window' }, 'certificate.issued'),
        );
      }
      const accountKeys = await createAccountKeys({
        staffId: member.id,
        password: manager.data.password,
        keys,
        passwordChangeRequired: false,
        secrets,
        grants: { account: member, from: compartments },
      });
      const session = sessionWithKeys(member, keys, compartments);
      rememberAuthoritySecret(session, secrets.authority);
      rememberProofKey(session, secrets.signing);
      const stored = await accounts.setUpHome(session, {
        home: home.data,
        authority,
        keys: accountKeys,
        events: [
          {
            action: 'account.created',
            recordType: 'staff',
            recordId: member.id,
            detail: 'roles: registeredManager',
          },
          ...signingEvents,
          { action: 'session.signed-in', recordType: 'staff', recordId: member.id },
        ],
      });
      if (!stored.ok) return stored;
      return ok({ session, mustChangePassword: false });
    },

    /**
     * Checks the lockout gate, then the password. Failures count towards the lockout and are
     * recorded (chained into the audit log at the next successful sign-in, when a key is at hand).
     */
    async signIn(
      username: string,
      password: string,
    ): Promise<Result<SignedIn, 'not-recognised' | 'locked' | 'inactive' | 'damaged'>> {
      const now = clock();
      const login = await staff.findLogin(username);
      const keysRecord = login ? await accounts.keysOf(login.id) : undefined;
      if (login && !login.isActive && !keysRecord) {
        // Switched off: its keys were deleted then, so no password opens anything any more. The
        // answer is an unknown username's, in the same time: nobody at the keyboard has proved who
        // they are, so they learn nothing about which usernames exist (the audit log says why).
        await spendPasswordCheckWork(password);
        await accounts.recordRefusedSignIn(undefined, [
          {
            action: 'session.sign-in-refused',
            recordType: 'staff',
            recordId: login.id,
            detail: 'account inactive',
          },
        ]);
        return fail('not-recognised', notRecognised);
      }
      if (!login || !keysRecord) {
        await spendPasswordCheckWork(password);
        await accounts.recordRefusedSignIn(undefined, [
          { action: 'session.sign-in-failed', detail: 'unknown username' },
        ]);
        return fail('not-recognised', notRecognised);
      }
      const gate = signInGate(lockoutStateOf(keysRecord), now);
      if (gate.kind === 'locked') {
        // The password is not tried while locked, but the time it would take is spent all the same.
        await spendPasswordCheckWork(password, keysRecord.kdf, keysRecord.salt);
        return fail('locked', `${gate.message} The manager can reset the password if it has been forgotten.`);
      }
      mark(unlockMarks.kdfStarted);
      const unlocked = await unlockAccount(keysRecord, password);
      mark(unlockMarks.kdfFinished);
      if (!unlocked.ok) {
        const outcome = await accounts.countWrongPassword(keysRecord, now);
        switch (outcome.kind) {
          case 'counted':
            return fail('not-recognised', notRecognised);
          case 'nowLocked':
            return fail(
              'locked',
              'Too many wrong passwords: this account is now locked for 5 minutes. The manager can reset the password if it has been forgotten.',
            );
          case 'alreadyLocked':
            return fail(
              'locked',
              'This account is locked after too many wrong passwords. Try again in a few minutes.',
            );
          default: {
            const unreachable: never = outcome;
            return unreachable;
          }
        }
      }
      if (!login.isActive) {
        await accounts.recordRefusedSignIn(undefined, [
          {
            action: 'session.sign-in-refused',
            recordType: 'staff',
            recordId: login.id,
            detail: 'account inactive',
          },
        ]);
        return fail('inactive', 'This account has been switched off. Speak to the Registered Manager.');
      }
      // Every door generation the account holds: while the door key is being changed, its own row
      // may still be sealed under the older one.
      const cipher = createRecordCipher(unlocked.value.keys.dataKey, unlocked.value.compartments);
      await applyRowSealMarker(db, cipher);
      // The roles and the switch come from the sealed row, never the plain copy the lookup used:
      // a row edited outside the app does not open, and the sign-in is refused, not guessed at.
      const opened = await staff.open(login.id, cipher);
      if (opened.kind === 'damaged') {
        await damagedRecordRepository(db).noteBeforeSignIn([opened.error]);
        return fail(
          'damaged',
          // Whose account it is cannot be read, so the words serve both: a colleague tells the manager;
          // a manager whose own account is damaged restores it.
          'This account’s record has been changed outside Family Links, so it cannot be used to sign in. Tell the registered manager. If it is the manager’s own account, restore your latest backup made before the change.',
        );
      }
      const member = opened.kind === 'opened' ? opened.member : undefined;
      if (!member) return fail('not-recognised', notRecognised);
      if (!member.isActive)
        return fail('inactive', 'This account has been switched off. Speak to the Registered Manager.');
      // A manager makes any compartment key the home lacks (a home that had one key), then gives
      // every colleague what their roles may hold and takes away what they may not.
      const isManager = member.roles.includes('registeredManager');
      const compartments = isManager
        ? await ensureHomeCompartments(db, unlocked.value.compartments)
        : unlocked.value.compartments;
      const session = sessionWithKeys(member, unlocked.value.keys, compartments);
      await applyRowSealMarker(db, session.cipher);
      rememberAuthoritySecret(session, unlocked.value.secrets.authority);
      rememberProofKey(session, unlocked.value.secrets.signing);
      const { lockedUntil: _cleared, ...withoutLock } = unlocked.value.rewritten ?? keysRecord;
      await accounts.replaceKeys(
        session,
        { ...withoutLock, failedAttempts: [] },
        [{ action: 'session.signed-in', recordType: 'staff', recordId: member.id }],
        { chainPendingSignIns: true },
      );
      if (isManager) {
        const changes = await reconcileAccountKeys(db, session);
        await accounts.applyKeyChanges(session, changes, [
          {
            action: 'account.keys-reconciled',
            recordType: 'staff',
            recordId: member.id,
            detail: `${changes.filter((change) => change.kind === 'put').length} given or changed, ${changes.filter((change) => change.kind === 'revoke').length} switched-off removed`,
          },
        ]);
      }
      return ok({ session, mustChangePassword: keysRecord.passwordChangeRequired });
    },

    /**
     * Records that `staffId`'s session ended (locked, signed out). Needs no key: the session's keys
     * are dropped before this runs, so the entry waits aside and joins the log at the next sign-in.
     */
    async recordSessionEnded(
      staffId: string,
      action: 'session.locked' | 'session.signed-out',
      detail?: string,
    ): Promise<void> {
      await accounts.recordSessionEnded(staffId, {
        action,
        recordType: 'staff',
        recordId: staffId,
        ...(detail ? { detail } : {}),
      });
    },

    /** The manager adds a colleague; the temporary password must be changed at first sign-in. */
    async createAccount(
      session: Session,
      input: unknown,
    ): Promise<Result<StaffMember, 'forbidden' | 'invalid' | 'username-taken' | 'signing-failed'>> {
      const form = permittedForm(
        session,
        'staff:manage',
        'Only the Registered Manager can add staff accounts.',
        newAccountFormSchema,
        input,
      );
      if (!form.ok) return form;
      const weak = await passwordProblem(form.value.password, form.value, await homeName());
      if (weak) return fail('invalid', 'Choose a stronger password.', { password: weak });
      if (await staff.findLogin(form.value.username)) {
        return fail('username-taken', 'That username is taken.', {
          username: 'Someone already has this username. Choose another.',
        });
      }
      const now = clock();
      const member = staffMemberSchema.parse({
        id: crypto.randomUUID(),
        ...pickAccount(form.value),
        isActive: true,
        createdAt: now.toISOString(),
      });
      // Every account gets its own signing key and certificate; a new manager can issue too.
      const issued = await credentialFor(session, member);
      if (!issued.ok)
        return fail('signing-failed', `${issued.error.message} The account was not made; try again.`);
      const authority = member.roles.includes('registeredManager') ? authoritySecretOf(session) : undefined;
      const secrets: AccountSecrets = {
        ...(issued.value.credential ? { signing: issued.value.credential } : {}),
        ...(authority ? { authority } : {}),
      };
      const keys = await createAccountKeys({
        staffId: member.id,
        password: form.value.password,
        keys: session,
        passwordChangeRequired: true,
        secrets,
        grants: { account: member, from: session.compartments },
      });
      await accounts.add(session, member, keys, [
        {
          action: 'account.created',
          recordType: 'staff',
          recordId: member.id,
          detail: `roles: ${member.roles.join(', ')}`,
        },
        certificateEvent(member.id, issued.value, 'certificate.issued'),
      ]);
      return ok(member);
    },

    /** What an account holds that must be handed over before it is switched off (`switchOff`). */
    leaverHoldings: (session: Session, id: string) => leaving.holdings(session, id),

    /**
     * Switches an account off, handing over everything the person holds to the colleagues the
     * manager chose, in one transaction (seed 000: work is not left hanging when someone leaves).
     */
    switchOff: (session: Session, id: string, input: unknown) => leaving.switchOff(session, id, input),

    /**
     * Changes roles, email or name, or switches an account on or off. Switching off here hands
     * nothing over, so it is refused while the person still holds work: `switchOff` does both.
     */
    async updateAccount(
      session: Session,
      id: string,
      changes: Partial<Pick<StaffMember, 'name' | 'email' | 'roles' | 'isActive'>>,
    ): Promise<Result<StaffMember, 'forbidden' | 'invalid' | 'not-found' | 'changed'>> {
      if (!can(session.roles, 'staff:manage'))
        return fail('forbidden', 'Only the Registered Manager can change staff accounts.');
      const current = await staff.get(id, session.cipher);
      if (!current) return fail('not-found', 'That account no longer exists.');
      if (changes.isActive === false && current.isActive) {
        if (Object.keys(changes).length > 1)
          return fail('invalid', 'Switch the account off on its own, then change its details.');
        return leaving.switchOff(session, id, { leaverId: id, assignments: [] });
      }
      if (
        id === session.staff.id &&
        (changes.isActive === false || (changes.roles && !changes.roles.includes('registeredManager')))
      ) {
        return fail(
          'invalid',
          'You cannot switch off your own account or remove your own manager role: ask another manager.',
        );
      }
      const next = validForm(staffMemberSchema, { ...current, ...changes });
      if (!next.ok) return next;
      const { events, keyChange } = await accountChangeEffects(
        session,
        current,
        next.value,
        Object.keys(changes).join(', '),
        { revokeCertificates, keysOf: (staffId) => accounts.keysOf(staffId) },
      );
      await accounts.update(session, next.value, events, keyChange);
      return ok(next.value);
    },

    /** The manager sets a temporary password; the owner must choose a new one at next sign-in. */
    async resetPassword(
      session: Session,
      staffId: string,
      temporaryPassword: string,
    ): Promise<Result<void, 'forbidden' | 'invalid' | 'not-found' | 'signing-failed'>> {
      if (!can(session.roles, 'staff:manage'))
        return fail('forbidden', 'Only the Registered Manager can reset passwords.');
      const member = await staff.get(staffId, session.cipher);
      if (!member) return fail('not-found', 'That account no longer exists.');
      // A switched-off account has no keyring entry (its keys were deleted): a reset gives it new keys.
      const stored = (await accounts.keysOf(staffId)) ?? { staffId, kdf: defaultKdfParams };
      const weak = await passwordProblem(temporaryPassword, member, await homeName());
      if (weak) return fail('invalid', 'Choose a stronger temporary password.', { temporaryPassword: weak });
      // The old signing key's secret was wrapped by the forgotten password, which nobody else knows:
      // it cannot be carried over, so the person gets a fresh key and certificate, and the log says so.
      const issued = await credentialFor(session, member);
      if (!issued.ok)
        return fail('signing-failed', `${issued.error.message} The password was not reset; try again.`);
      const hadKey = 'signingKey' in stored && stored.signingKey !== undefined;
      const authority = member.roles.includes('registeredManager') ? authoritySecretOf(session) : undefined;
      const secrets: AccountSecrets = {
        ...(issued.value.credential ? { signing: issued.value.credential } : {}),
        ...(authority ? { authority } : {}),
      };
      const next = await rewrapForNewPassword(stored, {
        newPassword: temporaryPassword,
        keys: session,
        setBy: 'manager-reset',
        secrets,
        grants: { account: member, from: session.compartments },
      });
      const events: AuditEventInput[] = [
        { action: 'account.password-reset', recordType: 'staff', recordId: staffId },
      ];
      if (hadKey || issued.value.credential) {
        events.push(
          certificateEvent(
            staffId,
            issued.value,
            'certificate.reissued',
            hadKey
              ? 'password reset: the old key cannot be opened without the old password and is no longer used'
              : 'password reset',
          ),
        );
      }
      await accounts.replaceKeys(session, next, events);
      return ok(undefined);
    },

    /** The signed-in person changes their own password, proving the current one first. */
    async changeOwnPassword(
      session: Session,
      currentPassword: string,
      newPassword: string,
    ): Promise<Result<void, 'wrong-password' | 'invalid'>> {
      const stored = await accounts.keysOf(session.staff.id);
      if (!stored) throw new Error('The signed-in account has no keyring entry');
      const check = await unlockAccount(stored, currentPassword);
      if (!check.ok)
        return fail('wrong-password', 'Your current password is not right.', {
          currentPassword: 'This is not your current password.',
        });
      const weak = await passwordProblem(newPassword, session.staff, await homeName());
      if (weak) return fail('invalid', 'Choose a stronger password.', { newPassword: weak });
      // The signing key and (for a manager) the CA's secret move to the new password unchanged.
      const next = await rewrapForNewPassword(stored, {
        newPassword,
        keys: session,
        setBy: 'self',
        secrets: check.value.secrets,
        grants: { account: session.staff, from: session.compartments },
      });
      await accounts.replaceKeys(session, next, [
        { action: 'account.password-changed', recordType: 'staff', recordId: session.staff.id },
      ]);
      return ok(undefined);
    },

    /** Sign-in state of every account (manager's staff screen): locked until, must change password, signing certificate. */
    async accountStates(
      session: Session,
    ): Promise<
      Map<string, Pick<AccountKeys, 'passwordChangeRequired' | 'lockedUntil'> & { certificateUntil?: string }>
    > {
      if (!can(session.roles, 'staff:manage')) return new Map();
      const rows = await accounts.allKeys();
      return new Map(
        rows.map((row) => [
          row.staffId,
          {
            passwordChangeRequired: row.passwordChangeRequired,
            ...(row.lockedUntil ? { lockedUntil: row.lockedUntil } : {}),
            ...(row.signingKey ? { certificateUntil: row.signingKey.notAfter } : {}),
          },
        ]),
      );
    },
  };
}
export type AuthService = ReturnType<typeof authService>;

function lockoutStateOf(record: AccountKeys) {
  return {
    failedAttempts: record.failedAttempts,
    ...(record.lockedUntil ? { lockedUntil: record.lockedUntil } : {}),
  };
}

function pickAccount(form: NewAccountForm) {
  return { name: form.name, username: form.username, email: form.email, roles: form.roles };
}

function prefixed(prefix: string, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([key, message]) => [`${prefix}.${key}`, message]));
}
