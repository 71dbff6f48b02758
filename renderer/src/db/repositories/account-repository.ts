import type { SealedAuthority } from '@shared/ipc/channels/signing';
import { fail, type Result } from '@shared/result';
import type { HomeSettings } from '@shared/schemas/home';
import { detailWithDigest, settingDigest } from '@shared/rules/setting-trail';
import { afterFailedAttempt, type FailedAttemptOutcome } from '@shared/rules/sign-in-lockout';
import { accountKeysSchema, type AccountKeys } from '@shared/schemas/keyring';
import type { StaffMember } from '@shared/schemas/staff';
import type { FamilyLinksDb } from '../database';
import { parseAuthority, signingAuthoritySettingKey } from '../encryption/signing-keys';
import { recordWriter, type WriteStep } from '../record-writer';
import { plainStore, sealedStore } from '../sealed-store';
import type { Session } from '../session';
import type { AccountKeyChange } from '../account-key-changes';
import type { AuditEventInput } from './audit-log-repository';
import { staffCodec, staffRepository } from './staff-repository';
import { unreachable } from '@shared/unreachable';

/**
 * Accounts: each member of staff's row and their keyring entry (the keys their password unwraps,
 * their sign-in lockout, their signing key), and the home's signing authority. The flows that use
 * them (first run, sign-in, passwords, certificates) are in security/; this stores what they decide.
 */
