import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { academicYearSchema } from '@shared/schemas/academic-year';
import { personSchema, relationshipSchema, youngPersonSchema } from '@shared/schemas/people';
import { roomSchema, visitSchema } from '@shared/schemas/visits';
import { contactFormSchema } from '@shared/schemas/contact-forms';
import { restrictionSchema, visitorEntrySchema } from '@shared/schemas/registers';
import { staffMemberSchema } from '@shared/schemas/staff';
import {
  buildAcademicYear,
  buildContactForm,
  buildPerson,
  buildRelationship,
  buildRestriction,
  buildRoom,
  buildStaffMember,
  buildVisit,
  buildVisitorEntry,
  buildYoungPerson,
} from '../../../factories';

const builders: readonly { name: string; build: () => { id: string }; schema: z.ZodType }[] = [
  { name: 'buildAcademicYear', build: () => buildAcademicYear(), schema: academicYearSchema },
  { name: 'buildYoungPerson', build: () => buildYoungPerson(), schema: youngPersonSchema },
  { name: 'buildPerson', build: () => buildPerson(), schema: personSchema },
  { name: 'buildRelationship', build: () => buildRelationship(), schema: relationshipSchema },
  { name: 'buildRestriction', build: () => buildRestriction(), schema: restrictionSchema },
  { name: 'buildVisitorEntry', build: () => buildVisitorEntry(), schema: visitorEntrySchema },
  { name: 'buildVisit', build: () => buildVisit(), schema: visitSchema },
  { name: 'buildContactForm', build: () => buildContactForm(), schema: contactFormSchema },
  { name: 'buildStaffMember', build: () => buildStaffMember(), schema: staffMemberSchema },
  { name: 'buildRoom', build: () => buildRoom(), schema: roomSchema },
];

describe('record builders', () => {
  it.each(builders)('$name builds a record its schema accepts unchanged', ({ build, schema }) => {
    const record = build();
    // Equal after parsing: every defaulted field is already filled in, nothing is trimmed away.
    expect(schema.parse(record)).toEqual(record);
  });

  it.each(builders)('$name gives each record a fresh id', ({ build }) => {
    expect(build().id).not.toBe(build().id);
  });

  it('applies overrides over the defaults', () => {
    const entry = buildVisitorEntry({ visitorName: 'Dean Hughes', restrictionCheck: 'warn' });
    expect(entry.visitorName).toBe('Dean Hughes');
    expect(entry.restrictionCheck).toBe('warn');
    expect(buildVisit({ id: '7f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f' }).id).toBe(
      '7f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
    );
  });

  it('gives a contact form the 48 hours from the end it is given, unless a due moment is given too', () => {
    expect(buildContactForm({ contactEndedAt: '2027-01-11T18:20:00.000Z' }).dueAt).toBe(
      '2027-01-13T18:20:00.000Z',
    );
    expect(
      buildContactForm({ contactEndedAt: '2027-01-11T18:20:00.000Z', dueAt: '2027-01-12T18:20:00.000Z' })
        .dueAt,
    ).toBe('2027-01-12T18:20:00.000Z');
  });

  it('builds another academic year with the same shape from its start year', () => {
    const year = buildAcademicYear({ startYear: 2030 });
    expect(year.label).toBe('2030/31');
    expect(year.terms[0].startsOn).toBe('2030-09-03');
    expect(academicYearSchema.safeParse(year).success).toBe(true);
  });

  it('keeps usernames unique between staff built in one test', () => {
    expect(buildStaffMember().username).not.toBe(buildStaffMember().username);
  });

  it('builds a restriction the schema rejects when an override breaks it', () => {
    // The builders do not hide invalid overrides: a test can build a broken record on purpose.
    expect(restrictionSchema.safeParse(buildRestriction({ effectiveFrom: '2026-02-30' })).success).toBe(
      false,
    );
  });
});
