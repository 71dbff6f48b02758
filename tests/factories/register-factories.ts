import type { Room, Visit } from '@shared/schemas/visits';
import type { ContactForm, ContactFormEntryInput } from '@shared/schemas/contact-forms';
import type { Restriction, RestrictionChangeForm, VisitorEntry } from '@shared/schemas/registers';
import type { CheckableRestriction } from '@shared/rules/restriction-check';
import { contactFormDeadline } from '../../shared/rules/contact-form-deadline';
import type { CaseFilePlace } from '@shared/ipc/channels/documents';

/**
 * Builders for the registers. Each fills every field its schema defaults, so a built record is
 * already in the form the schema returns (`schema.parse(record)` equals `record`), and tests can
 * compare what they wrote with what they read back.
 */

/** A restriction as the door check reads it: Amy ("young-person-amy") may have no contact with John Smith, from 2026. */
export function buildCheckableRestriction(
  overrides: Partial<CheckableRestriction> = {},
): CheckableRestriction {
  return {
    id: crypto.randomUUID(),
    youngPersonId: 'young-person-amy',
    personId: undefined,
    name: 'John Smith',
    aliases: [],
    kind: 'noContact',
    conditions: '',
    effectiveFrom: '2026-01-01',
    effectiveTo: undefined,
    endedAt: undefined,
    ...overrides,
  };
}

/** A supervised-only restriction on a named person, recorded and approved, in force from 2026. */
export function buildRestriction(overrides: Partial<Restriction> = {}): Restriction {
  return {
    id: crypto.randomUUID(),
    youngPersonId: crypto.randomUUID(),
    name: 'Dean Hughes',
    aliases: ['Deano'],
    description: 'Tall, short dark hair, often wears a grey tracksuit.',
    kind: 'supervisedOnly',
    conditions: 'Contact in the family room only, with a member of staff present throughout.',
    authority: 'courtOrder',
    authorityReference: 'LS26C01234',
    effectiveFrom: '2026-01-12',
    reviewOn: '2026-07-12',
    recordedById: crypto.randomUUID(),
    approvedById: crypto.randomUUID(),
    endedReason: '',
    ...overrides,
  };
}

/** A change to a restriction's terms, as the manager sends it: a court order's supervised contact from 10 December. */
export function buildRestrictionChange(
  overrides: Partial<RestrictionChangeForm> = {},
): RestrictionChangeForm {
  return {
    kind: 'supervisedOnly',
    conditions: 'In the family room, with two staff.',
    authority: 'courtOrder',
    authorityReference: 'LS26C01234/V1',
    effectiveFrom: '2026-12-10',
    reviewOn: '2027-06-01',
    ...overrides,
  };
}

/** What the manager enters to record a court order's no-contact restriction on John Smith (not yet stored). */
export function buildCourtOrderEntry(overrides: Partial<Restriction> = {}) {
  return {
    youngPersonId: crypto.randomUUID(),
    name: 'John Smith',
    aliases: ['Jack Smith'],
    description: 'Tall, grey beard',
    kind: 'noContact',
    conditions: '',
    authority: 'courtOrder',
    authorityReference: 'ZW24C00123',
    effectiveFrom: '2026-01-01',
    reviewOn: '2026-12-01',
    ...overrides,
  } satisfies Partial<Restriction>;
}

/** Where a filed contact form's copy goes in the case-file folder: CN1's form CF-1, filed on 20 November 2026. */
export function buildCaseFilePlace(overrides: Partial<CaseFilePlace> = {}): CaseFilePlace {
  return {
    caseNumber: 'CN1',
    academicYear: '2026/27',
    date: '2026-11-20',
    kind: 'contact-form',
    reference: 'CF-1',
    ...overrides,
  };
}

/**
 * What a register line holds when the door check matched no restriction: nothing matched, nobody
 * let in under a restriction's terms, no override and no amendment. Fresh lists on each call, so
 * no two entries share one.
 */
export function clearDoorCheck(): Pick<
  VisitorEntry,
  | 'restrictionCheck'
  | 'matchedRestrictionIds'
  | 'idCheckedNotRestrictionIds'
  | 'admittedUnder'
  | 'turnedAwayNote'
  | 'overrideReason'
  | 'amendmentReason'
