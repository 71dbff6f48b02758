import { mergeChronology } from '@shared/rules/chronology';
import { contactFormScope } from '@shared/rules/contact-form-access';
import { startOfDayIn } from '@shared/home-time';
import type { Visit } from '@shared/schemas/visits';
import type { Table } from 'dexie';
import type { ContactFormRow, FamilyLinksDb, VisitorLogRow, VisitPlainKey } from '../database';
import type { SealedRow } from '../sealed-codec';
import { CompartmentLockedError, type RecordCipher } from '../encryption/record-cipher';
import { DamagedRecordError } from '../row-binding';
import { recordWriter } from '../record-writer';
import { auditFileLeft } from './disclosure-repository';
import type { Session } from '../session';
import { contactFormCodec } from './contact-form-codec';
import { damagedRecordRepository } from './damaged-record-repository';
import { restrictionRepository } from './restriction-repository';
import { contactPlanRepository } from './contact-plan-repository';
import { visitCodec } from './visit-codec';
import { visitorLogCodec } from './visitor-log-rows';
import type {
  ChronologyEntry,
  DoorEntry,
  FormEntry,
  RestrictionEntry,
  ContactPlanEntry,
  Unreadable,
  VisitEntry,
} from './chronology-entries';

type VisitRow = SealedRow<Visit, VisitPlainKey>;

/** The rows one chronology was read from, kept so a line's record opens without reading it again. */
type ReadRows = {
  readonly forms: ReadonlyMap<string, ContactFormRow>;
  readonly visits: ReadonlyMap<string, VisitRow>;
  readonly door: ReadonlyMap<string, VisitorLogRow>;
};

/** A young person's chronology as read: every line in order, and what opens the lines' records. */
export type ChronologyRead = {
  readonly entries: readonly ChronologyEntry[];
  /** Restrictions that did not open (changed outside the app): shown as such, never left out silently. */
  readonly damagedRestrictionIds: readonly string[];
  /** The same lines with their records opened (`detail`, `personIds`), in the order given. */
  open(entries: readonly ChronologyEntry[]): Promise<ChronologyEntry[]>;
};

/** An end and the history row written with it are the same moment give or take the writer's work. */
const endWrittenWithinMs = 60_000;

/** What a line shows of its opened record: `detail`, and the family members it names. */
type Shown<Entry extends ChronologyEntry> = {
  readonly detail: NonNullable<Entry['detail']>;
  readonly personIds: readonly string[];
};

/**
 * Opens lines' records with one session's keys: each line comes back with what it shows of its
 * record, or as unreadable when the record will not open (never as nothing; a damaged row is noted
 * in `damaged`). A line whose row was not read stays as it was.
 */
function recordOpener(cipher: RecordCipher, damaged: DamagedRecordError[]) {
  return async <Entry extends ChronologyEntry, Row, Value>(
    entry: Entry,
    rows: ReadonlyMap<string, Row>,
    codec: { decode(row: Row, cipher: RecordCipher): Promise<Value> },
    shown: (value: Value) => Shown<Entry>,
  ): Promise<Entry> => {
    const row = rows.get(entry.recordId);
    if (!row) return entry;
    try {
      return { ...entry, ...shown(await codec.decode(row, cipher)) };
    } catch (error) {
      const unreadable = (reason: Unreadable['reason']): Entry => {
        const detail: Unreadable = { isUnreadable: true, reason };
        return { ...entry, detail, personIds: [] };
      };
      if (error instanceof CompartmentLockedError) return unreadable('locked');
      if (!(error instanceof DamagedRecordError)) throw error;
      damaged.push(error);
      return unreadable('damaged');
    }
  };
}

/**
 * A young person's chronology (DESIGN, "Actions and the chronology"): their contact forms, visits,
 * door events and restrictions, read through each table's young-person index. Need to know is kept
 * here as everywhere: a care worker gets only the forms they wrote or took part in (found on the
 * plain author and staff fields, `contactFormScope`), a restriction as the door sees it, and nothing
 * sealed under a key their session does not hold. Every line is placed from plain fields, so ten
 * years of lines are ordered without opening a sealed row; `open` opens only the lines asked for.
 */
