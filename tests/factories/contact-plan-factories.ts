import { contactArrangementSchema, type ContactArrangement } from '../../shared/schemas/contact-plans';

/** One arrangement of a contact plan: a weekly call with someone, from 1 September 2026, agreed by the social worker. */
export function buildContactArrangement(overrides: Partial<ContactArrangement> = {}): ContactArrangement {
  return contactArrangementSchema.parse({
    id: crypto.randomUUID(),
    youngPersonId: crypto.randomUUID(),
    personId: crypto.randomUUID(),
    kind: 'phone',
    frequency: 'weekly',
    where: '',
    supervision: 'unsupervised',
    supervisedBy: '',
    wording: '',
    startsOn: '2026-09-01',
    version: 1,
    firstRecordedAt: '2026-08-28T10:00:00.000Z',
    recordedAt: '2026-08-28T10:00:00.000Z',
    recordedById: crypto.randomUUID(),
    agreement: {
      agreedBy: 'socialWorker',
      agreedByName: 'Jo Price, Leeds social care',
      agreedOn: '2026-08-20',
    },
    ...overrides,
  });
}
