import { longestVisitHours, visitSchema, type Visit } from '@shared/schemas/visits';
import { can } from '@shared/rules/access';
import type { FamilyLinksDb } from '../database';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { visitCodec, type visitPlainKeys } from './visit-codec';

/**
 * What the diary (its day, week and month grids, the table beside them and the printed week)
 * shows of a visit: the plain fields. The whole seal is still opened and authenticated for every
 * row (a row changed outside the app fails as it always does); only these fields are checked
 * with the schema, since a week of 500 visits pays for every field it parses. The diary opens the
 * whole visit, by its id, when a person opens it.
 */
const diaryVisitSchema = visitSchema.pick({
  id: true,
  startsAt: true,
  endsAt: true,
  youngPersonIds: true,
  staffIds: true,
  roomId: true,
  status: true,
  seriesId: true,
  kind: true,
});
export type DiaryVisit = Pick<Visit, (typeof visitPlainKeys)[number]>;

export type VisitFilter = {
  readonly youngPersonId?: string;
  readonly staffId?: string;
  readonly roomId?: string;
};

const hourMs = 3_600_000;

/** The visit as this person may see it: a visit's notes are for those who lead contact, the staff on it and whoever booked it. */
export function mayReadNotes(visit: Visit, session: Session): boolean {
  return (
    can(session.roles, 'visit:read-notes') ||
    visit.staffIds.includes(session.staff.id) ||
    visit.bookedById === session.staff.id
  );
}

/**
 * Earliest first, by the ISO instants (UTC) compared as strings: the order the `startsAt` index
 * keeps them in. `localeCompare` would ask the collator for every pair of a week's visits.
 */
const byStart = (a: DiaryVisit, b: DiaryVisit) =>
  a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0;

export function visibleVisit(visit: Visit, session: Session): Visit {
  return mayReadNotes(visit, session) ? visit : { ...visit, notes: '' };
}

/** Reading the visit schedule: a stretch of the diary, one young person's visits, one visit, a series. */
export function visitReads(db: FamilyLinksDb) {
  const store = sealedStore(db.visits, visitCodec);

  /**
   * The rows of visits overlapping [fromIso, toIso), filtered on their plain columns: read by the
   * `startsAt` index from as far back as the longest a visit may last.
   */
  async function rowsBetween(fromIso: string, toIso: string, filter: VisitFilter) {
    const from = new Date(Date.parse(fromIso) - longestVisitHours * hourMs).toISOString();
    const rows = await db.visits.where('startsAt').between(from, toIso, true, false).toArray();
    return rows.filter(
      (row) =>
        row.endsAt > fromIso &&
        (filter.youngPersonId === undefined || row.youngPersonIds.includes(filter.youngPersonId)) &&
        (filter.staffId === undefined || row.staffIds.includes(filter.staffId)) &&
        (filter.roomId === undefined || row.roomId === filter.roomId),
    );
  }

  return {
    /**
     * Visits overlapping [fromIso, toIso), earliest first, optionally for one young person, member
     * of staff or room: read by the `startsAt` index, filtered on plain columns, then opened.
     */
    async listBetween(
      session: Session,
      fromIso: string,
      toIso: string,
      filter: VisitFilter = {},
    ): Promise<Visit[]> {
      const visits = await store.open(await rowsBetween(fromIso, toIso, filter), session.cipher);
      return visits.map((visit) => visibleVisit(visit, session)).sort(byStart);
    },

    /**
     * The same visits as `listBetween`, as the diary shows them (`DiaryVisit`): every row opened
     * and authenticated whole, the diary's fields parsed. Notes are not among them, so who may
     * read notes does not come into it.
     */
    async listDiaryBetween(
      session: Session,
      fromIso: string,
      toIso: string,
      filter: VisitFilter = {},
    ): Promise<DiaryVisit[]> {
      const rows = await rowsBetween(fromIso, toIso, filter);
      const visits = await Promise.all(
        rows.map((row) => visitCodec.decodeAs(row, session.cipher, diaryVisitSchema)),
      );
      return visits.sort(byStart);
    },

    /** One young person's visits starting in [fromIso, toIso), earliest first (for the termly review and planning help). */
    async listForYoungPerson(
      session: Session,
      youngPersonId: string,
      fromIso: string,
      toIso: string,
    ): Promise<Visit[]> {
      const rows = await db.visits.where('youngPersonIds').equals(youngPersonId).toArray();
      const inRange = rows.filter((row) => row.startsAt >= fromIso && row.startsAt < toIso);
      const visits = await store.open(inRange, session.cipher);
      return visits.map((visit) => visibleVisit(visit, session)).sort(byStart);
    },

    async get(session: Session, id: string): Promise<Visit | undefined> {
      const visit = await store.get(id, session.cipher);
      return visit ? visibleVisit(visit, session) : undefined;
    },

    /** The other visits of a series, earliest first. */
    async listSeries(session: Session, seriesId: string): Promise<Visit[]> {
      const visits = await store.open(
        await db.visits.where('seriesId').equals(seriesId).toArray(),
        session.cipher,
      );
      return visits.map((visit) => visibleVisit(visit, session)).sort(byStart);
    },
  };
}
