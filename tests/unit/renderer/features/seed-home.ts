import type { Restriction, RestrictionForm } from '../../../../shared/schemas/registers';
import type { YoungPerson } from '../../../../shared/schemas/people';
import { restrictionRepository } from '../../../../renderer/src/db/repositories/restriction-repository';
import { youngPeopleRepository } from '../../../../renderer/src/db/repositories/young-people-repository';
import type { TestHome } from './render-signed-in';

/** Saves a young person (Millie Hughes unless told otherwise) through the repository, as the manager. */
export async function seedYoungPerson(
  home: TestHome,
  overrides: Partial<Omit<YoungPerson, 'id'>> = {},
): Promise<YoungPerson> {
  const details = {
    caseNumber: `FL-${crypto.randomUUID().slice(0, 8).toUpperCase()}`,
    firstName: 'Amelia',
    lastName: 'Hughes',
    preferredName: 'Millie',
    dateOfBirth: '2012-03-14',
    placementStartsOn: '2025-09-01',
    ...overrides,
  };
  const saved = await youngPeopleRepository(home.db).save(home.manager, details);
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value;
}

/**
 * Records a restriction through the repository (as the manager unless another session is given):
 * by default a court order for supervised contact only, in force since January 2026.
 */
type SeedRestriction = Partial<Omit<RestrictionForm, 'aliases'>> &
  Pick<RestrictionForm, 'youngPersonId'> & { readonly aliases?: readonly string[] };

export async function seedRestriction(
  home: TestHome,
  { aliases = ['Deano'], ...form }: SeedRestriction,
  recordedBy = home.manager,
): Promise<Restriction> {
  const recorded = await restrictionRepository(home.db).record(recordedBy, {
    name: 'Dean Hughes',
    aliases: [...aliases],
    description: 'Tall, short dark hair.',
    kind: 'supervisedOnly',
    conditions: 'Family room only, with a member of staff present throughout.',
    authority: 'courtOrder',
    authorityReference: 'LS26C01234',
    effectiveFrom: '2026-01-12',
    ...form,
  });
  if (!recorded.ok) throw new Error(recorded.error.message);
  return recorded.value;
}
