import { describe, expect, it } from 'vitest';
import {
  restrictedParticipants,
  typedNames,
  uncheckedRestrictions,
  type ContactParticipants,
} from '../../../../shared/rules/contact-form-restrictions';
import { buildRestriction } from '../../../factories';

const youngPersonId = crypto.randomUUID();
const dadId = crypto.randomUUID();
const noPhone = buildRestriction({
  youngPersonId,
  personId: dadId,
  name: 'Mark Jones',
  kind: 'noPhoneContact',
  effectiveFrom: '2026-01-01',
});
const noContact = buildRestriction({
  youngPersonId,
  name: 'Lee Carter',
  aliases: ['Leroy Carter'],
  kind: 'noContact',
  effectiveFrom: '2026-01-01',
});
const supervised = buildRestriction({
  youngPersonId,
  name: 'Pat Reed',
  kind: 'supervisedOnly',
  effectiveFrom: '2026-01-01',
});
const lapsed = buildRestriction({
  youngPersonId,
  name: 'Ann Bell',
  kind: 'noContact',
  effectiveFrom: '2025-01-01',
  effectiveTo: '2025-12-31',
});
const otherChild = buildRestriction({
  youngPersonId: crypto.randomUUID(),
  name: 'Sam Hill',
  kind: 'noContact',
  effectiveFrom: '2026-01-01',
});
const register = [noPhone, noContact, supervised, lapsed, otherChild];

const contact = (overrides: Partial<ContactParticipants>): ContactParticipants => ({
  youngPersonId,
  kind: 'phoneCall',
  contactDay: '2026-11-19',
  contactStartedAt: '2026-11-19T10:00:00.000Z',
  people: [],
  otherParticipants: '',
  hasStaff: true,
  ...overrides,
});

describe('recording a contact checks who took part against the restriction register', () => {
  it.each([
    [
      'a phone call with a registered person allowed no phone contact is flagged as against the restriction',
      contact({ people: [{ personId: dadId, names: ['Mark Jones'] }] }),
      [[noPhone.id, 'block']],
    ],
    [
      'the same person at a family visit is allowed: nothing is flagged',
      contact({ kind: 'visit', people: [{ personId: dadId, names: ['Mark Jones'] }] }),
      [],
    ],
    [
      'a name typed under "who else took part" is matched by alias',
      contact({ kind: 'visit', otherParticipants: 'Ms Green (teacher), Leroy Carter' }),
      [[noContact.id, 'block']],
    ],
    [
      'a supervised-only person with staff present is a condition to note (warn)',
      contact({ kind: 'visit', otherParticipants: 'Pat Reed' }),
      [[supervised.id, 'warn']],
    ],
    [
      'a restriction that had lapsed before the contact is not flagged',
      contact({ kind: 'visit', otherParticipants: 'Ann Bell' }),
      [],
    ],
    [
      'another young person’s restriction is not flagged',
      contact({ kind: 'visit', otherParticipants: 'Sam Hill' }),
      [],
    ],
    [
      'a contact before the restriction started is not flagged',
      contact({ contactDay: '2025-12-31', people: [{ personId: dadId, names: ['Mark Jones'] }] }),
      [],
    ],
  ] as const)('%s', (_policy, input, expected) => {
    expect(restrictedParticipants(input, register).map((item) => [item.restrictionId, item.verdict])).toEqual(
      expected,
    );
  });

  it('lists each restriction once even when named twice', () => {
    const result = restrictedParticipants(
      contact({ people: [{ personId: dadId, names: ['Mark Jones'] }], otherParticipants: 'Mark Jones' }),
      register,
    );
    expect(result).toHaveLength(1);
  });

  // Seed 004 §3 (adults adhere to restrictions) and DESIGN rule 6 (checked when a contact is
  // recorded): a form is due 48 hours after the contact, so it is often written after a review
  // has ended the restriction. The contact still took place while it applied.
  it.each([
    ['later that day', '2026-11-19T16:00:00.000Z', 'block'],
    ['the next morning, before the form was written', '2026-11-20T09:00:00.000Z', 'block'],
    ['before the contact began', '2026-11-19T13:59:00.000Z', undefined],
  ] as const)('a restriction ended %s is checked as it stood at the contact', (_when, endedAt, verdict) => {
    const ended = { ...noContact, endedAt, endedReason: 'Order discharged at review' };
    const result = restrictedParticipants(
      contact({
        kind: 'visit',
        contactStartedAt: '2026-11-19T14:00:00.000Z',
        otherParticipants: 'Lee Carter',
      }),
      [ended],
    );
    expect(result.map((item) => item.verdict)).toEqual(verdict === undefined ? [] : [verdict]);
  });

  it.each([
    ['Ms Green (teacher), Dan and Liz', ['Ms Green', 'Dan', 'Liz']],
    ['', []],
    ['Nan; Grandad\nAunt Jo & Uncle Ray', ['Nan', 'Grandad', 'Aunt Jo', 'Uncle Ray']],
  ] as const)('reads typed names from "%s"', (text, names) => {
    expect(typedNames(text)).toEqual(names);
  });

  it('lists each restriction that could not be trusted once, naming no one, for the manager to check', () => {
    const [first, second] = [crypto.randomUUID(), crypto.randomUUID()];
    const listed = uncheckedRestrictions([first, second, first]);
    expect(listed.map((item) => [item.restrictionId, item.verdict, item.personId])).toEqual([
      [first, 'unchecked', undefined],
      [second, 'unchecked', undefined],
    ]);
    expect(listed[0]?.summary).toContain('changed outside Family Links');
  });
});
