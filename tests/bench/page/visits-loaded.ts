import { contactFormRepository } from '../../../renderer/src/db/repositories/contact-form-repository';
import { roomRepository } from '../../../renderer/src/db/repositories/room-repository';
import { visitRepository } from '../../../renderer/src/db/repositories/visit-repository';
import { shared, type BenchContext } from './benchmark-registry';
import { progress } from './bench-timing';
import { loadedLargeHome, type LoadedHome } from './large-home';

/** The large home with its ten years of visits and its rooms loaded too (the fixture loader leaves them out). */
export function largeHomeWithVisits(context: BenchContext): Promise<LoadedHome> {
  return shared(context, 'largeHomeWithVisits', async () => {
    const loaded = await loadedLargeHome(context);
    const started = performance.now();
    await roomRepository(loaded.db).addMany(loaded.session, loaded.home.rooms);
    await visitRepository(loaded.db).addMany(loaded.session, loaded.home.visits);
    progress(`loaded ${loaded.home.visits.length} visits in ${Math.round(performance.now() - started)} ms`);
    return loaded;
  });
}

/**
 * Adds the large home's ~98,000 contact forms to `loaded`'s database (the fixture loader leaves
 * them out), once per page whichever benchmark asks first.
 */
async function withContactForms(context: BenchContext, loaded: LoadedHome): Promise<LoadedHome> {
  await shared(context, 'contactFormsLoaded', async () => {
    const started = performance.now();
    const added = await contactFormRepository(loaded.db).addMany(loaded.session, loaded.home.contactForms);
    if (!added.ok) throw new Error(added.error.message);
    progress(`loaded ${added.value} contact forms in ${Math.round(performance.now() - started)} ms`);
    return added.value;
  });
  return loaded;
}

/** The large home with its ~98,000 contact forms loaded. */
export async function largeHomeWithForms(context: BenchContext): Promise<LoadedHome> {
  return withContactForms(context, await loadedLargeHome(context));
}

/** The large home with its visits and its ~98,000 contact forms loaded. */
export async function largeHomeWithVisitsAndForms(context: BenchContext): Promise<LoadedHome> {
  return withContactForms(context, await largeHomeWithVisits(context));
}
