import type { Table } from 'dexie';
import { sameBytes } from '@shared/bytes';
import { fail } from '@shared/result';
import { isUnderOlderKey } from '@shared/rules/key-rotation';
import type { KeyRotationState, RotatableCompartment } from '@shared/schemas/key-rotation';
import type { FamilyLinksDb } from '../database';
import type { SealedBox } from '../encryption/record-cipher';
import type { WriteStep } from '../record-writer';
import { DamagedRecordError } from '../row-binding';
import type { SealedCodec } from '../sealed-codec';
import { openedOrDamaged, sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { contactFormCodec } from './contact-form-codec';
import {
  contactArrangementAgreementCodec,
  contactArrangementCodec,
  contactArrangementHistoryCodec,
} from './contact-plan-repository';
import { declarationCodec } from './declaration-repository';
import { disclosureCodec } from './disclosure-repository';
import { draftCompartment, draftContext } from './draft-repository';
import { formActionCodec } from './form-action-repository';
import { outboxCodec } from './outbox-codec';
import { panGroupCodec } from './pan-group-repository';
import { personCodec, personSpecialDatesCodec, relationshipCodec } from './people-repository';
import { restrictionCodec } from './restriction-codec';
import { restrictionHistoryCodec } from './restriction-writes';
import { sampleItemReviewCodec } from './review-sample-repository';
import { signedPdfCodec } from './signed-pdf-repository';
import { staffCodec } from './staff-repository';
import { visitCodec } from './visit-codec';
import { visitorLogCodec } from './visitor-log-rows';
import { protocolAcceptanceCodec, visitingProtocolCodec } from './visiting-protocol-repository';
import { sharedCaseNumberCodec, youngPersonCodec } from './young-people-repository';
import { unreachable } from '@shared/unreachable';

/*
 * The tables a change of a compartment's key seals again, and how each is read in batches and
 * sealed under the new generation; the repository (`key-rotation-repository.ts`) runs them.
 */

type SealedRowBase = { readonly id: string; readonly sealed: SealedBox };
type ChangedMeanwhile = 'changed';

/** What one batch found: the write steps for the rows opened, the rows that did not, and where it stopped. */
type Batch = {
  readonly steps: readonly WriteStep<ChangedMeanwhile>[];
  readonly damaged: readonly DamagedRecordError[];
  readonly last: string | undefined;
};

export type RotatedTable = {
  readonly name: string;
  stillOld(state: KeyRotationState): Promise<number>;
  batch(session: Session, state: KeyRotationState, after: string | undefined, size: number): Promise<Batch>;
};

/** Every sealed part of a row (a restriction has two), found by shape. */
function boxesOf(row: object): SealedBox[] {
  return Object.values(row).filter(
    (value): value is SealedBox =>
      typeof value === 'object' && value !== null && 'iv' in value && 'data' in value,
  );
}

const changedMeanwhile = fail('changed', 'A record was saved while it was being sealed again.');

/**
 * A table whose rows `resealStep` opens (their seal and plain fields checked whole) and seals
 * again: nothing is copied across unauthenticated, and a row that does not open
 * (`DamagedRecordError`) is left as it is.
 */
function rotatedRows<Row extends SealedRowBase>(
  table: Table<Row, string>,
  resealStep: (row: Row, session: Session) => Promise<WriteStep<ChangedMeanwhile>>,
): RotatedTable {
  const isOld = (state: KeyRotationState) => (row: Row) =>
    boxesOf(row).some((box) => isUnderOlderKey(box, state));
  return {
    name: table.name,
    stillOld: (state) => table.filter(isOld(state)).count(),
    async batch(session, state, after, size) {
      const rows = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after))
        .limit(size)
        .toArray();
      const old = rows.filter(isOld(state));
      const { records: steps, damaged } = await openedOrDamaged(old.map((row) => resealStep(row, session)));
      return { steps, damaged, last: rows[rows.length - 1]?.id };
    },
  };
}

/** A table of records sealed by `codecOf` the row (one codec for most tables). */
function rotatedTable<Record extends { id: string }, Row extends SealedRowBase>(
  table: Table<Row, string>,
  codecOf: SealedCodec<Record, never, Row> | ((row: Row) => SealedCodec<Record, never, Row>),
): RotatedTable {
  return rotatedRows(table, async (row, session) => {
    const codec = typeof codecOf === 'function' ? codecOf(row) : codecOf;
    const record = await codec.decode(row, session.cipher);
    return sealedStore(table, codec).replace(row, record, changedMeanwhile);
  });
}

