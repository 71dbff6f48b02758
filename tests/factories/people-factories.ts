import type { Person, Relationship, YoungPerson } from '@shared/schemas/people';

/** A young person placed at the home since the start of the 2025/26 school year. */
export function buildYoungPerson(overrides: Partial<YoungPerson> = {}): YoungPerson {
  const id = overrides.id ?? crypto.randomUUID();
  return {
    id,
    caseNumber: `FL-${id.slice(0, 8).toUpperCase()}`,
    firstName: 'Amelia',
    lastName: 'Hughes',
    preferredName: 'Millie',
    dateOfBirth: '2012-03-14',
    placementStartsOn: '2025-09-01',
    placingAuthority: 'Leeds City Council',
    socialWorker: 'Priya Shah',
    ...overrides,
  };
}

/** A family member or other significant person, with every defaulted field filled in. */
export function buildPerson(overrides: Partial<Person> = {}): Person {
  return {
    id: crypto.randomUUID(),
    firstName: 'Karen',
    lastName: 'Hughes',
    aliases: [],
    phone: '07700 900123',
    email: '',
    address: '14 Station Road, Wakefield WF1 2AB',
    notes: '',
    ...overrides,
  };
}

/** How a person relates to a young person: by default their mum, with parental responsibility. */
export function buildRelationship(overrides: Partial<Relationship> = {}): Relationship {
  return {
    id: crypto.randomUUID(),
    youngPersonId: crypto.randomUUID(),
    personId: crypto.randomUUID(),
    relationship: 'Mum',
    category: 'parent',
    hasParentalResponsibility: true,
    ...overrides,
  };
}