export function accountRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const staff = sealedStore(db.staff, staffCodec);
  const keyring = plainStore(db.accountKeys);
  const settings = plainStore(db.settings);
  const records = recordWriter(db, clock);
  const keyWrites = (changes: readonly AccountKeyChange[]) =>
    changes.flatMap((change) => {
      switch (change.kind) {
        case 'keep':
          return [];
        case 'put':
          return [keyring.put(change.keys)];
        case 'revoke':
          return [keyring.delete(change.staffId)];
        default:
          return unreachable(change, 'key change');
      }
    });

  return {
    hasAccounts(): Promise<boolean> {
      return staffRepository(db).hasAnyone();
    },

    /** The keyring entry of one account, or undefined if it has none (or it cannot be read). */
    async keysOf(staffId: string): Promise<AccountKeys | undefined> {
      const parsed = accountKeysSchema.safeParse(await db.accountKeys.get(staffId));
      return parsed.success ? parsed.data : undefined;
    },

    /** Every keyring entry, for the manager's view of who is locked out or must change a password. */
    async allKeys(): Promise<AccountKeys[]> {
      return db.accountKeys.toArray();
    },

    /** The home's certificate authority, sealed, if it has one yet. */
    async signingAuthority(): Promise<SealedAuthority | undefined> {
      return parseAuthority((await db.settings.get(signingAuthoritySettingKey))?.value);
    },

    /**
     * First run: the home's details, its signing authority and its first account, a Registered
     * Manager, in one transaction with `events`, after the entry that the home was set up (its
     * detail the details' digest, which every read of them is held to: `setting-trail.ts`).
     * Refused if an account appeared meanwhile.
     */
    async setUpHome(
      session: Session,
      input: {
        readonly home: HomeSettings;
        readonly authority: SealedAuthority | undefined;
        readonly keys: AccountKeys;
        readonly events: readonly AuditEventInput[];
      },
    ): Promise<Result<void, 'already-set-up'>> {
      const digest = await settingDigest('home', input.home);
      const setUp = { action: 'home.set-up', recordType: 'settings', recordId: 'home' };
      return records.write(session, {
        events: [{ ...setUp, detail: detailWithDigest(undefined, digest) }, ...input.events],
        writes: [
          settings.put({ key: 'home', value: input.home }),
          ...(input.authority
            ? [settings.put({ key: signingAuthoritySettingKey, value: input.authority })]
            : []),
          staff.insert(session.staff),
          keyring.insert(input.keys),
        ],
        check: async () =>
          (await db.staff.count()) > 0
            ? fail('already-set-up', 'This home is already set up. Sign in instead.')
            : undefined,
      });
    },

    /** A new account and its keyring entry. */
    async add(
      session: Session,
      member: StaffMember,
      keys: AccountKeys,
      events: readonly AuditEventInput[],
    ): Promise<void> {
      await records.write(session, { events, writes: [staff.insert(member), keyring.insert(keys)] });
    },

    /**
     * A changed account (its name, email, roles, or whether it is switched on), with the key side
     * of that change (`keysAfterAccountChange`: compartments given or taken, or every key deleted
     * when it is switched off) in the same transaction.
     */
    async update(
      session: Session,
      member: StaffMember,
      events: readonly AuditEventInput[],
      keys: AccountKeyChange = { kind: 'keep' },
    ): Promise<void> {
      await records.write(session, { events, writes: [staff.put(member), ...keyWrites([keys])] });
    },

    /**
     * An account switched off with its work handed over, in one transaction: the account, its
     * keyring entry deleted (`keys`), the handed-over records (`writes`, from
     * `handoverRepository.steps`) and every audit entry. Refused whole, with nothing written, when
     * a handed-over record changed since it was read.
     */
    switchOff<Code extends string>(
      session: Session,
      change: {
        readonly member: StaffMember;
        readonly keys: AccountKeyChange;
        readonly writes: readonly WriteStep<Code>[];
        readonly events: readonly AuditEventInput[];
        readonly at: Date;
      },
    ): Promise<Result<void, Code>> {
      return records.write<Code>(session, {
        at: change.at,
        events: change.events,
        writes: [staff.put(change.member), ...keyWrites([change.keys]), ...change.writes],
      });
    },

    /** Keyring entries brought in line with their accounts' roles (`reconcileAccountKeys`), in one transaction. */
    async applyKeyChanges(
      session: Session,
      changes: readonly AccountKeyChange[],
      events: readonly AuditEventInput[],
    ): Promise<void> {
      if (changes.length === 0) return;
      await records.write(session, { events, writes: keyWrites(changes) });
    },

    /** A keyring entry rewrapped (a password changed or reset), or its lockout cleared at sign-in. */
    async replaceKeys(
      session: Session,
      keys: AccountKeys,
      events: readonly AuditEventInput[],
      options: { readonly chainPendingSignIns?: boolean } = {},
    ): Promise<void> {
      await records.write(session, {
        events,
        writes: [keyring.put(keys)],
        chainPendingSignIns: options.chainPendingSignIns === true,
      });
    },

    /**
     * A sign-in that failed or was refused, before anyone holds the audit key: the lockout count
     * (when there is an account to count against) and the events, chained in at the next sign-in.
     */
    async recordRefusedSignIn(
      keys: AccountKeys | undefined,
      events: readonly AuditEventInput[],
    ): Promise<void> {
      await records.writeBeforeSignIn({ events, writes: keys ? [keyring.put(keys)] : [] });
    },

    /**
     * A wrong password for `keys`' account at `now`: counted towards the lockout (five in fifteen
     * minutes lock it for five), and left for the audit log with `detail`, and the lock if this try
     * caused one. Returns what the try did to the account.
     */
    async countWrongPassword(keys: AccountKeys, now: Date, detail?: string): Promise<FailedAttemptOutcome> {
      const { failedAttempts, lockedUntil, ...rest } = keys;
      const outcome = afterFailedAttempt({ failedAttempts, ...(lockedUntil ? { lockedUntil } : {}) }, now);
      const failed: AuditEventInput = {
        action: 'session.sign-in-failed',
        recordType: 'staff',
        recordId: keys.staffId,
        ...(detail ? { detail } : {}),
      };
      await records.writeBeforeSignIn({
        at: now,
        events:
          outcome.kind === 'nowLocked'
            ? [
                failed,
                {
                  action: 'account.locked-out',
                  recordType: 'staff',
                  recordId: keys.staffId,
                  detail: `until ${outcome.until}`,
                },
              ]
            : [failed],
        writes: [
          keyring.put({
            ...rest,
            failedAttempts: [...outcome.state.failedAttempts],
            ...(outcome.state.lockedUntil ? { lockedUntil: outcome.state.lockedUntil } : {}),
          }),
        ],
      });
      return outcome;
    },

    /**
     * A lock or sign-out, recorded after the session dropped its keys: kept aside, stamped by the
     * main process, and chained into the log under `staffId`'s name at the next sign-in.
     */
    async recordSessionEnded(staffId: string, event: AuditEventInput): Promise<void> {
      await records.writeBeforeSignIn({ events: [event], actorId: staffId });
    },
  };
}
