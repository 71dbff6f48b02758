import type { Table } from 'dexie';
import { can } from '@shared/rules/access';
import { fail } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import type { RecordCipher, SealedBox } from '../encryption/record-cipher';
import { recordWriter } from '../record-writer';
import { refuseOldFormatRows } from '../row-binding';
import type { SealedCodec } from '../sealed-codec';
import { plainStore, sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { contactFormCodec } from './contact-form-codec';
import { declarationCodec } from './declaration-repository';
import { disclosureCodec } from './disclosure-repository';
import { outboxCodec } from './outbox-codec';
import { panGroupCodec } from './pan-group-repository';
import { personCodec, relationshipCodec } from './people-repository';
import { restrictionCodec } from './restriction-codec';
import { restrictionHistoryCodec } from './restriction-repository';
import { oncePerDatabase, pendingRows } from './row-chunks';
import { sampleItemReviewCodec } from './review-sample-repository';
import { signedPdfCodec } from './signed-pdf-repository';
import { staffCodec } from './staff-repository';
import { visitCodec } from './visit-codec';
import { visitorLogCodec } from './visitor-log-rows';
import { indexCaseNumbers } from './young-person-case-index';

/** The settings row that says every row in this home is sealed with its plain fields bound in. */
const markerKey = 'rowSeals';
const markerContext = `settings:${markerKey}`;
const chunkSize = 250;

type MarkerValue = { readonly format: number; readonly sealed: SealedBox };
type SealedRowBase = { readonly id: string; readonly sealed: SealedBox; readonly sealFormat?: number };

/**
 * Applies the home's marker to a new session's cipher: once every row has been sealed the new
 * way, a row sealed the old way can only be one put back from outside, and is refused. A marker
 * that does not open is treated as there (refusing is the safe side).
 */
export async function applyRowSealMarker(db: FamilyLinksDb, cipher: RecordCipher): Promise<void> {
  const row = await db.settings.get(markerKey);
  if (row === undefined) return;
  const value = row.value as Partial<MarkerValue> | undefined;
  if (value?.sealed) await cipher.open(markerContext, value.sealed).catch(() => undefined);
  refuseOldFormatRows(cipher);
}

export type ResealOutcome = {
  readonly resealed: number;
  readonly damaged: number;
  readonly isComplete: boolean;
};

/**
 * Seals again, with their plain fields bound in, the rows stored before seals covered them. A
 * migration holds no key, so this runs in the background after a Registered Manager signs in
 * (the one session that can open every record), a chunk at a time, each chunk one audited write
 * that leaves alone a row saved meanwhile (it was sealed the new way). Interrupted, it starts
 * again at the next sign-in and skips what is done. Rows that do not open are noted as damaged.
 * When nothing sealed the old way is left, the home's sealed marker is written and old-format
 * rows are refused from then on. Once per database at a time; later calls share the run.
 */
export const resealOldRows = oncePerDatabase(resealAll);

async function resealAll(db: FamilyLinksDb, session: Session): Promise<ResealOutcome> {
  if (!can(session.roles, 'audit:view')) return { resealed: 0, damaged: 0, isComplete: false };
  if (await db.settings.get(markerKey)) return { resealed: 0, damaged: 0, isComplete: true };
  const tables: readonly (() => Promise<TableOutcome>)[] = [
    () => resealTable(db, session, db.staff, staffCodec),
    // Young people are stored again by the case-number indexing, which seals old rows the new way
    // too (and decides which of two young people sharing a case number keeps its hash).
    async () => {
      const outcome = await indexCaseNumbers(db, session);
      return { resealed: outcome.indexed, damaged: outcome.damaged, left: outcome.left };
    },
    () => resealTable(db, session, db.people, personCodec),
    () => resealTable(db, session, db.relationships, relationshipCodec),
    () => resealTable(db, session, db.restrictions, restrictionCodec),
    () => resealTable(db, session, db.restrictionHistory, restrictionHistoryCodec),
    () => resealTable(db, session, db.visitorLog, visitorLogCodec),
    () => resealTable(db, session, db.visits, visitCodec),
    () => resealTable(db, session, db.contactForms, contactFormCodec),
    () => resealTable(db, session, db.contactFormFiles, signedPdfCodec),
    () => resealTable(db, session, db.declarations, declarationCodec),
    () => resealTable(db, session, db.disclosures, disclosureCodec),
    () => resealTable(db, session, db.panGroups, panGroupCodec),
    () => resealTable(db, session, db.outbox, outboxCodec),
    () => resealTable(db, session, db.reviewSampleItems, sampleItemReviewCodec),
  ];
  let resealed = 0;
  let damaged = 0;
  let left = 0;
  for (const table of tables) {
    const outcome = await table();
    resealed += outcome.resealed;
    damaged += outcome.damaged;
    left += outcome.left;
  }
  if (left > 0) return { resealed, damaged, isComplete: false };
  const sealed = await session.cipher.seal(markerContext, { format: 2 });
  const written = await recordWriter(db).write(session, {
    events: [{ action: 'records.resealed-all', recordType: 'settings', recordId: markerKey }],
    writes: [plainStore(db.settings).put({ key: markerKey, value: { format: 2, sealed } })],
    async check() {
      return (await db.settings.get(markerKey)) ? fail('done', 'Already marked.') : undefined;
    },
  });
  if (written.ok) refuseOldFormatRows(session.cipher);
  return { resealed, damaged, isComplete: true };
}

type TableOutcome = { readonly resealed: number; readonly damaged: number; readonly left: number };

async function resealTable<Record extends { id: string }, Row extends SealedRowBase>(
  db: FamilyLinksDb,
  session: Session,
  table: Table<Row, string>,
  codec: SealedCodec<Record, never, Row>,
): Promise<TableOutcome> {
  const store = sealedStore(table, codec);
  const records = recordWriter(db);
  const changedMeanwhile = fail('changed', 'A record was saved while it was being sealed again.');
  const old = pendingRows(db, session, {
    table,
    codec,
    chunkSize,
    isPending: (row) => row.sealFormat === undefined,
  });
  let resealed = 0;
  let left = 0;
  for await (const ready of old.chunks()) {
    const written = await records.write(session, {
      events: [{ action: 'records.resealed', recordType: codec.table, detail: `${ready.length} records` }],
      writes: ready.map(({ row, record }) => store.replace(row, record, changedMeanwhile)),
    });
    if (written.ok) resealed += ready.length;
    // A chunk refused because one row was saved meanwhile is looked at again next time.
    else left += ready.length;
  }
  return { resealed, damaged: old.damaged, left };
}
