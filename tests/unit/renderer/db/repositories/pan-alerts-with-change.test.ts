import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import {
  contactFormRepository,
  type ContactFormRepository,
} from '../../../../../renderer/src/db/repositories/contact-form-repository';
import type { Session } from '../../../../../renderer/src/db/session';
import type { ContactForm } from '../../../../../shared/schemas/contact-forms';
import { panGroupRepository } from '../../../../../renderer/src/db/repositories/pan-group-repository';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { visitRepository } from '../../../../../renderer/src/db/repositories/visit-repository';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { fileContactForm } from '../../../../../renderer/src/features/contact-forms/file-contact-form';
import { doorChecker } from '../../../../../renderer/src/features/door/door-checker';
import { buildContactFormEntry } from '../../../../factories';
import { panAlertHome, restrictionForm, samSocial } from '../pan-alert-test-home';
import { okValue } from '../../ok-value';

let db: FamilyLinksDb | undefined;
afterEach(() => {
  db?.close();
  vi.restoreAllMocks();
  Reflect.deleteProperty(window, 'api');
});

const now = new Date('2026-11-20T10:00:00.000Z');
const clock = () => now;
const notSaved =
  'The change was not saved because the alert to the PAN group could not be queued. Try again; if it keeps happening, tell the manager.';
/** The manager is the one who would be told: she is told what to do instead. */
const notSavedForManager =
  'The change was not saved because the alert to the PAN group could not be queued. Try again; if it keeps happening, check the computer has free disk space and restart Family Links, then contact whoever looks after your home’s computers.';

async function setUp() {
  const home = await panAlertHome();
  db = home.db;
  // Quiet: each refusal is logged for whoever looks into it, and that is not what is tested here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  return home;
}

/** The outbox refuses every new message, as a full or failing disk would. */
function outboxFails(database: FamilyLinksDb) {
  database.outbox.hook('creating', () => {
    throw new Error('The disk is full');
  });
}

/** A main process that signs with `sign` and answers nothing else. */
function signingBridge(sign: () => Promise<unknown>) {
  const api = new Proxy(
    {},
    {
      get: (_target, channel) =>
        channel === 'contact-form:file'
          ? sign
          : () =>
              Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'Not in this test.' } }),
    },
  );
  Object.defineProperty(window, 'api', { value: api, configurable: true });
}

/** A main process that signs and files every form it is sent, and the signer's key and secret. */
function signingSucceeds() {
  const sign = vi.fn(() =>
    Promise.resolve({
      ok: true,
      value: {
        outcome: 'signed',
        pdf: { bytes: 'JVBERi0x', sha256: 'a'.repeat(64), signerName: 'Tom Tutor' },
        caseFile: { outcome: 'written', relativePath: 'CN1/form.pdf', sha256: 'a'.repeat(64) },
      },
    }),
  );
  signingBridge(sign);
  const signer = { credential: { encryptedKey: 'a2V5', certificateChainPem: [] }, secret: 'b'.repeat(64) };
  return { sign, signer };
}

/** The tutor signs and files the form, as the form's File button does. */
function fileAsTutor(
  forms: ContactFormRepository,
  tutor: Session,
  form: ContactForm,
  signer: ReturnType<typeof signingSucceeds>['signer'],
) {
  return fileContactForm(
    db!,
    forms,
    tutor,
    form,
    { pngBase64: 'iVBORw0KGgo=', signer },
    'Phone call on 19 November',
    now,
  );
}

const formEntry = (overrides: Parameters<typeof buildContactFormEntry>[0] = {}) =>
  buildContactFormEntry({ initiatedBy: 'family', ...overrides });

