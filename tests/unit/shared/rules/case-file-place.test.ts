import { describe, expect, it } from 'vitest';
import { placeContradictsForm, placeDifference } from '../../../../shared/rules/case-file-place';

const place = {
  caseNumber: 'CN-0042',
  academicYear: '2026/27',
  date: '2026-11-23',
  kind: 'contact-form',
  reference: 'CF-2026-ABC234',
};

describe('placeDifference', () => {
  it('finds no difference between a place and itself', () => {
    expect(placeDifference(place, { ...place })).toBeUndefined();
  });

  it('names the part that differs, however small the change', () => {
    expect(placeDifference(place, { ...place, caseNumber: 'cn-0042' })).toBe('case number');
    expect(placeDifference(place, { ...place, caseNumber: 'CN-0042 ' })).toBe('case number');
    expect(placeDifference(place, { ...place, academicYear: '2025/26' })).toBe('academic year');
    expect(placeDifference(place, { ...place, date: '2026-11-24' })).toBe('filing date');
    expect(placeDifference(place, { ...place, kind: 'addendum' })).toBe('kind of form');
    expect(placeDifference(place, { ...place, reference: 'CF-2026-ABC235' })).toBe('reference');
  });

  it('tells apart names that only look alike (a full-width digit, a decomposed accent)', () => {
    expect(placeDifference(place, { ...place, caseNumber: 'CN-004２' })).toBe('case number');
    const composed = { ...place, caseNumber: 'CN-É42' };
    expect(placeDifference(composed, { ...place, caseNumber: 'CN-E\u030142' })).toBe('case number');
  });
});

describe('placeContradictsForm', () => {
  const form = { reference: place.reference, youngPerson: { initials: 'JS', caseNumber: 'CN-0042' } };

  it('accepts the place the form names', () => {
    expect(placeContradictsForm(form, place)).toBeUndefined();
  });

  it('refuses another young person’s case number or another form’s reference', () => {
    expect(placeContradictsForm(form, { ...place, caseNumber: 'CN-0099' })).toBe('case number');
    expect(placeContradictsForm(form, { ...place, reference: 'CF-2026-ZZZ999' })).toBe('reference');
  });

  it('files a form that prints what it corrects only as an addendum, and nothing as another kind', () => {
    const addendum = {
      ...form,
      addendumTo: { reference: 'CF-2026-AAA222', sha256: 'a'.repeat(64), reason: 'x' },
    };
    expect(placeContradictsForm(addendum, place)).toBe('kind of form');
    expect(placeContradictsForm(addendum, { ...place, kind: 'addendum' })).toBeUndefined();
    expect(placeContradictsForm(form, { ...place, kind: 'addendum' })).toBeUndefined();
    expect(placeContradictsForm(form, { ...place, kind: 'report' })).toBe('kind of form');
  });
});
