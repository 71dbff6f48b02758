import { describe, expect, it } from 'vitest';
import {
  auditDetailWords,
  type AuditNames,
} from '../../../../../renderer/src/features/audit/audit-entry-words';

const grace = '803900f0-7ea3-4259-8c47-99b820b54ee2';
const sam = '870e9fd0-c3d9-4568-a2a2-1103a8259066';
const names: AuditNames = {
  staff: new Map([
    [grace, 'Grace Okafor'],
    [sam, 'Sam Patel'],
  ]),
  youngPeople: new Map(),
};
const words = (detail: string | undefined) => auditDetailWords(detail, 'Europe/London', names);

describe('auditDetailWords', () => {
  it.each([
    ['until 2026-12-07T16:14:57.082Z', 'until 7 Dec 2026, 16:14'],
    // British Summer Time: the home's clock is an hour ahead of UTC.
    ['until 2026-07-01T08:05:00Z', 'until 1 Jul 2026, 09:05'],
    [
      'From backup.flbak (made 2026-03-29T00:30:00.000Z), opened',
      'From backup.flbak (made 29 Mar 2026, 00:30), opened',
    ],
    // The clocks go forward at 01:00 UTC on 29 March 2026.
    ['made 2026-03-29T01:30:00Z', 'made 29 Mar 2026, 02:30'],
    ['at 2026-12-07T16:14+01:00', 'at 7 Dec 2026, 15:14'],
  ])('shows %s on the home’s clock', (detail, shown) => {
    expect(words(detail)).toBe(shown);
  });

  it('names colleagues where the log holds their account ids', () => {
    expect(words(`as personalTutor, from staff ${grace} to staff ${sam}`)).toBe(
      'as Personal Tutor, from Grace Okafor to Sam Patel',
    );
    expect(words(`version 3; read to them by staff ${sam}`)).toBe('version 3; read to them by Sam Patel');
  });

  it('names roles in words', () => {
    expect(words('roles: registeredManager, caseCoordinator; serial 01')).toBe(
      'roles: Registered Manager, Case Co-ordinator; serial 01',
    );
    // A role's code inside another word is not a role.
    expect(words('changed: personalTutorId')).toBe('changed: personalTutorId');
  });

  it('names the details of an account that changed in words', () => {
    expect(words('changed: isActive')).toBe('changed: switched on or off');
    expect(words('changed: name, email, roles')).toBe('changed: name, work email, roles');
    // A field the screen has no words for leaves the whole list as written.
    expect(words('changed: email, pinHash')).toBe('changed: email, pinHash');
  });

  it('keeps the id of an account the screen does not know, so it can still be traced', () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(words(`from staff ${grace} to staff ${unknown}`)).toBe(`from Grace Okafor to staff ${unknown}`);
  });

  it('leaves a detail with nothing to put in words as it is', () => {
    // A reason code, a date with no time, a hash, an instant that cannot be, "staff" before no id.
    const details =
      'wrong password|valid until 2027-12-07|SHA-256 3f9a0c2e|until 2026-13-45T99:99:00Z|staff 12';
    for (const detail of details.split('|')) expect(words(detail)).toBe(detail);
  });

  it('shows nothing for an entry with no detail', () => {
    expect(words(undefined)).toBe('');
  });
});