> {
  return {
    restrictionCheck: 'clear',
    matchedRestrictionIds: [],
    idCheckedNotRestrictionIds: [],
    admittedUnder: [],
    turnedAwayNote: '',
    overrideReason: '',
    amendmentReason: '',
  };
}

/** A parent who came in the afternoon, was checked against the register (clear) and signed out. */
export function buildVisitorEntry(overrides: Partial<VisitorEntry> = {}): VisitorEntry {
  return {
    id: crypto.randomUUID(),
    kind: 'visit',
    visitorName: 'Karen Hughes',
    organisationOrRelationship: 'Mum',
    visitingYoungPersonIds: [crypto.randomUUID()],
    reason: 'Family visit',
    arrivedAt: '2026-10-14T14:05:00.000Z',
    departedAt: '2026-10-14T15:40:00.000Z',
    isIdChecked: true,
    vehicle: '',
    badgeNumber: 'V12',
    admittedById: crypto.randomUUID(),
    ...clearDoorCheck(),
    recordedAt: '2026-10-14T14:05:00.000Z',
    ...overrides,
  };
}

export function buildRoom(overrides: Partial<Room> = {}): Room {
  return { id: crypto.randomUUID(), name: 'Family room', isActive: true, ...overrides };
}

/** A family visit at the home, completed, in the family room. */
export function buildVisit(overrides: Partial<Visit> = {}): Visit {
  return {
    id: crypto.randomUUID(),
    youngPersonIds: [crypto.randomUUID()],
    kind: 'familyVisit',
    personIds: [crypto.randomUUID()],
    staffIds: [crypto.randomUUID()],
    startsAt: '2026-10-14T14:00:00.000Z',
    endsAt: '2026-10-14T15:30:00.000Z',
    transport: '',
    notes: '',
    status: 'completed',
    cancelledReason: '',
    ...overrides,
  };
}

/**
 * A phone call with mum, filed the next morning (well inside the 48 hours). Unless given, `dueAt`
 * is 48 hours after the contact's end, whatever end is given, as a form started then would store.
 */
export function buildContactForm(overrides: Partial<ContactForm> = {}): ContactForm {
  const contactEndedAt = overrides.contactEndedAt ?? '2026-10-14T18:20:00.000Z';
  return {
    id: crypto.randomUUID(),
    reference: `CF-${crypto.randomUUID().slice(0, 8).toUpperCase()}`,
    youngPersonId: crypto.randomUUID(),
    kind: 'phoneCall',
    contactStartedAt: '2026-10-14T18:00:00.000Z',
    contactEndedAt,
    dueAt: contactFormDeadline(contactEndedAt),
    authorId: crypto.randomUUID(),
    personIds: [crypto.randomUUID()],
    staffIds: [],
    whatHappened: 'Millie phoned her mum after tea and told her about her week at school.',
    youngPersonViews: 'Millie said she enjoyed the call.',
    familyViews: 'Mum was pleased to hear from her.',
    concerns: '',
    isSafeguardingConcern: false,
    otherParticipants: '',
    actions: [],
    nextContactPlanned: '',
    restrictedParticipants: [],
    amendmentReason: '',
    status: 'filed',
    filedAt: '2026-10-15T09:10:00.000Z',
    ...overrides,
  };
}

/** What the contact form sends for a new form: a 20-minute phone call the evening before 20 November 2026. */
export function buildContactFormEntry(overrides: Partial<ContactFormEntryInput> = {}): ContactFormEntryInput {
  return {
    kind: 'phoneCall',
    contactStartedAt: '2026-11-19T18:00:00.000Z',
    durationMinutes: 20,
    personIds: [],
    staffIds: [],
    otherParticipants: '',
    whatHappened: 'Talked about the weekend.',
    youngPersonViews: 'I liked it.',
    familyViews: '',
    concerns: '',
    isSafeguardingConcern: false,
    actions: [],
    nextContactPlanned: '',
    ...overrides,
  };
}
