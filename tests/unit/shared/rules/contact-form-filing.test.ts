import { describe, expect, it } from 'vitest';
import {
  academicYearOf,
  contactFormCopy,
  hoursLateAt,
  initialsOf,
  type FilingNames,
} from '../../../../shared/rules/contact-form-filing';
import { contactFormSchema } from '../../../../shared/schemas/contact-forms';
import { buildContactForm } from '../../../factories';

const mumId = crypto.randomUUID();
const dadId = crypto.randomUUID();
const staffId = crypto.randomUUID();
const names: FilingNames = {
  homeName: 'Oakfield House',
  youngPerson: { firstName: 'Harry', lastName: 'Turner-Price', caseNumber: 'CN-0042' },
  people: { [mumId]: 'Sarah Turner (Mum)', [dadId]: 'Mark Turner (Dad)' },
  staff: { [staffId]: 'Alex Patel' },
  author: { name: 'Alex Patel', role: 'Care staff' },
  timeZone: 'Europe/London',
};
const form = contactFormSchema.parse(
  buildContactForm({
    contactStartedAt: '2026-11-19T18:00:00.000Z',
    contactEndedAt: '2026-11-19T18:20:00.000Z',
    dueAt: '2026-11-21T18:20:00.000Z',
    personIds: [mumId, dadId],
    staffIds: [staffId],
    status: 'draft',
    restrictedParticipants: [
      {
        restrictionId: crypto.randomUUID(),
        personId: dadId,
        name: 'Mark Turner',
        verdict: 'block',
        summary: 'No phone contact: no calls, video calls or messages.',
      },
    ],
    concerns: 'Harry was upset afterwards.',
  }),
);

describe('the signed copy of a contact form', () => {
  it('names the young person by initials and case number only (need to know)', () => {
    const copy = contactFormCopy(form, names, '2026-11-20T09:00:00.000Z');
    expect(copy.youngPerson).toEqual({ initials: 'H.T.P.', caseNumber: 'CN-0042' });
    expect(JSON.stringify(copy)).not.toContain('Harry Turner');
  });

  it('marks a restricted participant beside their name and at the head of the concerns', () => {
    const copy = contactFormCopy(form, names, '2026-11-20T09:00:00.000Z');
    expect(copy.participants).toEqual([
      'Sarah Turner (Mum)',
      'Mark Turner (Dad) [RESTRICTED: No phone contact: no calls, video calls or messages.]',
      'Alex Patel (staff)',
    ]);
    expect(copy.concerns.startsWith('Contact with a restricted person: Mark Turner')).toBe(true);
    expect(copy.concerns).toContain('Harry was upset afterwards.');
  });

  it('says a restriction could not be checked apart from the people, naming nobody by it', () => {
    const unchecked = {
      restrictionId: crypto.randomUUID(),
      name: 'A restriction on the register',
      verdict: 'unchecked',
      summary: 'It was changed outside Family Links, so this contact could not be checked against it.',
    } as const;
    const both = contactFormCopy(
      { ...form, restrictedParticipants: [...form.restrictedParticipants, unchecked] },
      names,
      '2026-11-20T09:00:00.000Z',
    );
    expect(both.participants).toHaveLength(3);
    expect(both.participants.join(' ')).not.toContain('A restriction on the register');
    expect(both.concerns.split('\n\n')[0]).toBe(
      'Contact with a restricted person: Mark Turner (No phone contact: no calls, video calls or messages.). ' +
        'This contact could not be checked against a restriction on the register, changed outside Family Links. ' +
        'The manager was alerted.',
    );
    const alone = contactFormCopy(
      { ...form, restrictedParticipants: [unchecked, { ...unchecked, restrictionId: crypto.randomUUID() }] },
      names,
      '2026-11-20T09:00:00.000Z',
    );
    expect(alone.participants).toEqual(['Sarah Turner (Mum)', 'Mark Turner (Dad)', 'Alex Patel (staff)']);
    expect(alone.concerns.split('\n\n')[0]).toBe(
      'This contact could not be checked against 2 restrictions on the register, changed outside Family Links. ' +
        'The manager was alerted.',
    );
  });

  it.each([
    ['filed before the deadline: no lateness printed', '2026-11-21T18:20:00.000Z', undefined],
    ['filed 90 minutes after the deadline: 1.5 hours late', '2026-11-21T19:50:00.000Z', 1.5],
  ] as const)('%s', (_policy, filedAt, hoursLate) => {
    expect(contactFormCopy(form, names, filedAt).hoursLate).toBe(hoursLate);
  });

  it('an addendum names the original reference and its file’s SHA-256', () => {
    const addendum = contactFormSchema.parse({
      ...form,
      amendsFormId: crypto.randomUUID(),
      amendsSha256: 'b'.repeat(64),
      amendmentReason: 'It was Mum, not Dad.',
    });
    const copy = contactFormCopy(addendum, names, '2026-11-22T09:00:00.000Z', {
      reference: 'CF-2026-ABCDEF',
      sha256: 'b'.repeat(64),
    });
    expect(copy.addendumTo).toEqual({
      reference: 'CF-2026-ABCDEF',
      sha256: 'b'.repeat(64),
      reason: 'It was Mum, not Dad.',
    });
  });

  it.each([
    ['2026-09-01', '2026/27'],
    ['2026-08-31', '2025/26'],
    ['2027-01-15', '2026/27'],
    ['2099-12-31', '2099/00'],
  ] as const)('a contact on %s is in academic year %s', (day, year) => {
    expect(academicYearOf(day)).toBe(year);
  });

  it('counts lateness from the stored due moment, never negative', () => {
    expect(hoursLateAt(form, '2026-11-20T00:00:00.000Z')).toBe(0);
    expect(hoursLateAt(form, '2026-11-22T18:20:00.000Z')).toBe(24);
    expect(initialsOf('mary-jane', 'o’neil')).toBe('M.J.O.');
  });
});
