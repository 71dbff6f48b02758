import { Dexie, type Collection } from 'dexie';
import type { ContactKind } from '@shared/schemas/contact-forms';
import { contactFormScope } from '@shared/rules/contact-form-access';
import {
  listedStatusOf,
  matchesListStatus,
  type ContactFormListStatus,
} from '@shared/rules/contact-form-list-status';
import type { ContactFormRow, FamilyLinksDb } from '../database';
import type { Session } from '../session';
import { normaliseReference } from './contact-form-reference';

/** What the list may be narrowed by. Instants are ISO; `contactFrom` inclusive, `contactTo` exclusive. */
export type ContactFormListFilter = {
  readonly youngPersonId?: string | undefined;
  readonly authorId?: string | undefined;
  readonly kind?: ContactKind | undefined;
  readonly status?: ContactFormListStatus | undefined;
  readonly contactFrom?: string | undefined;
  readonly contactTo?: string | undefined;
  /** A whole or partial reference ("CF-2026-7K3", "cf 2026 000126"). */
  readonly reference?: string | undefined;
};

/** One line of the list: only fields stored plain, so no form is opened to show it. */
export type ContactFormListItem = {
  readonly id: string;
  readonly reference: string;
  readonly youngPersonId: string;
  readonly authorId: string;
  readonly kind: ContactKind | undefined;
  readonly contactStartedAt: string | undefined;
  readonly contactEndedAt: string;
  readonly dueAt: string;
  readonly filedAt: string | undefined;
  readonly status: 'due' | 'overdue' | 'filed' | 'filedLate';
  readonly isAddendum: boolean;
};

/** Where the next page starts: below this contact end, skipping the forms already listed at it. */
export type ContactFormListCursor = { readonly before: string; readonly seenAtBefore: readonly string[] };

export type ContactFormListPage = {
  readonly items: readonly ContactFormListItem[];
  /** Undefined when there is nothing more. */
  readonly next: ContactFormListCursor | undefined;
};

/** Rows read from an index per step; a step that finds too few matches reads on, up to `maxScan`. */
const stepRows = 200;
const maxScan = 4_000;

function itemOf(row: ContactFormRow, now: Date): ContactFormListItem {
  return {
    id: row.id,
    reference: row.reference,
    youngPersonId: row.youngPersonId,
    authorId: row.authorId,
    kind: row.kind,
    contactStartedAt: row.contactStartedAt,
    contactEndedAt: row.contactEndedAt,
    dueAt: row.dueAt,
    filedAt: row.filedAt,
    status: listedStatusOf(row, now),
    isAddendum: row.amendsFormId !== undefined,
  };
}

function newestFirst(a: ContactFormRow, b: ContactFormRow): number {
  return b.contactEndedAt.localeCompare(a.contactEndedAt) || a.id.localeCompare(b.id);
}

/**
 * The Contact forms list (DESIGN: every list indexed and virtualised, nothing loads a whole
 * table). Newest contact first, a page at a time by index keys: a young person's forms by
 * [young person, contact end], an author's by [author, contact end], the home's by contact end;
 * the other filters are checked on each row's plain fields, so no form is opened. Need to know is
 * kept here (`contactFormScope`): a care worker's list holds only forms they wrote or took part
 * in, found by the author and staff indexes, whatever filters are asked for.
 */