/**
 * Drafts still under the door key, sealed with no codec: each opened with its own context and sealed
 * again, unless its owner has saved it since (then it is under the new key already).
 */
function rotatedDrafts(db: FamilyLinksDb): RotatedTable {
  return rotatedRows(db.drafts, async (row, session) => {
    const context = draftContext(row.id);
    const values = await session.cipher.open(context, row.sealed).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'OperationError')
        throw new DamagedRecordError('drafts', row.id, 'does-not-open');
      throw error;
    });
    return {
      table: db.drafts,
      async prepare(author) {
        const { cipher, staff } = author ?? session;
        // A draft kept under the door key before drafts were sealed under their writer's own goes
        // there when its writer seals it again; the manager, who holds everyone's, leaves it under
        // the door's, since its writer may not hold their own key yet.
        const isOwn = row.id.startsWith(`${staff.id}:`);
        const sealed = await cipher.seal(
          context,
          values,
          isOwn ? draftCompartment(cipher, row.id) : undefined,
        );
        return {
          write: { kind: 'put', table: db.drafts, rows: [{ ...row, sealed }] },
          async check() {
            const stored = await db.drafts.get(row.id);
            return stored && sameBytes(stored.sealed.iv, row.sealed.iv) ? undefined : changedMeanwhile;
          },
        };
      },
    };
  });
}

/** The names of the tables a change of `compartment`'s key seals again (for the test that none is missed). */
export function tablesResealedFor(db: FamilyLinksDb, compartment: RotatableCompartment): string[] {
  return tablesOf(db, compartment).map((table) => table.name);
}

/** The casework histories, sealed in the casework compartment (and under the door key, if sealed before it). */
function caseworkHistories(db: FamilyLinksDb): RotatedTable[] {
  return [
    rotatedTable(db.restrictionHistory, restrictionHistoryCodec),
    rotatedTable(db.contactArrangementAgreements, contactArrangementAgreementCodec),
    rotatedTable(db.contactArrangementHistory, contactArrangementHistoryCodec),
  ];
}

/** The manager's records, sealed in the manager compartment (and under the door key, if sealed before it). */
function managerRecords(db: FamilyLinksDb): RotatedTable[] {
  return [
    rotatedTable(db.disclosures, disclosureCodec),
    rotatedTable(db.reviewSampleItems, sampleItemReviewCodec),
  ];
}

/** The tables with records sealed in each compartment whose key can be changed, in the order they are done. */
export function tablesOf(db: FamilyLinksDb, compartment: RotatableCompartment): readonly RotatedTable[] {
  switch (compartment) {
    case 'door':
      return [
        // Young people first: their case numbers' index hashes are worked out again under the new
        // key, and until then a look-up tries both (`caseNumberHeldByAnother`).
        rotatedTable(db.youngPeople, (row) =>
          row.caseNumberIndex?.includes('~') ? sharedCaseNumberCodec : youngPersonCodec,
        ),
        rotatedTable(db.staff, staffCodec),
        rotatedTable(db.people, personCodec),
        rotatedTable(db.relationships, relationshipCodec),
        rotatedTable(db.restrictions, restrictionCodec),
        rotatedTable(db.visitorLog, visitorLogCodec),
        rotatedTable(db.visits, visitCodec),
        rotatedTable(db.contactForms, contactFormCodec),
        rotatedTable(db.contactFormFiles, signedPdfCodec),
        rotatedTable(db.formActions, formActionCodec),
        rotatedTable(db.panGroups, panGroupCodec),
        rotatedTable(db.outbox, outboxCodec),
        rotatedTable(db.contactArrangements, contactArrangementCodec),
        rotatedTable(db.visitingProtocols, visitingProtocolCodec),
        rotatedTable(db.protocolAcceptances, protocolAcceptanceCodec),
        rotatedDrafts(db),
        // Rows of the other compartments sealed before compartments existed are under the door
        // key too: sealed again, they go under their own compartment's.
        ...caseworkHistories(db),
        rotatedTable(db.declarations, declarationCodec),
        ...managerRecords(db),
      ];
    case 'casework':
      return [
        rotatedTable(db.restrictions, restrictionCodec),
        ...caseworkHistories(db),
        rotatedTable(db.personSpecialDates, personSpecialDatesCodec),
      ];
    case 'manager':
      return managerRecords(db);
    default:
      return unreachable(compartment, 'compartment');
  }
}
