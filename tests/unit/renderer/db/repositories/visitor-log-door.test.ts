import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { outboxRepository } from '../../../../../renderer/src/db/repositories/outbox-repository';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { damagedRecordRepository } from '../../../../../renderer/src/db/repositories/damaged-record-repository';
import {
  turnedAwayReference,
  undoSignOutWindowMs,
  visitorLogRepository,
} from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { doorChecker } from '../../../../../renderer/src/features/door/door-checker';
import type { Session } from '../../../../../renderer/src/db/session';
import { panAlertHome } from '../pan-alert-test-home';
import { auditActions } from '../test-database';
import { movableClock } from '../test-clock';

let db: FamilyLinksDb | undefined;
afterEach(() => db?.close());

const today = '2026-11-23';
const check = doorChecker(today);

/** A home with Millie (PT Tom Tutor), the manager and a care worker; the clock moves when told. */
async function setUp() {
  const home = await panAlertHome();
  db = home.db;
  const { clock, later } = movableClock('2026-11-23T20:55:00.000Z');
  const register = visitorLogRepository(home.db, home.careWorker.cipher, clock);
  const restrict = async (name: string, kind: string, conditions = '') => {
    const recorded = await restrictionRepository(home.db).record(home.manager, {
      youngPersonId: home.youngPerson.id,
      name,
      aliases: [],
      kind,
      conditions,
      authority: 'courtOrder',
      authorityReference: 'LS26C09999',
      description: 'Background for those who arrange contact only',
      effectiveFrom: '2026-01-01',
    });
    if (!recorded.ok) throw new Error(recorded.error.message);
    return recorded.value;
  };
  const visit = (visitorName: string) => ({
    visitorName,
    organisationOrRelationship: '',
    visitingYoungPersonIds: [home.youngPerson.id],
    reason: 'Family visit',
    isIdChecked: false,
    vehicle: '',
    badgeNumber: '',
  });
  const actions = (session: Session) => auditActions(home.db, session);
  // The care worker at the door today, the restriction check made as the door makes it.
  const signIn = (input: Parameters<typeof register.signIn>[1]) =>
    register.signIn(home.careWorker, input, check, today);
  const turnAway = (input: Parameters<typeof register.turnAway>[1]) =>
    register.turnAway(home.careWorker, input, check, today);
  return {
    ...home,
    register,
    restrict,
    visit,
    signIn,
    turnAway,
    actions,
    later,
  };
}

describe('a visitor turned away at the door', () => {
  it('is an entry of its own kind, audited, never on site, and alerts the PT and the duty manager in the same write', async () => {
    const home = await setUp();
    const barred = await home.restrict('John Smith', 'noContact');
    const result = await home.turnAway({
      ...home.visit('John Smith'),
      reason: '',
      turnedAwayNote: 'Left in a silver car',
    });
    if (!result.ok) throw new Error(result.error.message);
    const { entry } = result.value;
    expect(entry).toMatchObject({
      kind: 'turnedAway',
      restrictionCheck: 'block',
      matchedRestrictionIds: [barred.id],
      turnedAwayNote: 'Left in a silver car',
      admittedById: home.careWorker.staff.id,
    });
    expect(entry.departedAt).toBeUndefined();
    expect(await home.register.onSite()).toEqual([]);
    expect(await home.actions(home.manager)).toContain('visitor.turned-away');

    const messages = (await outboxRepository(home.db).list(home.manager)).filter(
      (message) => message.event === 'visitorTurnedAway',
    );
    expect(messages.map((message) => message.recipient.email).sort()).toEqual([
      'mina@home.example',
      'tom.tutor@home.example',
    ]);
    for (const message of messages) {
      expect(message.event).toBe('visitorTurnedAway');
      expect(message.reference).toBe(turnedAwayReference(entry.id));
      // Initials and a reference only: no names, no court order.
      expect(`${message.subject}\n${message.body}`).toContain('M.H.');
      expect(`${message.subject}\n${message.body}`).not.toMatch(/John|Smith|Millie|Amelia|LS26C|silver/);
    }
    expect(result.value.alerts).toBe(2);
  });

  it('is recorded once when the button is pressed twice', async () => {
    const home = await setUp();
    await home.restrict('John Smith', 'noContact');
    const input = { ...home.visit('John Smith'), turnedAwayNote: '' };
    const [first, second] = await Promise.all([home.turnAway(input), home.turnAway(input)]);
    expect(first.ok && second.ok && second.value.isRepeat).toBe(true);
    expect(await home.db.visitorLog.count()).toBe(1);
    const alerts = await outboxRepository(home.db).list(home.manager);
    expect(alerts.filter((message) => message.event === 'visitorTurnedAway')).toHaveLength(2);
  });

  it('over a close name only, treats them as the restricted person', async () => {
    const home = await setUp();
    const barred = await home.restrict('Sarah Khan', 'noContact');
    const result = await home.turnAway({ ...home.visit('Sara Kahn'), turnedAwayNote: 'Would not show ID' });
    expect(result.ok && result.value.entry).toMatchObject({
      restrictionCheck: 'block',
      matchedRestrictionIds: [barred.id],
    });
  });

  it('is corrected like any entry, by an amendment, and can never be signed out or put back', async () => {
    const home = await setUp();
    await home.restrict('John Smith', 'noContact');
    const turned = await home.turnAway({ ...home.visit('John Smith'), turnedAwayNote: '' });
    if (!turned.ok) throw new Error(turned.error.message);
    const id = turned.value.entry.id;
    expect((await home.register.signOut(home.careWorker, id)).ok).toBe(false);
    expect((await home.register.undoSignOut(home.careWorker, id)).ok).toBe(false);
    const corrected = await home.register.amend(
      home.careWorker,
      id,
      { ...home.visit('John Smith'), reason: '', turnedAwayNote: 'He came back at 21:30 and left again' },
      'Added what happened after',
      check,
      today,
    );
    expect(corrected.ok && corrected.value).toMatchObject({ kind: 'turnedAway', amendsEntryId: id });
    expect((await home.register.versions(id)).map((entry) => entry.turnedAwayNote)).toEqual([
      '',
      'He came back at 21:30 and left again',
    ]);
  });
});

