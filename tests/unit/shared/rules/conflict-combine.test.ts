import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { choosableFields, combineVersions } from '../../../../shared/rules/conflict-combine';
import { restrictionRecordSchema, type Restriction } from '../../../../shared/schemas/registers';
import type { Side } from '../../../../shared/sync/record-merge';

const office = '0b6f2a4e-58a4-4f7e-9a3c-1d2e3f405162';
const frontDesk = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4051';
const manager = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

const base: Restriction = {
  id: '3f2b8c1e-9d4a-4e6b-8f7c-2a1b3c4d5e6f',
  youngPersonId: 'a3bb189e-8bf9-4888-9912-ace4e6543002',
  name: 'John Smith',
  aliases: ['Jack Smith'],
  description: '',
  kind: 'supervisedOnly',
  conditions: 'In the family room with a member of staff.',
  authority: 'courtOrder',
  authorityReference: 'ZW24C00123',
  effectiveFrom: '2026-01-01',
  reviewOn: '2026-12-01',
  recordedById: manager,
  endedReason: '',
  version: 1,
};

const stamps = ['changedAt', 'changedById'];
const options = { schema: restrictionRecordSchema, stamps };

/** The office tightens it and moves the review; the front desk relaxes it and gives a new reference. */
function apart(officeChange: Partial<Restriction>, deskChange: Partial<Restriction>) {
  const atOffice: Side<Restriction> = {
    d: office,
    n: 4,
    record: { ...base, ...officeChange, version: 2, changedAt: '2026-12-05T09:00:00.000Z' },
  };
  const atDesk: Side<Restriction> = {
    d: frontDesk,
    n: 7,
    record: { ...base, ...deskChange, version: 2, changedAt: '2026-12-05T10:00:00.000Z' },
  };
  return { atOffice, atDesk, sides: [atOffice, atDesk] };
}
const officeVersion = `${office}:4`;
const deskVersion = `${frontDesk}:7`;

