import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import {
  visitorLogRepository,
  type DoorChecker,
} from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { auditLog } from '../../../../../renderer/src/db/repositories/audit-log-repository';
import { freshDatabase } from '../test-database';
import { homeStaff } from '../test-session';
import { okValue } from '../../ok-value';

let db: FamilyLinksDb;
afterEach(() => db?.close());

const today = '2026-11-23';
const child = crypto.randomUUID();
const visit = {
  visitorName: 'Dawn Morris',
  organisationOrRelationship: 'Mum',
  visitingYoungPersonIds: [child],
  reason: 'Family visit',
  isIdChecked: true,
  vehicle: '',
  badgeNumber: '7',
};

/** A stand-in for the shared check: blocks or warns on restrictions naming the visitor exactly. */
const exactNameCheck: DoorChecker = (visitor, _youngPersonIds, restrictions) => {
  const matches = restrictions.filter((restriction) => restriction.name === visitor.name);
  const blocks = matches.some((restriction) => restriction.kind === 'noContact');
  const kind = blocks ? 'block' : matches.length > 0 ? 'warn' : 'clear';
  return {
    kind,
    isSignInAllowed: kind !== 'block',
    restrictionIds: matches.map((restriction) => restriction.id),
    needsSupervisor:
      !visitor.isSupervised && matches.some((restriction) => restriction.kind === 'supervisedOnly'),
    youngPersonIds: matches.map((restriction) => restriction.youngPersonId),
    idCheckRestrictionIds: [],
    idCheckedNotRestrictionIds: [],
    admittedUnder: matches.map((restriction) => ({
      restrictionId: restriction.id,
      condition: restriction.kind,
    })),
  };
};

async function setUp() {
  db = freshDatabase();
  const [manager, careWorker] = await homeStaff('careStaff');
  const register = visitorLogRepository(db, manager.cipher);
  const restrict = (name: string, kind: string) =>
    restrictionRepository(db).record(manager, {
      youngPersonId: child,
      name,
      aliases: [],
      kind,
      conditions: kind === 'supervisedOnly' ? 'Two staff present' : '',
      authority: 'carePlan',
      authorityReference: '',
      effectiveFrom: '2026-01-01',
    });
  /** The care worker corrects an entry made from `visit`, with `changes`, giving `reason`. */
  const correct = (entryId: string, changes: Partial<typeof visit>, reason: string) =>
    register.amend(careWorker, entryId, { ...visit, ...changes }, reason, exactNameCheck, today);
  /** The care worker signs `visit` in under `visitorName`, checked at the door; a refusal fails the test. */
  const signInVisit = async (visitorName = visit.visitorName) =>
    okValue(await register.signIn(careWorker, { ...visit, visitorName }, exactNameCheck, today));
  return { manager, careWorker, register, restrict, correct, signInVisit };
}

describe('signing visitors in at the door', () => {
  it('admits a visitor with no restriction and shows them on site', async () => {
    const { careWorker, register } = await setUp();
    const result = await register.signIn(careWorker, visit, exactNameCheck, today);
    expect(result.ok && result.value.restrictionCheck).toBe('clear');
    expect((await register.onSite()).map((entry) => entry.visitorName)).toEqual(['Dawn Morris']);
  });

  it('refuses a barred visitor, whatever the screen did, and only a manager can override with a reason', async () => {
    const { manager, careWorker, register, restrict } = await setUp();
    await restrict('Dawn Morris', 'noContact');
    const refused = await register.signIn(careWorker, visit, exactNameCheck, today);
    expect(refused.ok ? undefined : refused.error.message).toBe(
      'Do not admit this visitor. Speak to the duty manager.',
    );
    const careOverride = await register.signIn(careWorker, visit, exactNameCheck, today, {
      reason: 'She said it was fine',
    });
    expect(careOverride.ok ? undefined : careOverride.error.code).toBe('forbidden');
    const noReason = await register.signIn(manager, visit, exactNameCheck, today, { reason: ' ' });
    expect(noReason.ok ? undefined : noReason.error.code).toBe('invalid');
    expect(await register.onSite()).toHaveLength(0);
    const overridden = await register.signIn(manager, visit, exactNameCheck, today, {
      reason: 'Court order varied this morning; social worker confirmed by phone',
    });
    expect(overridden.ok && overridden.value.restrictionCheck).toBe('overridden');
    const log = (await auditLog(db).page(manager.roles, { limit: 5 })) ?? [];
    expect(log.map((entry) => entry.action)).toContain('visitor.override');
  });

  it('needs a supervising member of staff for a supervised-only visitor', async () => {
    const { manager, careWorker, register, restrict } = await setUp();
    await restrict('Dawn Morris', 'supervisedOnly');
    const unsupervised = await register.signIn(careWorker, visit, exactNameCheck, today);
    expect(unsupervised.ok ? undefined : unsupervised.error.code).toBe('needs-supervisor');
    const supervised = await register.signIn(
      careWorker,
      { ...visit, supervisingStaffId: manager.staff.id },
      exactNameCheck,
      today,
    );
    expect(supervised.ok && supervised.value.restrictionCheck).toBe('warn');
  });
});