export function chronologyRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const damage = damagedRecordRepository(db, clock);
  const records = recordWriter(db, clock);

  async function readForms(session: Session, youngPersonId: string): Promise<ContactFormRow[]> {
    const scope = contactFormScope(session.roles);
    if (scope.kind === 'none') return [];
    const rows = await db.contactForms.where('youngPersonId').equals(youngPersonId).toArray();
    if (scope.kind === 'all') return rows;
    const me = session.staff.id;
    return rows.filter((row) => row.authorId === me || (row.staffIds ?? []).includes(me));
  }

  /** The history rows of these records, found by their plain `index`; none read for no records. */
  function historyOf<Row>(table: Table<Row, string>, index: string, records: ReadonlyMap<string, unknown>) {
    return records.size === 0
      ? Promise.resolve([])
      : table
          .where(index)
          .anyOf([...records.keys()])
          .toArray();
  }

  async function readRestrictions(session: Session, youngPersonId: string, timeZone: string) {
    const read = await restrictionRepository(db).listForYoungPerson(session, youngPersonId);
    const byId = new Map(read.restrictions.map((restriction) => [restriction.id, restriction]));
    const history = await historyOf(db.restrictionHistory, 'restrictionId', byId);
    const entries: RestrictionEntry[] = [];
    // Every line about one restriction names it and the person it restricts.
    const about = (restriction: (typeof read.restrictions)[number]) => ({
      kind: 'restriction' as const,
      recordId: restriction.id,
      restriction,
      personIds: restriction.personId ? [restriction.personId] : [],
    });
    for (const restriction of read.restrictions) {
      entries.push({
        ...about(restriction),
        key: `restriction:${restriction.id}:recorded`,
        at: startOfDayIn(restriction.effectiveFrom, timeZone),
        change: 'recorded',
      });
      if (restriction.endedAt)
        entries.push({
          ...about(restriction),
          key: `restriction:${restriction.id}:ended`,
          at: restriction.endedAt,
          change: 'ended',
        });
    }
    for (const row of history) {
      const restriction = byId.get(row.restrictionId);
      if (!restriction) continue;
      // Ending a restriction keeps the version before it too: that row is the end, already listed.
      const sinceEnd = restriction.endedAt ? Date.parse(row.at) - Date.parse(restriction.endedAt) : -1;
      if (sinceEnd >= 0 && sinceEnd < endWrittenWithinMs) continue;
      entries.push({
        ...about(restriction),
        key: `restriction:${restriction.id}:changed:${row.id}`,
        at: row.at,
        change: 'changed',
      });
    }
    return { entries, damagedIds: read.damagedIds };
  }

  /** The plan's versions (DESIGN: the chronology holds "plan changes"): first recorded, then each change. */
  async function readPlan(session: Session, youngPersonId: string) {
    const read = await contactPlanRepository(db).listForYoungPerson(session, youngPersonId);
    const byId = new Map(read.arrangements.map((arrangement) => [arrangement.id, arrangement]));
    // Only the history rows' plain fields are read (when each change was made), never their sealed part.
    const changes = await historyOf(db.contactArrangementHistory, 'arrangementId', byId);
    const entries: ContactPlanEntry[] = read.arrangements.map((arrangement) => ({
      kind: 'contactPlan',
      key: `contactPlan:${arrangement.id}:recorded`,
      at: arrangement.firstRecordedAt,
      recordId: arrangement.id,
      change: 'recorded',
      arrangement,
      personIds: [arrangement.personId],
    }));
    for (const row of changes) {
      const arrangement = byId.get(row.arrangementId);
      if (!arrangement) continue;
      entries.push({
        kind: 'contactPlan',
        key: `contactPlan:${arrangement.id}:changed:${row.id}`,
        at: row.at,
        recordId: arrangement.id,
        change: 'changed',
        arrangement,
        personIds: [arrangement.personId],
      });
    }
    return entries;
  }

  /** Where a line read from one record's row stands: its kind, a key unique across the chronology, and when. */
  function placed<Kind extends ChronologyEntry['kind']>(kind: Kind, id: string, at: string) {
    return { kind, key: `${kind}:${id}`, at, recordId: id };
  }

  function formEntry(row: ContactFormRow): FormEntry {
    const isAddendum = row.amendsFormId !== undefined;
    return {
      // An addendum is a correction made later: it belongs where it was filed.
      ...placed('contactForm', row.id, isAddendum ? (row.filedAt ?? row.contactEndedAt) : row.contactEndedAt),
      reference: row.reference,
      contactKind: row.kind,
      status: row.status,
      filedAt: row.filedAt,
      isAddendum,
    };
  }

  function visitEntry(row: VisitRow): VisitEntry {
    return {
      ...placed('visit', row.id, row.startsAt),
      visitKind: row.kind,
      status: row.status,
      endsAt: row.endsAt,
    };
  }

  function doorEntry(row: VisitorLogRow): DoorEntry {
    return {
      ...placed('door', row.id, row.arrivedAt),
      departedAt: row.departedAt,
      isCorrection: row.amendsEntryId !== undefined,
    };
  }

  async function openEntries(
    session: Session,
    rows: ReadRows,
    entries: readonly ChronologyEntry[],
  ): Promise<ChronologyEntry[]> {
    const damaged: DamagedRecordError[] = [];
    const withRecord = recordOpener(session.cipher, damaged);
    const opened = await Promise.all(
      entries.map(async (entry): Promise<ChronologyEntry> => {
        if (entry.personIds !== undefined) return entry;
        switch (entry.kind) {
          case 'contactForm':
            return withRecord(entry, rows.forms, contactFormCodec, (form) => {
              const isAsked = form.viewsUsed !== undefined || form.familyFeelingWords !== undefined;
              const voices = {
                familyFeeling: form.familyFeeling,
                viewsUsed: form.viewsUsed,
                toldNextOn: form.toldNextOn,
                toldNextById: form.toldNextById,
              };
              return {
                detail: { otherParticipants: form.otherParticipants, ...(isAsked ? { voices } : {}) },
                personIds: form.personIds,
              };
            });
          case 'visit':
            return withRecord(entry, rows.visits, visitCodec, (visit) => ({
              detail: { cancelledReason: visit.cancelledReason },
              personIds: visit.personIds,
            }));
          case 'door':
            return withRecord(entry, rows.door, visitorLogCodec, (visitor) => ({
              detail: {
                entryKind: visitor.kind,
                visitorName: visitor.visitorName,
                organisationOrRelationship: visitor.organisationOrRelationship,
                restrictionCheck: visitor.restrictionCheck,
              },
              personIds: visitor.personId ? [visitor.personId] : [],
            }));
          case 'restriction':
          case 'contactPlan':
            return entry;
          default: {
            const unreachable: never = entry;
            return unreachable;
          }
        }
      }),
    );
    if (damaged.length > 0) await damage.note(session, damaged);
    return opened;
  }

  return {
    /**
     * One young person's chronology, newest first, as `session` may see it. `timeZone` is the
     * home's: a restriction is placed at the start of the day it took effect on the home's clock.
     */
    async read(session: Session, youngPersonId: string, timeZone: string): Promise<ChronologyRead> {
      const [formRows, visitRows, doorRows, correctedIds, restrictions, plan] = await Promise.all([
        readForms(session, youngPersonId),
        db.visits.where('youngPersonIds').equals(youngPersonId).toArray(),
        db.visitorLog.where('visitingYoungPersonIds').equals(youngPersonId).toArray(),
        // Only corrections carry this field, so its index is short: the ids that were corrected.
        db.visitorLog.orderBy('amendsEntryId').keys(),
        readRestrictions(session, youngPersonId, timeZone),
        readPlan(session, youngPersonId),
      ]);
      const corrected = new Set(correctedIds.map(String));
      const currentDoorRows = doorRows.filter((row) => !corrected.has(row.id));
      const rows: ReadRows = {
        forms: new Map(formRows.map((row) => [row.id, row])),
        visits: new Map(visitRows.map((row) => [row.id, row])),
        door: new Map(currentDoorRows.map((row) => [row.id, row])),
      };
      const entries = mergeChronology<ChronologyEntry>([
        formRows.map(formEntry),
        visitRows.map(visitEntry),
        currentDoorRows.map(doorEntry),
        restrictions.entries,
        plan,
      ]);
      return {
        entries,
        damagedRestrictionIds: restrictions.damagedIds,
        open: (wanted) => openEntries(session, rows, wanted),
      };
    },

    /**
     * A signed copy saved outside the app: the audit log keeps the file's SHA-256 (DESIGN, "Signed
     * PDFs"), beside the disclosure that says to whom and why.
     */
    async recordSignedCopy(
      session: Session,
      copy: { readonly youngPersonId: string; readonly sha256: string; readonly disclosureId: string },
    ): Promise<void> {
      await auditFileLeft(records, session, {
        action: 'chronology.signed-copy-saved',
        disclosureId: copy.disclosureId,
        detail: `Young person ${copy.youngPersonId}, SHA-256 ${copy.sha256}`,
      });
    },
  };
}
