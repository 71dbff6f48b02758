import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { chronologyRepository } from '../../../../../renderer/src/db/repositories/chronology-repository';
import { contactPlanRepository } from '../../../../../renderer/src/db/repositories/contact-plan-repository';
import { personCodec } from '../../../../../renderer/src/db/repositories/people-repository';
import { youngPersonCodec } from '../../../../../renderer/src/db/repositories/young-people-repository';
import { buildPerson, buildYoungPerson } from '../../../../factories';
import { freshDatabase } from '../test-database';
import { testSession } from '../test-session';

let db: FamilyLinksDb;
afterEach(() => db?.close());

describe('the chronology’s contact plan changes', () => {
  it('lists when each arrangement was first agreed and each change, for care staff too, newest first', async () => {
    db = freshDatabase();
    const manager = await testSession(['registeredManager']);
    const { dataKey, auditKey, compartments } = manager;
    const careWorker = await testSession(['careStaff'], { dataKey, auditKey, compartments });
    const youngPerson = buildYoungPerson();
    const mum = buildPerson();
    await db.youngPeople.add(await youngPersonCodec.encode(youngPerson, manager.cipher));
    await db.people.add(await personCodec.encode(mum, manager.cipher));
    let now = new Date('2026-09-01T09:00:00.000Z');
    const plans = contactPlanRepository(db, () => now);
    const form = {
      youngPersonId: youngPerson.id,
      personId: mum.id,
      kind: 'visitAtHome',
      frequency: 'fortnightly',
      supervision: 'supervised',
      supervisedBy: 'a member of the care team',
      startsOn: '2026-09-01',
      agreedBy: 'placingAuthority',
      agreedByName: 'Leeds City Council',
      agreedOn: '2026-08-25',
    };
    const recorded = await plans.record(manager, form);
    if (!recorded.ok) throw new Error(recorded.error.message);
    now = new Date('2026-10-12T14:00:00.000Z');
    const changed = await plans.change(manager, recorded.value.id, 1, { ...form, frequency: 'weekly' });
    if (!changed.ok) throw new Error(changed.error.message);

    const read = await chronologyRepository(db).read(careWorker, youngPerson.id, 'Europe/London');
    const planLines = read.entries.filter((entry) => entry.kind === 'contactPlan');
    expect(planLines.map((entry) => [entry.at, entry.kind === 'contactPlan' && entry.change])).toEqual([
      ['2026-10-12T14:00:00.000Z', 'changed'],
      ['2026-09-01T09:00:00.000Z', 'recorded'],
    ]);
    expect(planLines.every((entry) => entry.personIds?.includes(mum.id))).toBe(true);
    const [latest] = planLines;
    expect(latest?.kind === 'contactPlan' && latest.arrangement.agreement).toBeUndefined();
  });
});
