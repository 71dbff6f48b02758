import { describe, expect, it } from 'vitest';
import {
  contactModeForContactKind,
  contactModeForVisitKind,
  restrictionEffect,
  type ContactMode,
  type RestrictionEffect,
  type RestrictionKind,
} from '../../../../shared/rules/restriction-effects';
import { visitKinds } from '../../../../shared/schemas/visits';
import { contactKinds } from '../../../../shared/schemas/contact-forms';

const effectOf = (kind: RestrictionKind, contact: ContactMode, isSupervised = false) =>
  restrictionEffect(kind, undefined, { contact, isSupervised });

describe('what each restriction means for each kind of contact', () => {
  it.each<[RestrictionKind, ContactMode, boolean, RestrictionEffect['kind']]>([
    ['noContact', 'visit', false, 'block'],
    ['noContact', 'letter', false, 'block'],
    ['noContact', 'chanceEncounter', false, 'block'],
    ['supervisedOnly', 'visit', false, 'warn'],
    ['supervisedOnly', 'outing', true, 'warn'],
    ['supervisedOnly', 'letter', false, 'warn'],
    ['indirectOnly', 'visit', false, 'block'],
    ['indirectOnly', 'homeVisit', false, 'block'],
    ['indirectOnly', 'video', false, 'block'],
    ['indirectOnly', 'phone', false, 'allowed'],
    ['indirectOnly', 'letter', false, 'allowed'],
    ['indirectOnly', 'email', false, 'allowed'],
    ['noPhoneContact', 'phone', false, 'block'],
    ['noPhoneContact', 'video', false, 'block'],
    ['noPhoneContact', 'message', false, 'block'],
    ['noPhoneContact', 'visit', false, 'allowed'],
    ['noPhoneContact', 'letter', false, 'allowed'],
    ['noUnsupervisedOutings', 'outing', false, 'block'],
    ['noUnsupervisedOutings', 'outing', true, 'warn'],
    ['noUnsupervisedOutings', 'overnight', false, 'block'],
    ['noUnsupervisedOutings', 'visit', false, 'warn'],
    ['noUnsupervisedOutings', 'phone', false, 'allowed'],
    ['namedPlaceOnly', 'meeting', false, 'warn'],
    ['namedPlaceOnly', 'phone', false, 'allowed'],
    ['noOvernightStays', 'overnight', false, 'block'],
    ['noOvernightStays', 'outing', false, 'allowed'],
    ['notToCollect', 'collection', false, 'block'],
    ['notToCollect', 'visit', false, 'warn'],
    ['notToCollect', 'phone', false, 'allowed'],
    ['other', 'letter', false, 'warn'],
  ])('%s and a %s (supervised: %s): %s', (kind, contact, isSupervised, expected) => {
    expect(effectOf(kind, contact, isSupervised).kind).toBe(expected);
  });

  it.each<[ContactMode, boolean, boolean]>([
    ['visit', false, true],
    ['visit', true, false],
    ['phone', false, true],
    ['letter', false, false],
  ])(
    'supervised only, for a %s (supervisor named: %s), asks for a supervisor: %s',
    (contact, isSupervised, expected) => {
      const effect = effectOf('supervisedOnly', contact, isSupervised);
      expect(effect.kind === 'warn' && effect.needsSupervisor).toBe(expected);
    },
  );

  it('tells the door not to admit, and anywhere else not to go ahead', () => {
    expect(effectOf('noContact', 'visit')).toMatchObject({
      instruction: 'Do not admit. Speak to the duty manager.',
    });
    expect(effectOf('noContact', 'phone')).toMatchObject({
      instruction: 'Do not go ahead with this contact. Speak to the duty manager.',
    });
  });

  it('gives the conditions as written for “other”, and the place to check for a named place', () => {
    expect(
      restrictionEffect('other', 'Only after school hours', { contact: 'visit', isSupervised: false }),
    ).toMatchObject({ condition: 'A condition applies. Only after school hours.' });
    expect(
      restrictionEffect('namedPlaceOnly', 'Contact centre, Leeds', {
        contact: 'meeting',
        isSupervised: false,
        place: 'the home',
      }),
    ).toMatchObject({
      condition: 'Contact at the named place only. Contact centre, Leeds.',
      instruction: 'Check that the home is the named place. Speak to the duty manager if it is not.',
    });
  });
});

describe('the kind of contact, from what was booked or recorded', () => {
  it.each([...visitKinds])('knows a booked %s', (kind) => {
    expect(typeof contactModeForVisitKind(kind)).toBe('string');
  });

  it.each([...contactKinds])('knows a recorded %s', (kind) => {
    expect(typeof contactModeForContactKind(kind)).toBe('string');
  });

  it.each([
    ['familyVisit', 'visit'],
    ['contactCentre', 'meeting'],
    ['phoneCall', 'phone'],
    ['videoCall', 'video'],
  ] as const)('treats a booked %s as a %s', (kind, mode) => {
    expect(contactModeForVisitKind(kind)).toBe(mode);
  });
});