describe('names at the door', () => {
  it('refuses to sign in one word, whatever the screen did', async () => {
    const home = await setUp();
    const result = await home.signIn(home.visit('Imran'));
    expect(result.ok ? undefined : result.error.fields?.visitorName).toBe(
      'Type their full name (first name and surname) so it can be checked.',
    );
    expect(await home.db.visitorLog.count()).toBe(0);
  });

  it('signs in a one-word name that is a restricted person’s alias only as that person', async () => {
    const home = await setUp();
    const recorded = await restrictionRepository(home.db).record(home.manager, {
      youngPersonId: home.youngPerson.id,
      name: 'Dean Walsh',
      aliases: ['Smithy'],
      kind: 'supervisedOnly',
      conditions: '',
      authority: 'carePlan',
      authorityReference: '',
      effectiveFrom: '2026-01-01',
    });
    if (!recorded.ok) throw new Error(recorded.error.message);
    const unsupervised = await home.signIn(home.visit('Smithy'));
    expect(unsupervised.ok ? undefined : unsupervised.error.code).toBe('needs-supervisor');
  });

  it('needs the ID check of a close name first, and keeps "this is not them" with the entry, audited', async () => {
    const home = await setUp();
    const barred = await home.restrict('Sarah Khan', 'noContact');
    const unchecked = await home.signIn(home.visit('Sara Kahn'));
    expect(unchecked.ok ? undefined : unchecked.error.code).toBe('needs-id-check');
    const checked = await home.signIn({
      ...home.visit('Sara Kahn'),
      idCheckedNotRestrictionIds: [barred.id],
    });
    expect(checked.ok && checked.value).toMatchObject({
      restrictionCheck: 'clear',
      idCheckedNotRestrictionIds: [barred.id],
      isIdChecked: true,
    });
    expect(await home.actions(home.manager)).toContain('visitor.id-checked');
  });

  it('blocks a close name staff treat as the restricted person', async () => {
    const home = await setUp();
    const barred = await home.restrict('Sarah Khan', 'noContact');
    const treated = await home.signIn({ ...home.visit('Sara Kahn'), treatedAsRestrictionIds: [barred.id] });
    expect(treated.ok ? undefined : treated.error.code).toBe('blocked');
  });

  it('keeps the condition in words with the entry, and never the order', async () => {
    const home = await setUp();
    await home.restrict('Dawn Morris', 'supervisedOnly', 'Family room only');
    const result = await home.signIn({
      ...home.visit('Dawn Morris'),
      supervisingStaffId: home.manager.staff.id,
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.admittedUnder.map((item) => item.condition)).toEqual([
      'Supervised contact only. Family room only. The named member of staff must supervise throughout.',
    ]);
    expect(JSON.stringify(result.value)).not.toMatch(/LS26C|Court|Background/);
  });
});

describe('pressing a button twice', () => {
  it('signs a visitor in once', async () => {
    const home = await setUp();
    const [first, second] = await Promise.all([
      home.signIn(home.visit('Dawn Morris')),
      home.signIn(home.visit('  DAWN   morris ')),
    ]);
    expect(first.ok).toBe(true);
    expect(second.ok ? undefined : second.error.code).toBe('already-on-site');
    expect(await home.register.onSite()).toHaveLength(1);
  });
});

describe('a visitor signed out by mistake', () => {
  it('can be put back within 2 minutes, as an audited correction naming the sign-out', async () => {
    const home = await setUp();
    const signedIn = await home.signIn(home.visit('Dawn Morris'));
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    await home.register.signOut(home.careWorker, signedIn.value.id);
    expect((await home.register.signedOutSince('2026-11-23T20:50:00.000Z')).map((e) => e.id)).toEqual([
      signedIn.value.id,
    ]);
    home.later(undoSignOutWindowMs - 1000);
    const back = await home.register.undoSignOut(home.careWorker, signedIn.value.id);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value).toMatchObject({ amendsEntryId: signedIn.value.id, departedAt: undefined });
    expect((await home.register.onSite()).map((entry) => entry.id)).toEqual([back.value.id]);
    expect(await home.actions(home.manager)).toContain('visitor.sign-out-undone');
    const twice = await home.register.undoSignOut(home.careWorker, signedIn.value.id);
    expect(twice.ok).toBe(false);
    // The correction is on site: signing it out works as for any visitor.
    expect((await home.register.signOut(home.careWorker, back.value.id)).ok).toBe(true);
  });

  it('cannot be put back from the door after 2 minutes: the register’s correction is the way', async () => {
    const home = await setUp();
    const signedIn = await home.signIn(home.visit('Dawn Morris'));
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    await home.register.signOut(home.careWorker, signedIn.value.id);
    home.later(undoSignOutWindowMs + 1000);
    const late = await home.register.undoSignOut(home.careWorker, signedIn.value.id);
    expect(late.ok ? undefined : late.error.code).toBe('too-late');
    const corrected = await home.register.amend(
      home.careWorker,
      signedIn.value.id,
      home.visit('Dawn Morris'),
      'Signed out by mistake; she was still with Millie',
      check,
      today,
      { isBackOnSite: true },
    );
    expect(corrected.ok && corrected.value.departedAt).toBeUndefined();
    expect(await home.register.onSite()).toHaveLength(1);
  });
});