describe('combining the versions of a record, detail by detail', () => {
  const tightened = { kind: 'noContact' as const, conditions: '', reviewOn: '2027-01-15' };
  const relaxed = {
    kind: 'other' as const,
    conditions: 'May visit on Saturdays.',
    authorityReference: 'ZW24C00999',
  };

  it('offers only the details changed two ways', () => {
    const { sides } = apart(tightened, relaxed);
    expect(choosableFields(base, sides, stamps)).toEqual(['conditions', 'kind']);
  });

  it('takes each chosen detail from its version and keeps what only one computer changed', () => {
    const { sides } = apart(tightened, relaxed);
    const combined = combineVersions(base, sides, { kind: officeVersion, conditions: deskVersion }, options);
    if (!combined.ok) throw new Error(combined.message);
    expect(combined.record).toMatchObject({
      kind: 'noContact',
      conditions: 'May visit on Saturdays.',
      // Changed on one computer only: kept as changed, from either side.
      reviewOn: '2027-01-15',
      authorityReference: 'ZW24C00999',
      name: 'John Smith',
    });
    expect(combined.from).toEqual([
      { field: 'conditions', label: 'Conditions', version: deskVersion },
      { field: 'kind', label: 'What is allowed', version: officeVersion },
    ]);
  });

  it('gives the same record whichever order the versions are in', () => {
    const { atOffice, atDesk } = apart(tightened, relaxed);
    const choices = { kind: deskVersion, conditions: deskVersion };
    const one = combineVersions(base, [atOffice, atDesk], choices, options);
    const other = combineVersions(base, [atDesk, atOffice], choices, options);
    expect(one).toEqual(other);
    expect(one.ok && one.record).toMatchObject({ kind: 'other', reviewOn: '2027-01-15' });
  });

  it('drops a detail when the chosen version has none', () => {
    const { sides } = apart({ aliases: ['JJ'], description: 'Grey beard' }, { aliases: ['Jack'] });
    const combined = combineVersions(base, sides, { aliases: deskVersion }, options);
    if (!combined.ok) throw new Error(combined.message);
    expect(combined.record.aliases).toEqual(['Jack']);
    expect(combined.record.description).toBe('Grey beard');
    const { sides: again } = apart({ conditions: '' }, { conditions: 'Only at the contact centre.' });
    const without = combineVersions(base, again, { conditions: officeVersion }, options);
    expect(without.ok && without.record.conditions).toBe('');
  });

  it('refuses a combination the restriction could not be, naming the problem', () => {
    const { sides } = apart(tightened, relaxed);
    // "Other" needs its conditions written out, and the office's version has none.
    const refused = combineVersions(base, sides, { kind: deskVersion, conditions: officeVersion }, options);
    expect(refused).toEqual({
      ok: false,
      problem: 'invalid',
      message:
        'These values cannot be kept together. Conditions: Say what the restriction is: “other” needs its conditions written out. Nothing has been changed.',
    });
  });

  it('refuses a restriction that would end before it starts', () => {
    const { sides } = apart(
      { effectiveFrom: '2026-06-01', effectiveTo: '2026-09-30' },
      { effectiveFrom: '2026-12-05', effectiveTo: '2027-03-31' },
    );
    const refused = combineVersions(
      base,
      sides,
      { effectiveFrom: deskVersion, effectiveTo: officeVersion },
      options,
    );
    expect(refused.ok ? undefined : [refused.problem, refused.message]).toEqual([
      'invalid',
      'These values cannot be kept together. Applies until: It ends before it starts. Check the dates. Nothing has been changed.',
    ]);
    const fine = combineVersions(
      base,
      sides,
      { effectiveFrom: officeVersion, effectiveTo: deskVersion },
      options,
    );
    expect(fine.ok && [fine.record.effectiveFrom, fine.record.effectiveTo]).toEqual([
      '2026-06-01',
      '2027-03-31',
    ]);
  });

  it('asks for every detail changed two ways', () => {
    const { sides } = apart(tightened, relaxed);
    const refused = combineVersions(base, sides, { kind: officeVersion }, options);
    expect(refused.ok ? undefined : [refused.problem, refused.message]).toEqual([
      'unchosen',
      'Choose the value to keep for “Conditions”.',
    ]);
  });

  it('refuses choices the versions no longer match: a detail not changed two ways, or an unknown version', () => {
    const { sides } = apart(tightened, relaxed);
    const both = { kind: officeVersion, conditions: officeVersion };
    const stale = (choices: Record<string, string>) => {
      const result = combineVersions(base, sides, choices, options);
      return result.ok ? undefined : result.problem;
    };
    expect(stale({ ...both, reviewOn: deskVersion })).toBe('stale');
    expect(stale({ ...both, kind: `${frontDesk}:8` })).toBe('stale');
    // Who changed a version is not shown, so it is never chosen: it follows the winner.
    expect(stale({ ...both, changedAt: deskVersion })).toBe('stale');
  });

  it('cannot combine with a version that deleted the record', () => {
    const { atOffice } = apart(tightened, relaxed);
    const deleted: Side<Restriction> = { d: frontDesk, n: 7, record: undefined };
    expect(choosableFields(base, [atOffice, deleted], stamps)).toEqual([]);
    const refused = combineVersions(base, [atOffice, deleted], {}, options);
    expect(refused.ok ? undefined : refused.problem).toBe('deleted');
  });

  it('checks with the schema it is given, whatever the table', () => {
    const room = z.object({ id: z.string(), name: z.string().min(1, { message: 'Enter the room’s name.' }) });
    const sides = [
      { d: office, n: 2, record: { id: 'b', name: '' } },
      { d: frontDesk, n: 3, record: { id: 'b', name: 'Garden room' } },
    ];
    const refused = combineVersions(
      { id: 'b', name: 'Blue room' },
      sides,
      { name: officeVersion.replace(':4', ':2') },
      {
        schema: room,
      },
    );
    expect(refused.ok ? undefined : refused.message).toBe(
      'These values cannot be kept together. Name: Enter the room’s name. Nothing has been changed.',
    );
  });
});
