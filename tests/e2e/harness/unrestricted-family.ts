import type { generateHome } from '../../fixtures/generate-home';

type Home = ReturnType<typeof generateHome>;

/**
 * In a generated home: the first young person still placed on `placedAfter` (and, if asked, with a
 * PT) who has a family member with no restriction at all, by id or by either name. Their names as
 * the screens show them: the young person's ("Holly Hill") and the visitor's ("Jamie Whitehead").
 */
export function unrestrictedFamily(home: Home, options: { placedAfter: string; withTutor?: boolean }) {
  const pair = home.youngPeople
    .filter(
      (youngPerson) =>
        (!options.withTutor || youngPerson.personalTutorId !== undefined) &&
        (!youngPerson.placementEndsOn || youngPerson.placementEndsOn > options.placedAfter),
    )
    .flatMap((youngPerson) =>
      home.relationships
        .filter((link) => {
          const person = home.people.find((candidate) => candidate.id === link.personId);
          return (
            link.youngPersonId === youngPerson.id &&
            link.category !== 'professional' &&
            person !== undefined &&
            person.lastName !== '' &&
            !home.restrictions.some(
              (restriction) =>
                restriction.personId === link.personId ||
                restriction.name.includes(person.firstName) ||
                restriction.name.includes(person.lastName ?? ''),
            )
          );
        })
        .map((link) => ({ youngPerson, link })),
    )
    .at(0);
  if (!pair) throw new Error('The home has a young person with unrestricted family');
  const person = home.people.find((candidate) => candidate.id === pair.link.personId);
  if (!person) throw new Error('The relationship names a person');
  return {
    youngPerson: pair.youngPerson,
    person,
    link: pair.link,
    child: `${pair.youngPerson.preferredName || pair.youngPerson.firstName} ${pair.youngPerson.lastName}`,
    visitor: [person.firstName, person.lastName].filter(Boolean).join(' '),
  };
}