describe('a change and its PAN alert are saved together or not at all', () => {
  it('a restriction whose alert cannot be queued is not recorded, and the person is told why', async () => {
    const { manager, youngPerson } = await setUp();
    outboxFails(db!);
    const result = await restrictionRepository(db!, clock).record(manager, restrictionForm(youngPerson.id));
    expect(result.ok ? 'recorded' : result.error).toEqual({
      code: 'alert-not-queued',
      message: notSavedForManager,
    });
    expect(await db!.restrictions.count()).toBe(0);
    expect(await db!.outbox.count()).toBe(0);
    expect((await db!.audit.toArray()).map((entry) => entry.action)).not.toContain('restriction.recorded');
  });

  it('a restriction changed or ended stays as it was when the alert cannot be queued', async () => {
    const { manager, youngPerson } = await setUp();
    const restrictions = restrictionRepository(db!, clock);
    const recorded = okValue(await restrictions.record(manager, restrictionForm(youngPerson.id)));
    const before = await db!.restrictions.get(recorded.id);
    const auditBefore = await db!.audit.count();
    const outboxBefore = await db!.outbox.count();
    outboxFails(db!);

    const form = restrictionForm(youngPerson.id);
    const changed = await restrictions.change(
      manager,
      recorded.id,
      { ...form, conditions: 'Family room only, with staff.' },
      form.effectiveFrom,
    );
    const ended = await restrictions.end(manager, recorded.id, 'Order discharged');

    expect(changed.ok ? 'changed' : changed.error.message).toBe(notSavedForManager);
    expect(ended.ok ? 'ended' : ended.error.message).toBe(notSavedForManager);
    expect(await db!.restrictions.get(recorded.id)).toEqual(before);
    expect(await db!.restrictionHistory.count()).toBe(0);
    expect(await db!.audit.count()).toBe(auditBefore);
    expect(await db!.outbox.count()).toBe(outboxBefore);
  });

  it('an alert that cannot even be made ready stops the change before anything is written', async () => {
    const { manager, youngPerson } = await setUp();
    db!.staff.hook('reading', () => {
      throw new Error('A staff row could not be read');
    });
    const result = await restrictionRepository(db!, clock).record(manager, restrictionForm(youngPerson.id));
    expect(result.ok ? 'recorded' : result.error.message).toBe(notSavedForManager);
    expect(await db!.restrictions.count()).toBe(0);
  });
});

describe('every change that alerts the PAN group keeps to it', () => {
  it('a visit is neither booked nor cancelled when its alert cannot be queued', async () => {
    const { tutor, youngPerson } = await setUp();
    const visits = visitRepository(db!, clock);
    const context = { timeZone: 'Europe/London' };
    const booking = (date: string) => ({
      youngPersonIds: [youngPerson.id],
      kind: 'phoneCall',
      personIds: [],
      staffIds: [tutor.staff.id],
      date,
      startTime: '14:00',
      endTime: '14:30',
      transport: '',
      notes: '',
      repeat: 'none',
    });
    const kept = okValue(await visits.book(tutor, booking('2026-11-27'), context));
    const keptRow = await db!.visits.get(kept[0]!.id);
    outboxFails(db!);

    const booked = await visits.book(tutor, booking('2026-11-28'), context);
    const cancelled = await visits.setStatus(
      tutor,
      kept[0]!.id,
      { status: 'cancelled', reason: 'Mum unwell' },
      context,
    );

    expect(booked.ok ? 'booked' : booked.error.message).toBe(notSaved);
    expect(cancelled.ok ? 'cancelled' : cancelled.error.message).toBe(notSaved);
    expect(await db!.visits.count()).toBe(1);
    expect(await db!.visits.get(kept[0]!.id)).toEqual(keptRow);
  });

  it('a contact form is not filed, nor anything signed, when its alert cannot be made ready', async () => {
    const { tutor, youngPerson } = await setUp();
    const forms = contactFormRepository(db!, clock);
    const form = okValue(
      await forms.start(
        tutor,
        youngPerson.id,
        formEntry({ isSafeguardingConcern: true, concerns: 'Said he was frightened of the dog.' }),
      ),
    );
    const { sign, signer } = signingSucceeds();
    okValue(await panGroupRepository(db!, clock).addMember(tutor, youngPerson.id, samSocial()));
    // Now the group cannot be read, so nobody's message can be made.
    db!.panGroups.hook('reading', () => {
      throw new Error('A PAN group row could not be read');
    });

    const result = await fileAsTutor(forms, tutor, form, signer);

    expect(result.ok ? 'filed' : result.error.message).toBe(notSaved);
    expect(sign).not.toHaveBeenCalled();
    expect((await forms.get(tutor, form.id))?.status).toBe('draft');
  });

  it('a contact form stays a draft when its alert cannot be written with it', async () => {
    const { tutor, youngPerson } = await setUp();
    const forms = contactFormRepository(db!, clock);
    const form = okValue(await forms.start(tutor, youngPerson.id, formEntry()));
    const { signer } = signingSucceeds();
    outboxFails(db!);

    const result = await fileAsTutor(forms, tutor, form, signer);

    // The main process had already put the signed copy in the case-file folder: it is named, so it
    // is not taken for a filed record, and the audit log notes it.
    expect(result.ok ? 'filed' : result.error.message).toBe(
      `${notSaved} A signed copy was already put in the case-file folder as CN1/form.pdf; it is not a filed record. Delete it from the folder before you file this form again.`,
    );
    expect((await forms.get(tutor, form.id))?.status).toBe('draft');
    expect(await db!.outbox.count()).toBe(0);
    const left = (await db!.audit.toArray()).filter((entry) => entry.action === 'case-file.copy-not-filed');
    expect(left).toMatchObject([{ recordId: form.id }]);
    expect(JSON.stringify(left)).not.toContain('CN1');
  });
});

