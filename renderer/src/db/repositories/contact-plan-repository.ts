import { z } from 'zod';
import { validForm } from './permitted-form';
import { can } from '@shared/rules/access';
import { arrangementsDueForReview } from '@shared/rules/contact-plan';
import { fail, ok, type Result } from '@shared/result';
import {
  contactArrangementFormSchema,
  contactArrangementSchema,
  contactPlanAgreementSchema,
  type ContactArrangement,
  type ContactArrangementView,
  type ContactPlanAgreement,
} from '@shared/schemas/contact-plans';
import type {
  ContactArrangementAgreementRow,
  ContactArrangementPlainKey,
  ContactArrangementRow,
  FamilyLinksDb,
} from '../database';
import { recordWriter } from '../record-writer';
import { createSealedCodec } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { damagedRecordRepository } from './damaged-record-repository';

/**
 * An arrangement as everyone on shift may read it (the door key): what was agreed, how often,
 * where and with what supervision. Need to know (DESIGN rule 8): who agreed it is apart.
 */
export const contactArrangementCodec = createSealedCodec(
  'contactArrangements',
  contactArrangementSchema.omit({ agreement: true }),
  ['id', 'youngPersonId', 'personId', 'reviewOn', 'endsOn'] satisfies ContactArrangementPlainKey[],
);

/** Who agreed an arrangement and when: the casework compartment, which care staff never hold. */
export const contactArrangementAgreementCodec = createSealedCodec(
  'contactArrangementAgreements',
  z.object({ id: z.string(), youngPersonId: z.string(), agreement: contactPlanAgreementSchema }),
  ['id', 'youngPersonId'],
  { sealedField: 'agreement', compartment: 'casework' },
);

/** An arrangement as it was before a change, whole (agreement too): casework only. */
export const contactArrangementHistoryCodec = createSealedCodec(
  'contactArrangementHistory',
  z.object({ id: z.string(), arrangementId: z.string(), at: z.string(), version: contactArrangementSchema }),
  ['id', 'arrangementId', 'at'],
  { sealedField: 'version', compartment: 'casework' },
);

export type ContactPlanError = 'forbidden' | 'invalid' | 'not-found';

/** A young person's plan as this person may read it, and arrangements that did not open. */
export type ContactPlanRead = {
  readonly arrangements: readonly ContactArrangementView[];
  readonly damagedIds: readonly string[];
};

const forbidden = () =>
  fail(
    'forbidden' as const,
    'Only a Personal Tutor, Case Co-ordinator or the manager can change a contact plan.',
  );

/**
 * The contact plan (DESIGN, "Contact plan"): one row per arrangement with one family member, its
 * agreement in a casework row beside it, and every earlier version kept, sealed, in the history
 * (registers are records, rule 10: nothing is overwritten unseen). Each save is one transaction
 * with its audit entry.
 */
