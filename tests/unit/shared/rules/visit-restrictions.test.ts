import { describe, expect, it } from 'vitest';
import {
  bookingRestrictionIssues,
  type BookingRestrictionInput,
} from '../../../../shared/rules/visit-restrictions';
import type { VisitKind } from '../../../../shared/schemas/visits';
import { buildRestriction } from '../../../factories';
import type { Restriction } from '../../../../shared/schemas/registers';

const amy = crypto.randomUUID();
const dad = { personId: crypto.randomUUID(), displayName: 'Dean Hughes', names: ['Dean Hughes'] };
const nan = { personId: crypto.randomUUID(), displayName: 'Rita Hughes', names: ['Rita Hughes'] };

const restrictionOf = (kind: Restriction['kind'], overrides: Partial<Restriction> = {}) =>
  buildRestriction({
    youngPersonId: amy,
    personId: dad.personId,
    name: 'Dean Hughes',
    aliases: [],
    kind,
    conditions: '',
    effectiveFrom: '2026-01-01',
    ...overrides,
  });

const input = (overrides: Partial<BookingRestrictionInput> = {}): BookingRestrictionInput => ({
  kind: 'familyVisit',
  youngPersonIds: [amy],
  people: [dad, nan],
  isSupervised: false,
  dates: ['2026-03-07'],
  youngPersonName: () => 'AB',
  ...overrides,
});

describe('booking against the restriction register', () => {
  it.each<[Restriction['kind'], VisitKind, boolean, string[]]>([
    // A barred person cannot be booked, whatever the kind of contact.
    ['noContact', 'familyVisit', false, ['barred:block']],
    ['noContact', 'phoneCall', false, ['barred:block']],
    ['noContact', 'familyVisit', true, ['barred:block']],
    // Supervised only needs a named supervisor; once named it stays as a warning.
    ['supervisedOnly', 'familyVisit', false, ['needsSupervisor:block']],
    ['supervisedOnly', 'outing', false, ['needsSupervisor:block']],
    ['supervisedOnly', 'phoneCall', false, ['needsSupervisor:block']],
    ['supervisedOnly', 'familyVisit', true, ['condition:warn']],
    // Indirect only: letters and calls only.
    ['indirectOnly', 'familyVisit', false, ['indirectOnly:block']],
    ['indirectOnly', 'homeVisit', false, ['indirectOnly:block']],
    ['indirectOnly', 'videoCall', false, ['indirectOnly:block']],
    ['indirectOnly', 'phoneCall', false, []],
    // Others as the effects table says.
    ['noPhoneContact', 'phoneCall', false, ['blocked:block']],
    ['noPhoneContact', 'familyVisit', false, []],
    ['noUnsupervisedOutings', 'outing', false, ['blocked:block']],
    ['noUnsupervisedOutings', 'outing', true, ['condition:warn']],
  ])('a %s restriction on a %s (supervised: %s) gives %j', (kind, visitKind, isSupervised, expected) => {
    const issues = bookingRestrictionIssues(input({ kind: visitKind, isSupervised }), [restrictionOf(kind)]);
    expect(issues.map((issue) => `${issue.kind}:${issue.severity}`)).toEqual(expected);
    expect(issues.every((issue) => issue.personId === dad.personId)).toBe(true);
  });

  it('only restrictions for the young people on the visit count', () => {
    expect(
      bookingRestrictionIssues(input(), [restrictionOf('noContact', { youngPersonId: crypto.randomUUID() })]),
    ).toEqual([]);
  });

  it('a restriction starting later stops only the visits from its first day, and is reported once', () => {
    const issues = bookingRestrictionIssues(input({ dates: ['2026-03-07', '2026-03-14', '2026-03-21'] }), [
      restrictionOf('noContact', { effectiveFrom: '2026-03-10' }),
    ]);
    expect(issues.map((issue) => issue.date)).toEqual(['2026-03-14']);
  });

  it('an ended restriction no longer applies', () => {
    expect(
      bookingRestrictionIssues(input(), [
        restrictionOf('noContact', { endedAt: '2026-02-01T10:00:00.000Z', endedReason: 'Order discharged' }),
      ]),
    ).toEqual([]);
  });

  it('says what is wrong and how to fix it, without the authority behind it', () => {
    const [barred] = bookingRestrictionIssues(input(), [
      restrictionOf('noContact', { authorityReference: 'LS26C01234' }),
    ]);
    expect(barred?.message).toBe(
      'Dean Hughes must not have any contact with AB. Remove Dean Hughes from this booking. Speak to the duty manager if you think this is wrong.',
    );
    const [supervised] = bookingRestrictionIssues(input(), [restrictionOf('supervisedOnly')]);
    expect(supervised?.message).toBe(
      'Dean Hughes may see AB only with a named member of staff supervising. Choose a supervising member of staff.',
    );
    const [indirect] = bookingRestrictionIssues(input(), [restrictionOf('indirectOnly')]);
    expect(indirect?.message).toBe(
      'Dean Hughes may have indirect contact only with AB: letters and phone calls. Book a phone call instead, or remove Dean Hughes from this booking.',
    );
    expect([barred, supervised, indirect].some((issue) => issue?.message.includes('LS26C01234'))).toBe(false);
  });

  it('a restriction recorded by name only still stops the person booked under that name', () => {
    const issues = bookingRestrictionIssues(input(), [restrictionOf('noContact', { personId: undefined })]);
    expect(issues.map((issue) => issue.kind)).toEqual(['barred']);
  });
});
