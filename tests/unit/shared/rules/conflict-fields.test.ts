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

  it('shows a home setting staff understand by its name and its value in words', () => {
    const home = (name: string, timeZone: string) => ({
      key: 'home',
      value: { name, ofstedUrn: 'SC123456', timeZone },
    });
    const versions = [home('Oak House', 'Europe/London'), home('Oak House Children’s Home', 'Europe/Dublin')];
    expect(conflictRecordName('settings', versions)).toBe('One of the home’s settings: The home’s details');
    expect(differingFields('settings', versions)).toEqual([
      { field: 'value.name', label: 'Home name', values: ['Oak House', 'Oak House Children’s Home'] },
      { field: 'value.timeZone', label: 'Time zone', values: ['Europe/London', 'Europe/Dublin'] },
    ]);
    const lock = (minutes: number) => ({ key: 'security', value: { autoLockMinutes: minutes } });
    expect(differingFields('settings', [lock(1), lock(10)])).toEqual([
      {
        field: 'value.autoLockMinutes',
        label: 'Lock an unattended screen after',
        values: ['1 minute', '10 minutes'],
      },
    ]);
    const kept = (years: number) => ({
      key: 'retention',
      value: {
        caseRecordsYearsFromBirth: 75,
        visitorRegisterYears: years,
        declarationsYears: 15,
        disclosuresYears: 15,
      },
    });
    expect(
      differingFields('settings', [kept(15), kept(20)]).map((field) => [field.label, ...field.values]),
    ).toEqual([['Visitor register kept', '15 years', '20 years']]);
    const due = (hours: number) => ({ key: 'contactForms', value: { dueHours: hours } });
    expect(
      differingFields('settings', [due(24), due(48)]).map((field) => [field.label, ...field.values]),
    ).toEqual([['Contact forms due within', '24 hours', '48 hours']]);
    expect(conflictRecordName('settings', [due(24)])).toBe(
      'One of the home’s settings: Contact-form deadline',
    );
  });

  it('shows a setting that means nothing read aloud only as changed', () => {
    const sealed = (data: string) => ({ key: 'signingAuthority', value: { iv: 'x', data } });
    expect(differingFields('settings', [sealed('a'), sealed('b')])).toEqual([
      { field: 'value', label: 'The signing authority', values: ['Changed', 'Changed'] },
    ]);
    const alerted = (ids: string[]) => ({ key: 'panOverdueAlerted', value: ids });
    const fields = differingFields('settings', [alerted(['p1']), alerted(['p1', 'p2'])]);
    expect(fields.flatMap((field) => field.values)).toEqual(['Changed', 'Changed']);
    expect(differingFields('settings', [sealed('a'), sealed('a')])).toEqual([]);
  });
});
