import { describe, expect, it } from 'vitest';
import { conflictRecordName, differingFields } from '../../../../shared/rules/conflict-fields';

const restriction = {
  id: 'r1',
  name: 'John Smith',
  aliases: ['Jack Smith'],
  kind: 'supervisedOnly',
  conditions: 'In the family room.',
  authority: 'courtOrder',
  effectiveFrom: '2026-12-05',
  reviewOn: '2027-01-10',
  version: 2,
  changedAt: '2026-12-05T10:00:00.000Z',
};

describe('the fields that differ between two versions of a record', () => {
  it('lists only the fields that differ, in plain words, one value per version', () => {
    const relaxed = {
      ...restriction,
      kind: 'other',
      conditions: 'May visit on Saturdays.',
      changedAt: '2026-12-05T11:00:00.000Z',
    };
    const tightened = { ...restriction, kind: 'noContact', conditions: '', aliases: ['Jack Smith', 'JJ'] };
    expect(differingFields('restrictions', [relaxed, tightened])).toEqual([
      { field: 'aliases', label: 'Also known as', values: ['Jack Smith', 'Jack Smith, JJ'] },
      { field: 'conditions', label: 'Conditions', values: ['May visit on Saturdays.', '(none)'] },
      { field: 'kind', label: 'What is allowed', values: ['Other (see the conditions)', 'No contact'] },
    ]);
  });

  it('writes dates the UK way and labels a field it does not know from its name', () => {
    const earlier = { ...restriction, reviewOn: '2027-01-10', endedReason: undefined, roomName: 'Blue room' };
    const later = { ...restriction, reviewOn: '2027-02-01', roomName: 'Garden room' };
    const fields = differingFields('restrictions', [earlier, later]);
    expect(fields.map((field) => [field.label, ...field.values])).toEqual([
      ['Review by', '10 Jan 2027', '1 Feb 2027'],
      ['Room name', 'Blue room', 'Garden room'],
    ]);
  });

  it('shows a version that deleted the record as deleted', () => {
    const fields = differingFields('rooms', [{ id: 'b', name: 'Blue room' }, undefined]);
    expect(fields).toEqual([{ field: 'name', label: 'Name', values: ['Blue room', 'Deleted'] }]);
  });

  it('names the record by the person it concerns, or by its kind', () => {
    expect(conflictRecordName('restrictions', [undefined, restriction])).toBe(
      'Contact restriction: John Smith',
    );
    expect(conflictRecordName('people', [{ firstName: 'Dawn', lastName: 'Morris' }])).toBe(
      'A family member’s or friend’s details: Dawn Morris',
    );
    expect(conflictRecordName('visits', [{ id: 'v' }])).toBe('A visit');
    expect(conflictRecordName('somethingNew', [undefined])).toBe('A record');
  });
});
