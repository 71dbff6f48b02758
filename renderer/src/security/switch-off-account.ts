import { displayName } from '@shared/display-names';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import { can } from '@shared/rules/access';
import {
  applyHandover,
  checkHandover,
  handoverProblemText,
  holdingsOf,
  type HandoverItem,
  type HandoverRecords,
} from '@shared/rules/handover';
import { handoverChoiceSchema } from '@shared/schemas/handover';
import type { StaffMember } from '@shared/schemas/staff';
import type { FamilyLinksDb } from '../db/database';
import { accountRepository } from '../db/repositories/account-repository';
import { handoverRepository } from '../db/repositories/handover-repository';
import { staffRepository } from '../db/repositories/staff-repository';
import type { Session } from '../db/session';
import { accountChangeEffects } from './account-change-effects';
import type { RevokeCertificates } from './revoke-certificates';

export type SwitchOffError = 'forbidden' | 'invalid' | 'not-found' | 'changed';

/** What a leaver holds, for the manager's confirm step: the items, and the colleagues there are. */
export type LeaverHoldings = {
  readonly leaver: StaffMember;
  readonly staff: readonly StaffMember[];
  readonly items: readonly HandoverItem[];
  readonly records: HandoverRecords;
};

/**
 * Switching an account off (seed 000: work is not left hanging when someone leaves). The manager
 * confirms, choosing a colleague for everything the person holds; then, in one transaction, the
 * account goes off, its wrapped keys are deleted, and each young person, PAN place, owed form and
 * action goes to the colleague chosen, each with its audit entry. Refused whole, with nothing
 * written, if anything is left without a colleague or a record changed meanwhile.
 */
export function switchOffService(
  db: FamilyLinksDb,
  clock: () => Date,
  revokeCertificates: RevokeCertificates,
) {
  const staff = staffRepository(db);
  const accounts = accountRepository(db, clock);
  const handover = handoverRepository(db);

  async function leaverOf(
    session: Session,
    id: string,
  ): Promise<Result<StaffMember, 'forbidden' | 'invalid' | 'not-found'>> {
    if (!can(session.roles, 'staff:manage'))
      return fail('forbidden', 'Only the Registered Manager can change staff accounts.');
    if (id === session.staff.id)
      return fail('invalid', 'You cannot switch off your own account: ask another manager.');
    const leaver = await staff.get(id, session.cipher);
    return leaver ? ok(leaver) : fail('not-found', 'That account no longer exists.');
  }

  return {
    /** What `id` holds now, for the confirm step. */
    async holdings(
      session: Session,
      id: string,
    ): Promise<Result<LeaverHoldings, 'forbidden' | 'invalid' | 'not-found'>> {
      const leaver = await leaverOf(session, id);
      if (!leaver.ok) return leaver;
      const [everyone, read] = await Promise.all([staff.list(session.cipher), handover.read(session)]);
      return ok({
        leaver: leaver.value,
        staff: everyone,
        items: holdingsOf(id, read.records),
        records: read.records,
      });
    },

    /** Switches `id` off, handing over what they hold as `input` (a `HandoverChoice`) says. */
    async switchOff(
      session: Session,
      id: string,
      input: unknown,
    ): Promise<Result<StaffMember, SwitchOffError>> {
      const leaver = await leaverOf(session, id);
      if (!leaver.ok) return leaver;
      const choice = handoverChoiceSchema.safeParse(input);
      if (!choice.success || choice.data.leaverId !== id)
        return fail(
          'invalid',
          'The handover could not be read.',
          choice.success ? undefined : fieldMessages(choice.error),
        );
      const [everyone, read] = await Promise.all([staff.list(session.cipher), handover.read(session)]);
      const items = holdingsOf(id, read.records);
      const verdict = checkHandover(leaver.value, everyone, items, choice.data);
      if (verdict.kind === 'refused') {
        const names = new Map(
          read.records.youngPeople.map((youngPerson) => [youngPerson.id, displayName(youngPerson)]),
        );
        const nameOf = (youngPersonId: string) => names.get(youngPersonId) ?? 'a young person';
        const texts = verdict.problems.map((problem) =>
          handoverProblemText(problem, leaver.value.name, nameOf),
        );
        const fields = Object.fromEntries(
          verdict.problems.flatMap((problem, index) =>
            problem.code === 'unassigned' || problem.code === 'not-eligible'
              ? [[problem.item.key, texts[index] ?? '']]
              : [],
          ),
        );
        return fail('invalid', texts.join(' '), fields);
      }
      const now = clock();
      const next: StaffMember = { ...leaver.value, isActive: false };
      const effects = await accountChangeEffects(session, leaver.value, next, 'isActive', {
        revokeCertificates,
        keysOf: (staffId) => accounts.keysOf(staffId),
      });
      const changes = applyHandover(read.records, items, verdict.assignments);
      const steps = handover.steps(session, read, changes, id, verdict.assignments, now);
      const counted = (kind: HandoverItem['kind'], one: string, many: string) => {
        const count = items.filter((item) => item.kind === kind).length;
        return `${count} ${count === 1 ? one : many}`;
      };
      const written = await accounts.switchOff(session, {
        member: next,
        keys: effects.keyChange,
        writes: steps.writes,
        at: now,
        events: [
          ...effects.events,
          ...steps.events,
          // Nothing held, nothing handed over: the switch-off's own entries say it all.
          ...(items.length === 0
            ? []
            : [
                {
                  action: 'account.handed-over',
                  recordType: 'staff',
                  recordId: id,
                  detail: [
                    counted('youngPerson', 'young person post', 'young person posts'),
                    counted('panPlace', 'PAN place', 'PAN places'),
                    counted('owedForm', 'form owed', 'forms owed'),
                    counted('formAction', 'action', 'actions'),
                  ].join(', '),
                },
              ]),
        ],
      });
      return written.ok ? ok(next) : written;
    },
  };
}
