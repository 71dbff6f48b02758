import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { peopleRepository } from '../../../../../renderer/src/db/repositories/people-repository';
import { visitingProtocolRepository } from '../../../../../renderer/src/db/repositories/visiting-protocol-repository';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { doorChecker } from '../../../../../renderer/src/features/door/door-checker';
import type { Session } from '../../../../../renderer/src/db/session';
import { panAlertHome } from '../pan-alert-test-home';
import { auditActions, familyVisitor } from '../test-database';
import { movableClock } from '../test-clock';

let db: FamilyLinksDb | undefined;
afterEach(() => db?.close());

const today = '2026-12-04';
const check = doorChecker(today);
// A tiny valid PNG's base64 is enough: the repository stores what was drawn, sealed.
const drawn = {
  pngBase64:
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  strokeCount: 3,
};

/** A home with Millie, her mum Dawn (family) and a social worker (a professional), and a clock that moves. */
async function setUp() {
  const home = await panAlertHome();
  db = home.db;
  const { clock, later } = movableClock('2026-12-04T10:00:00.000Z');
  const people = peopleRepository(home.db, clock);
  const add = async (firstName: string, category: string) => {
    const saved = await people.savePerson(home.tutor, {
      person: { firstName, lastName: 'Hughes', aliases: [], phone: '', email: '', address: '', notes: '' },
      relationships: [
        {
          youngPersonId: home.youngPerson.id,
          relationship: firstName,
          category,
          hasParentalResponsibility: false,
        },
      ],
    });
    if (!saved.ok) throw new Error(saved.error.message);
    return saved.value.person;
  };
  const mum = await add('Dawn', 'parent');
  const worker = await add('Priya', 'professional');
  const protocol = visitingProtocolRepository(home.db, clock);
  const register = visitorLogRepository(home.db, home.careWorker.cipher, clock);
  const visit = (person: { id: string; firstName: string }, protocolAnswer?: unknown) => ({
    ...familyVisitor(`${person.firstName} Hughes`, person.id, home.youngPerson.id),
    ...(protocolAnswer ? { protocolAnswer } : {}),
  });
  const signInAndOut = async (person: { id: string; firstName: string }, protocolAnswer?: unknown) => {
    const signed = await register.signIn(home.careWorker, visit(person, protocolAnswer), check, today);
    if (signed.ok) {
      const out = await register.signOut(home.careWorker, signed.value.id);
      if (!out.ok) throw new Error(out.error.message);
    }
    later(3_600_000);
    return signed;
  };
  const actions = (session: Session) => auditActions(home.db, session);
  return { ...home, mum, worker, protocol, register, signInAndOut, actions };
}