export function contactPlanRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const arrangements = sealedStore(db.contactArrangements, contactArrangementCodec);
  const agreements = sealedStore(db.contactArrangementAgreements, contactArrangementAgreementCodec);
  const history = sealedStore(db.contactArrangementHistory, contactArrangementHistoryCodec);
  const records = recordWriter(db, clock);
  const damage = damagedRecordRepository(db, clock);

  const readsAgreements = (session: Session) =>
    can(session.roles, 'contact-plan:read-agreement') && session.cipher.holds('casework');

  /** The door part of each row; damaged rows are noted and handed back by id, never left out silently. */
  async function openRows(session: Session, rows: readonly ContactArrangementRow[]) {
    const { opened, damagedIds } = await damage.openNoting(session, rows, (row) =>
      contactArrangementCodec.decode(row, session.cipher),
    );
    if (!readsAgreements(session)) return { arrangements: opened as ContactArrangementView[], damagedIds };
    const agreementRows = await db.contactArrangementAgreements.bulkGet(opened.map((each) => each.id));
    const present = agreementRows.flatMap((row) => (row ? [row] : []));
    const read = await damage.openNoting(session, present, (row: ContactArrangementAgreementRow) =>
      contactArrangementAgreementCodec.decode(row, session.cipher),
    );
    const byId = new Map(read.opened.map((each) => [each.id, each.agreement]));
    return {
      arrangements: opened.map((each): ContactArrangementView => ({ ...each, agreement: byId.get(each.id) })),
      damagedIds: [...damagedIds, ...read.damagedIds],
    };
  }

  function parseForm(input: unknown) {
    return validForm(contactArrangementFormSchema, input);
  }

  return {
    /** One young person's plan, as this person may read it, in the order arrangements began. */
    async listForYoungPerson(session: Session, youngPersonId: string): Promise<ContactPlanRead> {
      const rows = await db.contactArrangements.where('youngPersonId').equals(youngPersonId).toArray();
      const read = await openRows(session, rows);
      return {
        arrangements: [...read.arrangements].sort((a, b) => a.startsOn.localeCompare(b.startsOn)),
        damagedIds: read.damagedIds,
      };
    },

    /** What the booking check and the review need: the door part of several young people's plans. */
    async doorViewFor(session: Session, youngPersonIds: readonly string[]) {
      if (youngPersonIds.length === 0) return [];
      const rows = await db.contactArrangements
        .where('youngPersonId')
        .anyOf([...youngPersonIds])
        .toArray();
      return (
        await damage.openNoting(session, rows, (row) => contactArrangementCodec.decode(row, session.cipher))
      ).opened;
    },

    /**
     * Arrangements across the home whose review is due by `dueBy` or missed, soonest first: read
     * by the review-date index, so only those rows are opened.
     */
    async dueForReview(session: Session, today: string, dueBy: string): Promise<ContactArrangementView[]> {
      const rows = await db.contactArrangements.where('reviewOn').belowOrEqual(dueBy).toArray();
      const read = await openRows(session, rows);
      return arrangementsDueForReview(read.arrangements, today, dueBy);
    },

    /** Earlier versions of one arrangement, newest first; undefined for those who may not read them. */
    async history(session: Session, id: string): Promise<ContactArrangement[] | undefined> {
      if (!readsAgreements(session)) return undefined;
      const rows = await db.contactArrangementHistory.where('arrangementId').equals(id).sortBy('at');
      return (await history.open(rows, session.cipher)).map((row) => row.version).reverse();
    },

    /** Records a new arrangement (version 1). PT, CC or manager. */
    async record(session: Session, input: unknown): Promise<Result<ContactArrangement, ContactPlanError>> {
      if (!can(session.roles, 'contact-plan:manage')) return forbidden();
      const form = parseForm(input);
      if (!form.ok) return form;
      if (
        !(await db.youngPeople.get(form.value.youngPersonId)) ||
        !(await db.people.get(form.value.personId))
      )
        return fail(
          'not-found',
          'That young person or family member is no longer in the records. Reload and try again.',
        );
      const now = clock().toISOString();
      const arrangement = split(form.value, {
        id: crypto.randomUUID(),
        version: 1,
        firstRecordedAt: now,
        recordedAt: now,
        recordedById: session.staff.id,
      });
      await records.write(session, {
        at: new Date(now),
        events: [
          {
            action: 'contact-plan.recorded',
            recordType: 'contactPlan',
            recordId: arrangement.id,
            detail: `${arrangement.kind}, ${arrangement.frequency}`,
          },
        ],
        writes: [arrangements.insert(doorPart(arrangement)), agreements.insert(agreementRow(arrangement))],
      });
      return ok(arrangement);
    },

    /**
     * Changes an arrangement: a new version, the one before kept whole in the history. Refused if
     * someone else saved it since it was opened (`version` is the one the form was opened on).
     */
    async change(
      session: Session,
      id: string,
      openedVersion: number,
      input: unknown,
    ): Promise<Result<ContactArrangement, ContactPlanError>> {
      if (!can(session.roles, 'contact-plan:manage')) return forbidden();
      const form = parseForm(input);
      if (!form.ok) return form;
      const [row, agreementStored] = await Promise.all([
        db.contactArrangements.get(id),
        db.contactArrangementAgreements.get(id),
      ]);
      if (!row || !agreementStored)
        return fail('not-found', 'That arrangement is no longer in the plan. Reload and try again.');
      const [current, { agreement }] = await Promise.all([
        contactArrangementCodec.decode(row, session.cipher),
        contactArrangementAgreementCodec.decode(agreementStored, session.cipher),
      ]);
      const changedElsewhere = fail(
        'not-found' as const,
        'Someone else changed this arrangement a moment ago. Open it again to see their change.',
      );
      if (current.version !== openedVersion) return changedElsewhere;
      if (form.value.youngPersonId !== current.youngPersonId || form.value.personId !== current.personId)
        return fail(
          'invalid',
          'An arrangement stays with the same young person and family member. Record a new one instead.',
        );
      const now = clock();
      const updated = split(form.value, {
        id,
        version: current.version + 1,
        firstRecordedAt: current.firstRecordedAt,
        recordedAt: now.toISOString(),
        recordedById: session.staff.id,
      });
      const written = await records.write(session, {
        at: now,
        events: [
          {
            action: 'contact-plan.changed',
            recordType: 'contactPlan',
            recordId: id,
            detail: `Version ${updated.version}`,
          },
        ],
        writes: [
          arrangements.replace(row, doorPart(updated), changedElsewhere),
          agreements.put(agreementRow(updated)),
          history.insert({
            id: crypto.randomUUID(),
            arrangementId: id,
            at: now.toISOString(),
            version: { ...current, agreement },
          }),
        ],
      });
      if (!written.ok) return written;
      return ok(updated);
    },
  };
}
export type ContactPlanRepository = ReturnType<typeof contactPlanRepository>;

type Stamp = Pick<ContactArrangement, 'id' | 'version' | 'firstRecordedAt' | 'recordedAt' | 'recordedById'>;

function split(form: z.infer<typeof contactArrangementFormSchema>, stamp: Stamp): ContactArrangement {
  const { agreedBy, agreedByName, agreedOn, ...rest } = form;
  return contactArrangementSchema.parse({
    ...rest,
    ...stamp,
    agreement: { agreedBy, agreedByName, agreedOn },
  });
}

function doorPart(arrangement: ContactArrangement): Omit<ContactArrangement, 'agreement'> {
  const { agreement: _agreement, ...door } = arrangement;
  return door;
}

function agreementRow(arrangement: ContactArrangement): {
  id: string;
  youngPersonId: string;
  agreement: ContactPlanAgreement;
} {
  return { id: arrangement.id, youngPersonId: arrangement.youngPersonId, agreement: arrangement.agreement };
}