describe('at the front door the register entry is kept even when its alert is not', () => {
  const turnedAway = (youngPersonId: string) => ({
    visitorName: 'John Smith',
    organisationOrRelationship: '',
    visitingYoungPersonIds: [youngPersonId],
    reason: '',
    isIdChecked: false,
    vehicle: '',
    badgeNumber: '',
    turnedAwayNote: 'Left in a silver car',
  });

  it.each([
    ['the outbox refuses the message', (database: FamilyLinksDb) => outboxFails(database)],
    [
      'the alert cannot even be made ready',
      (database: FamilyLinksDb) =>
        database.panGroups.hook('reading', () => {
          throw new Error('A PAN group row could not be read');
        }),
    ],
  ])(
    'a visitor turned away is recorded when %s, and the care worker is told nobody was emailed',
    async (_, breakIt) => {
      const { careWorker, tutor, youngPerson } = await setUp();
      okValue(
        await panGroupRepository(db!, clock).addMember(
          tutor,
          youngPerson.id,
          samSocial(['visitorTurnedAway']),
        ),
      );
      breakIt(db!);
      const door = visitorLogRepository(db!, careWorker.cipher, clock);

      const result = okValue(
        await door.turnAway(careWorker, turnedAway(youngPerson.id), doorChecker('2026-11-20'), '2026-11-20'),
      );

      // The record is never lost (DESIGN rule 6: a person turned away is recorded too).
      expect(result).toMatchObject({ alerts: 0, isRepeat: false, isAlertNotQueued: true });
      const entries = await door.listArrivedBetween('2026-11-20T00:00:00.000Z', '2026-11-21T00:00:00.000Z');
      expect(entries.map((entry) => [entry.kind, entry.visitorName, entry.turnedAwayNote])).toEqual([
        ['turnedAway', 'John Smith', 'Left in a silver car'],
      ]);
      // Nothing half-queued, and the log says the alert did not go (DESIGN rule 10: never silent).
      expect(await db!.outbox.count()).toBe(0);
      const actions = (await db!.audit.toArray()).map((entry) => entry.action);
      expect(actions).toEqual(
        expect.arrayContaining(['visitor.turned-away', 'visitor.turned-away-not-alerted']),
      );
      expect(actions).not.toContain('outbox.queued');

      // Pressed again: still the one entry, and no second note in the log.
      const again = okValue(
        await door.turnAway(careWorker, turnedAway(youngPerson.id), doorChecker('2026-11-20'), '2026-11-20'),
      );
      expect(again.isRepeat).toBe(true);
      expect(await db!.visitorLog.count()).toBe(1);
      expect(
        (await db!.audit.toArray()).filter((entry) => entry.action.startsWith('visitor.turned-away')),
      ).toHaveLength(2);
    },
  );

  it('a visitor turned away with the alert queued says so, and the log has no failure', async () => {
    const { careWorker, youngPerson } = await setUp();
    const door = visitorLogRepository(db!, careWorker.cipher, clock);
    const result = okValue(
      await door.turnAway(careWorker, turnedAway(youngPerson.id), doorChecker('2026-11-20'), '2026-11-20'),
    );
    expect(result.isAlertNotQueued).toBe(false);
    expect(result.alerts).toBeGreaterThan(0);
    expect(await db!.outbox.count()).toBe(result.alerts);
    expect((await db!.audit.toArray()).map((entry) => entry.action)).not.toContain(
      'visitor.turned-away-not-alerted',
    );
  });
});