describe('the register is a record', () => {
  it('signs out once, and only once', async () => {
    const { careWorker, register, signInVisit } = await setUp();
    const signedIn = await signInVisit();
    expect((await register.signOut(careWorker, signedIn.id)).ok).toBe(true);
    const again = await register.signOut(careWorker, signedIn.id);
    expect(again.ok ? undefined : again.error.code).toBe('already-signed-out');
    expect(await register.onSite()).toHaveLength(0);
  });

  it('a correction keeps the original entry exactly as it was, and takes its place in lists', async () => {
    const { register, correct, signInVisit } = await setUp();
    const signedIn = await signInVisit();
    const noReason = await correct(signedIn.id, { badgeNumber: '12' }, '');
    expect(noReason.ok).toBe(false);
    const corrected = await correct(signedIn.id, { badgeNumber: '12' }, 'Wrong badge number');
    if (!corrected.ok) throw new Error(corrected.error.message);
    const versions = await register.versions(corrected.value.id);
    expect(versions.map((entry) => entry.badgeNumber)).toEqual(['7', '12']);
    expect(versions[0]).toEqual(signedIn);
    expect((await register.onSite()).map((entry) => entry.id)).toEqual([corrected.value.id]);
    const twice = await correct(signedIn.id, {}, 'Again');
    expect(twice.ok ? undefined : twice.error.code).toBe('superseded');
    expect(await db.visitorLog.count()).toBe(2);
  });
});

describe('printing a visitor’s badge', () => {
  it('is in the audit log with the paper and the entry, never the name', async () => {
    const { manager, careWorker, register, signInVisit } = await setUp();
    const signedIn = await signInVisit();
    expect(await register.badgePrinted(careWorker, signedIn.id, 'label62mm')).toEqual({
      ok: true,
      value: undefined,
    });
    expect((await register.badgePrinted(careWorker, signedIn.id, 'a4Sheet')).ok).toBe(true);
    const log = (await auditLog(db).page(manager.roles, { limit: 5 })) ?? [];
    const printed = log.filter((entry) => entry.action === 'visitor.badge-printed');
    expect(
      printed.map(({ actorId, recordType, recordId, detail }) => ({ actorId, recordType, recordId, detail })),
    ).toEqual([
      {
        actorId: careWorker.staff.id,
        recordType: 'visitorLog',
        recordId: signedIn.id,
        detail: 'A4 sheet',
      },
      {
        actorId: careWorker.staff.id,
        recordType: 'visitorLog',
        recordId: signedIn.id,
        detail: '62 mm label',
      },
    ]);
    expect(JSON.stringify(log)).not.toContain('Dawn');
  });

  it('is refused, and not audited, for someone not on site or an entry since corrected', async () => {
    const { manager, careWorker, register, correct, signInVisit } = await setUp();
    const gone = await signInVisit();
    await register.signOut(careWorker, gone.id);
    const here = await signInVisit('Gary Price');
    const corrected = await correct(
      here.id,
      { visitorName: 'Gary Price', badgeNumber: '9' },
      'Wrong badge number',
    );
    if (!corrected.ok) throw new Error(corrected.error.message);
    const turnedAway = await register.turnAway(
      careWorker,
      { ...visit, visitorName: 'Neil Ward', turnedAwayNote: '' },
      exactNameCheck,
      today,
    );
    if (!turnedAway.ok) throw new Error(turnedAway.error.message);

    const refusals = await Promise.all([
      register.badgePrinted(careWorker, gone.id, 'a4Sheet'),
      register.badgePrinted(careWorker, here.id, 'a4Sheet'),
      register.badgePrinted(careWorker, turnedAway.value.entry.id, 'a4Sheet'),
      register.badgePrinted(careWorker, crypto.randomUUID(), 'a4Sheet'),
    ]);
    expect(refusals.map((result) => (result.ok ? 'printed' : result.error.code))).toEqual([
      'already-signed-out',
      'superseded',
      'invalid',
      'not-found',
    ]);
    expect((await register.badgePrinted(careWorker, corrected.value.id, 'a4Sheet')).ok).toBe(true);
    const log = (await auditLog(db).page(manager.roles, { limit: 20 })) ?? [];
    expect(
      log.filter((entry) => entry.action === 'visitor.badge-printed').map((entry) => entry.recordId),
    ).toEqual([corrected.value.id]);
  });
});

describe('a correction that names someone restricted', () => {
  it('is kept (the register must say what happened), records the check and who corrected it, and is audited', async () => {
    const { manager, careWorker, restrict, correct, signInVisit } = await setUp();
    await restrict('Gary Morris', 'noContact');
    const signedIn = await signInVisit();
    const corrected = await correct(
      signedIn.id,
      { visitorName: 'Gary Morris' },
      'Gave his partner’s name at the door',
    );
    if (!corrected.ok) throw new Error(corrected.error.message);
    expect(corrected.value).toMatchObject({
      restrictionCheck: 'block',
      amendedById: careWorker.staff.id,
      admittedById: careWorker.staff.id,
    });
    expect(corrected.value.matchedRestrictionIds).toHaveLength(1);
    const log = (await auditLog(db).page(manager.roles, { limit: 5 })) ?? [];
    expect(log.map((entry) => entry.action)).toContain('visitor.restriction-on-correction');
  });
});

describe('finding past visitors', () => {
  it('finds a visitor by the start of their name, including one signed in after the search began, and shows corrections not originals', async () => {
    const { register, correct, signInVisit } = await setUp();
    const first = await signInVisit('Siobhán O’Brien');
    expect((await register.search('siobhan')).map((entry) => entry.visitorName)).toEqual(['Siobhán O’Brien']);
    await signInVisit('Sion Evans');
    expect((await register.search('sio')).map((entry) => entry.visitorName).sort()).toEqual([
      'Siobhán O’Brien',
      'Sion Evans',
    ]);
    await correct(first.id, { visitorName: 'Siobhán O’Brien', badgeNumber: '99' }, 'Wrong badge');
    const found = await register.search('obrien');
    expect(found).toHaveLength(1);
    expect((await register.versions(found[0]?.id ?? '')).at(-1)?.badgeNumber).toBe('99');
  });
});
