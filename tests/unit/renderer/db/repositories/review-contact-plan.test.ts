import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { contactPlanRepository } from '../../../../../renderer/src/db/repositories/contact-plan-repository';
import {
  personCodec,
  relationshipCodec,
} from '../../../../../renderer/src/db/repositories/people-repository';
import { reviewRepository } from '../../../../../renderer/src/db/repositories/review-repository';
import { youngPersonCodec } from '../../../../../renderer/src/db/repositories/young-people-repository';
import { buildPerson, buildRelationship, buildYoungPerson } from '../../../../factories';
import { freshDatabase } from '../test-database';
import { springTermUnderWay as now, storeYear2026 } from '../review-test-home';
import { testSession } from '../test-session';

let db: FamilyLinksDb;
afterEach(() => db?.close());

describe('the termly overview and the contact plan', () => {
  it('shows contact against a plan recorded after the overview was stored, worked out afresh', async () => {
    db = freshDatabase();
    const manager = await testSession(['registeredManager']);
    const year = await storeYear2026(db);
    const millie = buildYoungPerson({ placementStartsOn: '2025-01-01' });
    const mum = buildPerson({ firstName: 'Karen' });
    await db.youngPeople.add(await youngPersonCodec.encode(millie, manager.cipher));
    await db.people.add(await personCodec.encode(mum, manager.cipher));
    await db.relationships.add(
      await relationshipCodec.encode(
        buildRelationship({
          youngPersonId: millie.id,
          personId: mum.id,
          relationship: 'Mum',
          category: 'parent',
        }),
        manager.cipher,
      ),
    );
    const reviews = reviewRepository(db);
    const spring = async () => {
      const result = await reviews.termlyOverview(manager, year.id, 'spring', now);
      if (!result.ok) throw new Error(result.error.message);
      return result.value.rows[0]?.review.contactPlan;
    };
    expect(await spring()).toEqual([]);
    const recorded = await contactPlanRepository(db).record(manager, {
      youngPersonId: millie.id,
      personId: mum.id,
      kind: 'phone',
      frequency: 'weekly',
      supervision: 'unsupervised',
      startsOn: '2026-09-01',
      agreedBy: 'socialWorker',
      agreedByName: 'Jo Price',
      agreedOn: '2026-08-20',
    });
    if (!recorded.ok) throw new Error(recorded.error.message);
    // Spring 2027 starts Tuesday 5 January: by Wednesday 20 January two weeks are over, no call held.
    expect((await spring())?.map((figure) => [figure.arrangementId, figure.value])).toEqual([
      [recorded.value.id, 'weekly call planned: 0 of 2 weeks'],
    ]);
  });
});
