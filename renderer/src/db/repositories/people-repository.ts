import { personSchema, relationshipSchema, type Person, type Relationship } from '@shared/schemas/people';
import { validForm } from './permitted-form';
import { personSpecialDatesSchema, type SpecialDate } from '@shared/schemas/communication';
import { can } from '@shared/rules/access';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb, PersonPlainKey, RelationshipPlainKey } from '../database';
import { recordWriter } from '../record-writer';
import { createSealedCodec } from '../sealed-codec';
import { plainStore, sealedStore } from '../sealed-store';
import type { Session } from '../session';

export const personCodec = createSealedCodec('people', personSchema, ['id'] satisfies PersonPlainKey[]);
/** A relationship's two ids are plain (to find a young person's family by index); what it is, is sealed. */
export const relationshipCodec = createSealedCodec('relationships', relationshipSchema, [
  'id',
  'youngPersonId',
  'personId',
] satisfies RelationshipPlainKey[]);

/**
 * A person's special dates (birthdays, other occasions) are casework, not door, records: they
 * are there for the Personal Tutor to support a card or call (seed 004 §4), nobody at the door
 * needs them, and a family member's date of birth beside their name identifies them. So they are
 * sealed apart from the person, in the casework compartment care staff never hold.
 */
export const personSpecialDatesCodec = createSealedCodec(
  'personSpecialDates',
  personSpecialDatesSchema,
  ['id'] satisfies 'id'[],
  { compartment: 'casework' },
);

export type PersonWithRelationships = {
  readonly person: Person;
  readonly relationships: readonly Relationship[];
  /** Their special dates; undefined for a session that does not hold the casework key. */
  readonly specialDates?: readonly SpecialDate[] | undefined;
};

/**
 * Family and significant others, and how each relates to each young person. One person can
 * relate to several young people: siblings placed apart share their family.
 */
export function peopleRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const people = sealedStore(db.people, personCodec);
  const relationships = sealedStore(db.relationships, relationshipCodec);
  const relationshipRows = plainStore(db.relationships);
  const specialDates = sealedStore(db.personSpecialDates, personSpecialDatesCodec);
  const records = recordWriter(db, clock);
  return {
    /** A person's special dates, or undefined when this session may not read them (no casework key). */
    async specialDatesOf(session: Session, personId: string): Promise<SpecialDate[] | undefined> {
      if (!session.cipher.holds('casework')) return undefined;
      return (await specialDates.get(personId, session.cipher))?.dates ?? [];
    },

    listPeople: (session: Session) => people.all(session.cipher),
    getPerson: (session: Session, id: string) => people.get(id, session.cipher),

    /** A young person's family, each with how they relate to this young person. */
    async familyOf(
      session: Session,
      youngPersonId: string,
    ): Promise<{ person: Person; relationship: Relationship }[]> {
      const rows = await db.relationships.where('youngPersonId').equals(youngPersonId).toArray();
      const links = await relationships.open(rows, session.cipher);
      const found = await Promise.all(
        links.map(async (relationship) => ({
          relationship,
          person: await people.get(relationship.personId, session.cipher),
        })),
      );
      return found.flatMap((entry) =>
        entry.person ? [{ person: entry.person, relationship: entry.relationship }] : [],
      );
    },

    /** Every relationship of one person (to all the young people they are family to). */
    async relationshipsOf(session: Session, personId: string): Promise<Relationship[]> {
      return relationships.open(
        await db.relationships.where('personId').equals(personId).toArray(),
        session.cipher,
      );
    },

    /**
     * Saves a person and, in the same transaction, their relationships (replacing the set given
     * for this person). PT, CC or manager.
     */
    async savePerson(
      session: Session,
      input: { person: unknown; relationships: readonly unknown[]; specialDates?: readonly unknown[] },
      id?: string,
    ): Promise<Result<PersonWithRelationships, 'forbidden' | 'invalid' | 'not-found'>> {
      if (!can(session.roles, 'people:manage'))
        return fail(
          'forbidden',
          'Only a Personal Tutor, Case Co-ordinator or the manager can change family details.',
        );
      const personId = id ?? crypto.randomUUID();
      const person = validForm(personSchema, { ...(input.person as object), id: personId });
      if (!person.ok) return person;
      const links: Relationship[] = [];
      for (const [index, link] of input.relationships.entries()) {
        const parsed = relationshipSchema.safeParse({
          id: crypto.randomUUID(),
          ...(link as object),
          personId,
        });
        if (!parsed.success) {
          const fields = Object.fromEntries(
            Object.entries(fieldMessages(parsed.error)).map(([key, message]) => [
              `relationships.${index}.${key}`,
              message,
            ]),
          );
          return fail('invalid', 'Check how this person is related to each young person.', fields);
        }
        if (links.some((link) => link.youngPersonId === parsed.data.youngPersonId)) {
          return fail('invalid', 'Each young person can be listed once for this person.', {
            [`relationships.${index}.youngPersonId`]: 'This young person is already listed above.',
          });
        }
        links.push(parsed.data);
      }
      const dates =
        input.specialDates === undefined
          ? undefined
          : personSpecialDatesSchema.safeParse({
              id: personId,
              dates: input.specialDates.map((date) => ({ id: crypto.randomUUID(), ...(date as object) })),
            });
      if (dates && !dates.success) {
        const fields = Object.fromEntries(
          Object.entries(fieldMessages(dates.error)).map(([key, message]) => [
            key.replace(/^dates\./, 'specialDates.'),
            message,
          ]),
        );
        return fail('invalid', 'Check the special dates.', fields);
      }
      if (dates && !session.cipher.holds('casework'))
        return fail('forbidden', 'Only those who arrange contact can record special dates.');
      if (id !== undefined && !(await db.people.get(id)))
        return fail('not-found', 'That person’s record is no longer here. Reload and try again.');
      const missing = await Promise.all(
        links.map(async (link) =>
          (await db.youngPeople.get(link.youngPersonId)) ? undefined : link.youngPersonId,
        ),
      );
      if (missing.some((youngPersonId) => youngPersonId !== undefined))
        return fail(
          'invalid',
          'One of the young people chosen is no longer in the records. Reload and try again.',
        );
      await records.write(session, {
        events: [
          {
            action: id ? 'person.updated' : 'person.created',
            recordType: 'person',
            recordId: personId,
            detail: `${links.length} relationship(s)${dates ? `, ${dates.data.dates.length} special date(s)` : ''}`,
          },
        ],
        // Relationships are replaced as a set: the form edits them together; so are special dates.
        writes: [
          people.put(person.value),
          relationshipRows.deleteWhere('personId', personId),
          relationships.putAll(links),
          ...(dates ? [specialDates.put(dates.data)] : []),
        ],
      });
      return ok({ person: person.value, relationships: links, specialDates: dates?.data.dates });
    },
  };
}
export type PeopleRepository = ReturnType<typeof peopleRepository>;
