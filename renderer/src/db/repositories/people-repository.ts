import { personSchema, relationshipSchema, type Person, type Relationship } from '@shared/schemas/people';
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

export type PersonWithRelationships = {
  readonly person: Person;
  readonly relationships: readonly Relationship[];
};

/**
 * Family and significant others, and how each relates to each young person. One person can
 * relate to several young people: siblings placed apart share their family.
 */
export function peopleRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const people = sealedStore(db.people, personCodec);
  const relationships = sealedStore(db.relationships, relationshipCodec);
  const relationshipRows = plainStore(db.relationships);
  const records = recordWriter(db, clock);
  return {
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
      input: { person: unknown; relationships: readonly unknown[] },
      id?: string,
    ): Promise<Result<PersonWithRelationships, 'forbidden' | 'invalid' | 'not-found'>> {
      if (!can(session.roles, 'people:manage'))
        return fail(
          'forbidden',
          'Only a Personal Tutor, Case Co-ordinator or the manager can change family details.',
        );
      const personId = id ?? crypto.randomUUID();
      const person = personSchema.safeParse({ ...(input.person as object), id: personId });
      if (!person.success)
        return fail('invalid', 'Some details need correcting.', fieldMessages(person.error));
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
            detail: `${links.length} relationship(s)`,
          },
        ],
        // Relationships are replaced as a set: the form edits them together.
        writes: [
          people.put(person.data),
          relationshipRows.deleteWhere('personId', personId),
          relationships.putAll(links),
        ],
      });
      return ok({ person: person.data, relationships: links });
    },
  };
}
export type PeopleRepository = ReturnType<typeof peopleRepository>;