describe('the visiting protocol (seed 004 §4)', () => {
  it('is published by the manager only, a new version each time, earlier versions kept, audited', async () => {
    const home = await setUp();
    const refused = await home.protocol.publish(home.careWorker, { text: 'Sign in at the door.' });
    expect(refused.ok ? undefined : refused.error.code).toBe('forbidden');
    const empty = await home.protocol.publish(home.manager, { text: '   ' });
    expect(empty.ok ? undefined : empty.error.fields?.text).toBe('Enter the visiting protocol.');

    const first = await home.protocol.publish(home.manager, {
      text: 'Sign in at the door.\n\nVisits end by 8pm.',
    });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({
      version: 1,
      paragraphs: ['Sign in at the door.', 'Visits end by 8pm.'],
    });
    const same = await home.protocol.publish(home.manager, {
      text: 'Sign in at the door.\n\n Visits end by 8pm. ',
    });
    expect(same.ok ? undefined : same.error.code).toBe('unchanged');
    const second = await home.protocol.publish(home.manager, {
      text: 'Sign in at the door.\n\nVisits end by 7pm.',
    });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.version).toBe(2);

    expect((await home.protocol.current(home.careWorker))?.version).toBe(2);
    expect((await home.protocol.all(home.careWorker)).map((version) => version.version)).toEqual([2, 1]);
    expect((await home.protocol.version(home.careWorker, 1))?.paragraphs[1]).toBe('Visits end by 8pm.');
    expect(
      (await home.actions(home.manager)).filter((action) => action === 'visiting-protocol.published'),
    ).toHaveLength(2);
    // The text is sealed: nothing of it is in the stored row's plain fields.
    expect(JSON.stringify(await home.db.visitingProtocols.toArray())).not.toContain('Visits end');
  });

  it('asks a family visitor at first sign-in, records the drawn signature with the sign-in, and not again until it changes', async () => {
    const home = await setUp();
    expect((await home.signInAndOut(home.mum)).ok).toBe(true); // no protocol yet: nothing to ask
    await home.protocol.publish(home.manager, { text: 'Sign in at the door.' });

    const unanswered = await home.signInAndOut(home.mum);
    expect(unanswered.ok ? undefined : unanswered.error.code).toBe('needs-protocol');
    expect(await home.register.onSite()).toEqual([]); // refused whole: no entry either

    const signed = await home.signInAndOut(home.mum, {
      outcome: 'signed',
      version: 1,
      staffId: home.careWorker.staff.id,
      signature: drawn,
    });
    if (!signed.ok) throw new Error(signed.error.message);
    expect(signed.value.protocol).toMatchObject({
      version: 1,
      outcome: 'signed',
      staffId: home.careWorker.staff.id,
      isNew: true,
    });
    const answers = await home.protocol.answersOf(home.manager, home.mum.id);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      version: 1,
      outcome: 'signed',
      visitorEntryId: signed.value.id,
      signature: { strokeCount: 3 },
    });
    expect(JSON.stringify(await home.db.protocolAcceptances.toArray())).not.toContain(
      drawn.pngBase64.slice(0, 20),
    );
    expect(await home.actions(home.manager)).toContain('visiting-protocol.accepted');

    // Next time: not asked, and the entry carries the earlier acceptance.
    const next = await home.signInAndOut(home.mum);
    if (!next.ok) throw new Error(next.error.message);
    expect(next.value.protocol).toMatchObject({
      version: 1,
      outcome: 'signed',
      isNew: false,
      at: signed.value.protocol?.at,
    });

    await home.protocol.publish(home.manager, { text: 'Sign in at the door.\n\nPhones stay in the office.' });
    expect(await home.protocol.askFor(home.careWorker, home.mum.id)).toMatchObject({
      kind: 'ask',
      reason: 'olderVersion',
      version: 2,
    });
    const stale = await home.signInAndOut(home.mum, {
      outcome: 'signed',
      version: 1,
      staffId: home.careWorker.staff.id,
      signature: drawn,
    });
    expect(stale.ok ? undefined : stale.error.code).toBe('changed');
    const read = await home.signInAndOut(home.mum, {
      outcome: 'readToThem',
      version: 2,
      staffId: home.tutor.staff.id,
    });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.protocol).toMatchObject({
      version: 2,
      outcome: 'readToThem',
      staffId: home.tutor.staff.id,
    });
  });

  it('records a refusal plainly, signs them in all the same, and asks again next time', async () => {
    const home = await setUp();
    await home.protocol.publish(home.manager, { text: 'Sign in at the door.' });
    const declined = await home.signInAndOut(home.mum, {
      outcome: 'declined',
      version: 1,
      staffId: home.careWorker.staff.id,
    });
    if (!declined.ok) throw new Error(declined.error.message);
    expect(declined.value.protocol).toMatchObject({ outcome: 'declined', version: 1 });
    expect(await home.actions(home.manager)).toContain('visiting-protocol.declined');
    expect(await home.protocol.askFor(home.careWorker, home.mum.id)).toMatchObject({
      kind: 'ask',
      reason: 'declined',
    });
    expect((await home.protocol.latestAnswers(home.careWorker)).get(home.mum.id)?.outcome).toBe('declined');
  });

  it('does not ask a professional or someone not in the register', async () => {
    const home = await setUp();
    await home.protocol.publish(home.manager, { text: 'Sign in at the door.' });
    const professional = await home.signInAndOut(home.worker);
    if (!professional.ok) throw new Error(professional.error.message);
    expect(professional.value.protocol).toBeUndefined();
    const stranger = await home.register.signIn(
      home.careWorker,
      {
        visitorName: 'Gary Holt',
        organisationOrRelationship: 'Gas Co',
        visitingYoungPersonIds: [],
        reason: 'Boiler service',
        isIdChecked: true,
        vehicle: '',
        badgeNumber: '',
      },
      check,
      today,
    );
    if (!stranger.ok) throw new Error(stranger.error.message);
    expect(stranger.value.protocol).toBeUndefined();
  });
});