describe('the handover', () => {
  it('lists who came and went, and who was turned away, in the shift', async () => {
    const home = await setUp();
    const stayed = await home.signIn(home.visit('Dawn Morris'));
    home.later(60_000);
    const left = await home.signIn(home.visit('Gary Price'));
    if (!stayed.ok || !left.ok) throw new Error('not signed in');
    home.later(60 * 60_000);
    await home.register.signOut(home.careWorker, left.value.id);
    await home.restrict('John Smith', 'noContact');
    await home.turnAway({ ...home.visit('John Smith'), turnedAwayNote: '' });
    const activity = await home.register.activityBetween(
      '2026-11-23T20:00:00.000Z',
      '2026-11-23T23:00:00.000Z',
    );
    expect(activity.map((entry) => [entry.visitorName, entry.kind])).toEqual([
      ['Dawn Morris', 'visit'],
      ['Gary Price', 'visit'],
      ['John Smith', 'turnedAway'],
    ]);
  });
});

describe('a restriction changed outside the app', () => {
  it('its end date moved into the past in IndexedDB does not lift the block: the door stops everyone', async () => {
    const home = await setUp();
    const barred = await home.restrict('John Smith', 'noContact');
    await home.db.restrictions.update(barred.id, { effectiveTo: '2026-02-01' });
    const result = await home.signIn(home.visit('John Smith'));
    expect(result.ok ? 'signed in' : result.error.code).toBe('blocked');
    // Whom it named cannot be trusted either: nobody is cleared while it is damaged.
    const other = await home.signIn(home.visit('Mary Jones'));
    expect(other.ok ? 'signed in' : other.error.code).toBe('blocked');
  });

  it('shows as damaged where it is listed, and the audit log notes it once however often it is read', async () => {
    const home = await setUp();
    const barred = await home.restrict('John Smith', 'noContact');
    await home.db.restrictions.update(barred.id, { effectiveTo: '2026-02-01' });
    const restrictions = restrictionRepository(home.db);
    const listed = await restrictions.listForYoungPerson(home.careWorker, home.youngPerson.id);
    expect(listed).toEqual({ restrictions: [], damagedIds: [barred.id] });
    expect((await restrictions.listForCheck(home.careWorker, today)).damagedIds).toEqual([barred.id]);
    await restrictions.listForYoungPerson(home.manager, home.youngPerson.id);
    const damaged = (await home.actions(home.manager)).filter((action) => action === 'record.damaged');
    expect(damaged).toHaveLength(1);
    expect(await damagedRecordRepository(home.db).count(home.manager)).toBe(1);
    expect(await damagedRecordRepository(home.db).count(home.careWorker)).toBe(0);
  });
});
