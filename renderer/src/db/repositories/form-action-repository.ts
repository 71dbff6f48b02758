import type { ContactForm } from '@shared/schemas/contact-forms';
import { validForm } from './permitted-form';
import { formActionDoneSchema, formActionSchema, type FormAction } from '@shared/schemas/form-actions';
import { reviewScope } from '@shared/rules/access';
import { actionsToTrack, formActionReference, mayMarkActionDone } from '@shared/rules/form-actions';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb, FormActionPlainKey, FormActionRow } from '../database';
import { recordWriter, type WriteStep } from '../record-writer';
import { createSealedCodec } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { youngPersonCodec } from './young-people-repository';

/**
 * How a tracked action is stored: ids, its date, whether it is open, when it was done and when
 * its lateness was raised plain (found by index: a person's own, a young person's, the overdue
 * ones); what it says, who was named and the closing note sealed, with the door key like the
 * form it came from, so a member of care staff who owns an action can read it.
 */
export const formActionCodec = createSealedCodec('formActions', formActionSchema, [
  'id',
  'formId',
  'youngPersonId',
  'ownerStaffId',
  'dueOn',
  'status',
  'doneAt',
  'overdueRaisedAt',
] satisfies FormActionPlainKey[]);

export type FormActionError = 'forbidden' | 'invalid' | 'not-found' | 'already-done';

/** How long a done action stays on its owner's list, so they see it went. */
const doneShownForDays = 14;

/** One young person's open actions, for the Case Co-ordinator's and the manager's review. */
export type YoungPersonActions = { readonly youngPersonId: string; readonly open: readonly FormAction[] };

/**
 * Actions agreed on filed contact forms, followed up to done (DESIGN, "Actions and the
 * chronology"). Made at filing, in the filing's own transaction (`trackAtFiling`); marked done
 * with a note, audited; the overdue alerts are `form-action-alerts.ts`. Need to know (rule 8):
 * a person reads the actions that are theirs, a Case Co-ordinator their young people's, the
 * manager every one.
 */
export function formActionRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = sealedStore(db.formActions, formActionCodec);
  const records = recordWriter(db, clock);

  /** The young people this person reviews: everyone (manager), their own as CC, or nobody. */
  async function reviewedYoungPeople(
    session: Session,
  ): Promise<{ id: string; caseCoordinatorId?: string }[]> {
    const scope = reviewScope(session.roles);
    if (scope.kind === 'none') return [];
    // A damaged row is left out here (the damaged-records panel reports it), not allowed to hide the rest.
    const { records: youngPeople } = await sealedStore(db.youngPeople, youngPersonCodec).openEach(
      await db.youngPeople.toArray(),
      session.cipher,
    );
    return scope.kind === 'all'
      ? youngPeople
      : youngPeople.filter((youngPerson) => youngPerson.caseCoordinatorId === session.staff.id);
  }

  return {
    /**
     * The write steps and audit entry that track a form's agreed actions, for the filing's own
     * transaction: filed with its actions tracked, or neither. An addendum's actions that repeat
     * the corrected form's are already tracked (`actionsToTrack`).
     */
    async trackAtFiling(
      session: Session,
      form: ContactForm,
    ): Promise<{
      readonly writes: readonly WriteStep[];
      readonly events: readonly { action: string; detail: string }[];
    }> {
      const corrected = form.amendsFormId;
      const earlier = corrected
        ? await store.open(
            await db.formActions
              .where('formId')
              .anyOf([
                corrected,
                ...(await db.contactForms.where('amendsFormId').equals(corrected).primaryKeys()),
              ])
              .toArray(),
            session.cipher,
          )
        : [];
      const createdAt = clock().toISOString();
      const tracked = actionsToTrack(form, earlier).map(({ number, agreed }) =>
        formActionSchema.parse({
          id: crypto.randomUUID(),
          formId: form.id,
          formReference: form.reference,
          youngPersonId: form.youngPersonId,
          number,
          action: agreed.action,
          ...(agreed.ownerStaffId ? { ownerStaffId: agreed.ownerStaffId } : {}),
          ownerName: agreed.ownerName,
          ...(agreed.dueOn ? { dueOn: agreed.dueOn } : {}),
          status: 'open',
          createdAt,
        }),
      );
      if (tracked.length === 0) return { writes: [], events: [] };
      return {
        writes: [store.insertAll(tracked)],
        events: [
          {
            action: 'form-action.tracked',
            detail: tracked.map((action) => `action ${action.number}: ${action.id}`).join(', '),
          },
        ],
      };
    },

    /** This person's own actions: every open one, and those done in the last fortnight. */
    async mine(session: Session): Promise<FormAction[]> {
      const since = new Date(clock().getTime() - doneShownForDays * 86_400_000).toISOString();
      const rows = (await db.formActions.where('ownerStaffId').equals(session.staff.id).toArray()).filter(
        (row) => row.status === 'open' || (row.doneAt ?? '') >= since,
      );
      return (await store.openEach(rows, session.cipher)).records;
    },

    /** The open actions of each young person this person reviews (CC: their own; manager: all). */
    async openForReview(session: Session): Promise<YoungPersonActions[]> {
      const youngPeople = await reviewedYoungPeople(session);
      if (youngPeople.length === 0) return [];
      const rows = (
        await db.formActions
          .where('youngPersonId')
          .anyOf(youngPeople.map((youngPerson) => youngPerson.id))
          .toArray()
      ).filter((row) => row.status === 'open');
      const { records: open } = await store.openEach(rows, session.cipher);
      return youngPeople.map((youngPerson) => ({
        youngPersonId: youngPerson.id,
        open: open.filter((action) => action.youngPersonId === youngPerson.id),
      }));
    },

    /**
     * Marks an action done with a short note of what was done: by the person it belongs to, the
     * young person's CC or the manager. One audited change; refused if it was done meanwhile.
     */
    async markDone(
      session: Session,
      id: string,
      input: unknown,
    ): Promise<Result<FormAction, FormActionError>> {
      const parsed = validForm(formActionDoneSchema, input, 'Say in a few words what was done.');
      if (!parsed.ok) return parsed;
      const row: FormActionRow | undefined = await db.formActions.get(id);
      if (!row) return fail('not-found', 'That action is no longer there.');
      const action = await formActionCodec.decode(row, session.cipher);
      const youngPersonRow = await db.youngPeople.get(action.youngPersonId);
      const youngPerson = youngPersonRow
        ? await youngPersonCodec.decode(youngPersonRow, session.cipher)
        : undefined;
      if (
        !mayMarkActionDone(
          { staffId: session.staff.id, roles: session.roles },
          action,
          youngPerson?.caseCoordinatorId,
        )
      )
        return fail(
          'forbidden',
          'Only the person it was given to, the Case Co-ordinator or the manager can mark it done.',
        );
      const alreadyDone = fail(
        'already-done',
        'This action was marked done a moment ago, perhaps in another window.',
      );
      if (action.status === 'done') return alreadyDone;
      const done = formActionSchema.parse({
        ...action,
        status: 'done',
        doneAt: clock().toISOString(),
        doneById: session.staff.id,
        doneNote: parsed.value.note,
      });
      const written = await records.write(session, {
        events: [
          {
            action: 'form-action.done',
            recordType: 'formAction',
            recordId: id,
            detail: formActionReference(action),
          },
        ],
        writes: [store.replace(row, done, alreadyDone)],
      });
      return written.ok ? ok(done) : written;
    },
  };
}