export function contactFormListRepository(db: FamilyLinksDb) {
  function matches(row: ContactFormRow, filter: ContactFormListFilter, now: Date): boolean {
    if (filter.youngPersonId && row.youngPersonId !== filter.youngPersonId) return false;
    if (filter.authorId && row.authorId !== filter.authorId) return false;
    if (filter.kind && row.kind !== filter.kind) return false;
    if (filter.status && !matchesListStatus(row, filter.status, now)) return false;
    if (filter.contactFrom && row.contactEndedAt < filter.contactFrom) return false;
    if (filter.contactTo && row.contactEndedAt >= filter.contactTo) return false;
    return true;
  }

  /** A small set of rows (a reference search, the drafts, one person's own forms): filtered and sorted in memory. */
  function wholePage(rows: readonly ContactFormRow[], filter: ContactFormListFilter, now: Date) {
    const items = rows
      .filter((row) => matches(row, filter, now))
      .sort(newestFirst)
      .map((row) => itemOf(row, now));
    return { items, next: undefined };
  }

  /** The index walk for a filter, newest first, from `before` (inclusive) down to `contactFrom`. */
  function walk(
    filter: ContactFormListFilter,
    before: string | undefined,
  ): Collection<ContactFormRow, string> {
    const lowest = filter.contactFrom ?? Dexie.minKey;
    const upper = before ?? filter.contactTo ?? Dexie.maxKey;
    const includeUpper = before !== undefined;
    if (filter.youngPersonId)
      return db.contactForms
        .where('[youngPersonId+contactEndedAt]')
        .between([filter.youngPersonId, lowest], [filter.youngPersonId, upper], true, includeUpper)
        .reverse();
    if (filter.authorId)
      return db.contactForms
        .where('[authorId+contactEndedAt]')
        .between([filter.authorId, lowest], [filter.authorId, upper], true, includeUpper)
        .reverse();
    return db.contactForms.where('contactEndedAt').between(lowest, upper, true, includeUpper).reverse();
  }

  return {
    /**
     * When each form not yet filed falls due, whoever owes it: the manager's count of forms
     * overdue and due today. Plain fields only, so no form is opened; empty for anyone who may
     * not read every form.
     */
    async unfiledDeadlines(session: Session): Promise<{ readonly dueAt: string }[]> {
      if (contactFormScope(session.roles).kind !== 'all') return [];
      const rows = await db.contactForms.where('status').equals('draft').toArray();
      return rows.map((row) => ({ dueAt: row.dueAt }));
    },

    /**
     * One page of the forms `session` may read that match `filter`, newest contact first. Pass
     * the previous page's `next` for the page after it. A page may hold fewer than `pageSize`
     * items and still have a `next` (the filter matched few of the rows read): ask again.
     */
    async page(
      session: Session,
      filter: ContactFormListFilter,
      options: { now: Date; pageSize?: number; cursor?: ContactFormListCursor | undefined },
    ): Promise<ContactFormListPage> {
      const { now } = options;
      const pageSize = options.pageSize ?? 50;
      const scope = contactFormScope(session.roles);
      if (scope.kind === 'none') return { items: [], next: undefined };

      if (filter.reference !== undefined && filter.reference.trim() !== '') {
        const wanted = normaliseReference(filter.reference);
        const rows = await db.contactForms.where('reference').startsWith(wanted).limit(maxScan).toArray();
        return wholePage(
          rows.filter((row) => readable(row, session, scope.kind)),
          filter,
          now,
        );
      }
      if (scope.kind === 'own') {
        // Everything a care worker may see is what they wrote or took part in: a person's own.
        const me = session.staff.id;
        const [written, joined] = await Promise.all([
          db.contactForms.where('authorId').equals(me).primaryKeys(),
          db.contactForms.where('staffIds').equals(me).primaryKeys(),
        ]);
        const rows = await db.contactForms.bulkGet([...new Set([...written, ...joined])]);
        return wholePage(
          rows.filter((row): row is ContactFormRow => row !== undefined),
          filter,
          now,
        );
      }
      if (filter.status === 'draft' || filter.status === 'due' || filter.status === 'overdue') {
        // Forms not yet filed are few beside the years filed: read them all by status.
        const rows = filter.authorId
          ? await db.contactForms
              .where('[authorId+status+dueAt]')
              .between([filter.authorId, 'draft', Dexie.minKey], [filter.authorId, 'draft', Dexie.maxKey])
              .toArray()
          : await db.contactForms.where('status').equals('draft').toArray();
        return wholePage(rows, filter, now);
      }

      const items: ContactFormListItem[] = [];
      let before = options.cursor?.before;
      let seen = new Set(options.cursor?.seenAtBefore ?? []);
      let scanned = 0;
      for (;;) {
        // Rows at `before` come again (the bound is inclusive): read enough to get past them.
        const limit = stepRows + seen.size;
        const rows = await walk(filter, before).limit(limit).toArray();
        for (const row of rows) {
          if (row.contactEndedAt === before && seen.has(row.id)) continue;
          if (row.contactEndedAt !== before) {
            before = row.contactEndedAt;
            seen = new Set();
          }
          seen.add(row.id);
          scanned += 1;
          if (matches(row, filter, now)) items.push(itemOf(row, now));
          if (items.length === pageSize) return { items, next: cursorAt(before, seen) };
        }
        if (rows.length < limit) return { items, next: undefined };
        // The filter matches few rows: hand back what there is; the next call reads on.
        if (scanned >= maxScan) return { items, next: cursorAt(before, seen) };
      }
    },
  };
}

function cursorAt(before: string | undefined, seen: ReadonlySet<string>): ContactFormListCursor | undefined {
  return before === undefined ? undefined : { before, seenAtBefore: [...seen] };
}

function readable(row: ContactFormRow, session: Session, scope: 'all' | 'own'): boolean {
  return (
    scope === 'all' || row.authorId === session.staff.id || (row.staffIds ?? []).includes(session.staff.id)
  );
}
