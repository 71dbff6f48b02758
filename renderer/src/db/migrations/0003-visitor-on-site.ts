import type { Transaction } from 'dexie';

/**
 * Version 3 indexes who is on site. Entries written before it have no `isOnSite`, so they would
 * never show on the fire roll: mark each one from its plain `departedAt` (no key is needed, and
 * none is held while the database upgrades). The migration copies the one field it needs rather
 * than importing the live row type, so later changes to that type cannot alter what it does.
 */
export async function markVisitorsOnSite(transaction: Transaction): Promise<void> {
  await transaction
    .table<{ departedAt?: string; isOnSite?: 0 | 1 }>('visitorLog')
    .toCollection()
    .modify((row) => {
      row.isOnSite = row.departedAt ? 0 : 1;
    });
}
