import { describe, expect, it } from 'vitest';
import type { ChainedAuditEntry } from '@shared/rules/audit-chain';
import {
  auditExportWhat,
  auditLogFilterOf,
  isFiltered,
  noAuditFilter,
} from '../../../../../renderer/src/features/audit/audit-filter-values';
import {
  auditActorWords,
  auditRecordWords,
} from '../../../../../renderer/src/features/audit/audit-entry-words';

const names = {
  staff: new Map([['s-1', 'Priya Raman']]),
  youngPeople: new Map([['yp-1', 'Millie Hughes']]),
};

describe('the audit log filter form', () => {
  it('leaves out what is not chosen', () => {
    expect(auditLogFilterOf(noAuditFilter)).toEqual({});
    expect(isFiltered(noAuditFilter)).toBe(false);
  });

  it.each([
    [{ who: 'staff:s-1' }, { actor: { kind: 'staff', staffId: 's-1' } }],
    [{ who: 'notSignedIn' }, { actor: { kind: 'notSignedIn' } }],
    [{ action: 'restriction.ended' }, { actions: ['restriction.ended'] }],
    [
      { youngPersonId: 'yp-1', fromDate: '2026-03-01' },
      { youngPersonId: 'yp-1', fromDate: '2026-03-01' },
    ],
  ])('reads %j as %j', (chosen, filter) => {
    expect(auditLogFilterOf({ ...noAuditFilter, ...chosen })).toEqual(filter);
    expect(isFiltered({ ...noAuditFilter, ...chosen })).toBe(true);
  });

  it('describes an export in words for the disclosure log', () => {
    expect(auditExportWhat(noAuditFilter, 1234, names)).toBe('Audit log, 1,234 entries');
    expect(
      auditExportWhat(
        {
          fromDate: '2026-03-01',
          toDate: '',
          who: 'staff:s-1',
          action: 'restriction.ended',
          youngPersonId: 'yp-1',
        },
        1,
        names,
      ),
    ).toBe(
      'Audit log, 1 entry: by Priya Raman; Ended a contact restriction; about Millie Hughes; 1 Mar 2026 to today',
    );
  });
});

describe('an entry in words', () => {
  const entry = (fields: Partial<ChainedAuditEntry>): ChainedAuditEntry => ({
    seq: 1,
    at: '2026-03-01T10:00:00.000Z',
    action: 'session.signed-in',
    previousMac: '',
    mac: '',
    ...fields,
  });

  it('names who did it, or says no one was signed in', () => {
    expect(auditActorWords(entry({ actorId: 's-1' }), names)).toBe('Priya Raman');
    expect(auditActorWords(entry({}), names)).toBe('Not signed in');
    expect(auditActorWords(entry({ actorId: 'gone' }), names)).toBe('Unknown account');
  });

  it('says what the record is, naming a colleague or a young person', () => {
    expect(auditRecordWords(entry({ recordType: 'outboxMessage', recordId: 'm-1' }), names)).toBe(
      'Email alert',
    );
    expect(auditRecordWords(entry({ recordType: 'staff', recordId: 's-1' }), names)).toBe(
      'Staff account: Priya Raman',
    );
    expect(auditRecordWords(entry({ recordType: 'youngPerson', recordId: 'yp-1' }), names)).toBe(
      'Young person: Millie Hughes',
    );
    expect(auditRecordWords(entry({}), names)).toBe('');
  });
});
