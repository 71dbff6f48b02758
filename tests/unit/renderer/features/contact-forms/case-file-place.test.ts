import { describe, expect, it } from 'vitest';
import { caseFilePlaceOf } from '../../../../../renderer/src/features/contact-forms/case-file-place';

const form = {
  reference: 'CF-2026-ABC123',
  amendsFormId: undefined,
  contactStartedAt: '2026-10-14T14:00:00.000Z',
};

describe('where a signed copy goes in the case file', () => {
  it('is the case number, the contact’s academic year and the filing day, with the kind and reference', () => {
    expect(caseFilePlaceOf(form, 'OAK-0042', '2026-10-15T09:30:00.000Z', 'Europe/London')).toEqual({
      caseNumber: 'OAK-0042',
      academicYear: '2026/27',
      date: '2026-10-15',
      kind: 'contact-form',
      reference: 'CF-2026-ABC123',
    });
  });

  it('reads the year and the day on the home’s clock, not UTC’s', () => {
    // 00:30 on 1 September in summer time is 23:30 on 31 August in UTC: the new year's folder.
    const place = caseFilePlaceOf(
      { ...form, contactStartedAt: '2026-08-31T23:30:00.000Z' },
      'OAK-0042',
      '2026-09-01T23:10:00.000Z',
      'Europe/London',
    );
    expect(place.academicYear).toBe('2026/27');
    expect(place.date).toBe('2026-09-02');
  });

  it('files an addendum as one', () => {
    const place = caseFilePlaceOf(
      { ...form, amendsFormId: 'f1' },
      'OAK-0042',
      form.contactStartedAt,
      'Europe/London',
    );
    expect(place.kind).toBe('addendum');
  });
});
