import type { Transaction } from 'dexie';

/**
 * Version 11 lists contact forms without opening them: a form's kind, start, filing time and the
 * staff who took part become plain fields beside the ones already plain (ids, dates and states;
 * none of them says who a child is). Forms stored before hold those inside their sealed part,
 * and no key is held while the database upgrades, so each is marked here (`listFieldsPending`,
 * indexed) and `contact-form-list-backfill.ts` opens and re-stores them at the next sign-in.
 * The migration copies the shape it needs rather than importing the live row type.
 */
export async function markContactFormsForListFields(transaction: Transaction): Promise<void> {
  await transaction
    .table<{ kind?: string; listFieldsPending?: 1 }>('contactForms')
    .toCollection()
    .modify((row) => {
      if (row.kind === undefined) row.listFieldsPending = 1;
    });
}
