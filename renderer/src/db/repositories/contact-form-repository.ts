import {
  contactFormEntrySchema,
  contactFormReadyToFileSchema,
  contactFormSchema,
  restrictedPreviewSchema,
  type ContactForm,
  type RestrictedParticipant,
} from '@shared/schemas/contact-forms';
import { can } from '@shared/rules/access';
import { mayEditContactForm, mayReadContactForm } from '@shared/rules/contact-form-access';
import { contactFormDeadline } from '@shared/rules/contact-form-deadline';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import { recordWriter, type WriteStep } from '../record-writer';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { caseFileCopyRepository } from './case-file-copy-repository';
import { validForm } from './permitted-form';
import { contactFormCodec, type ContactFormRow } from './contact-form-codec';
import { contactFormExportAudit } from './contact-form-export-audit';
import { contactFormReads } from './contact-form-reads';
import { contactFormSettingsRepository } from './contact-form-settings-repository';
import { contactFormsDue } from './contact-forms-due';
import { formActionRepository } from './form-action-repository';
import { uniqueReference } from './contact-form-reference';
import { homeSettingsRepository } from './home-settings-repository';
import type { AlertNotQueued, AlertsForChange } from './pan-alerts-with-change';
import { restrictionRepository } from './restriction-repository';
import { signedPdfRepository, type SignedFile } from './signed-pdf-repository';

export type ContactFormError =
  'forbidden' | 'invalid' | 'not-found' | 'already-filed' | 'not-ready' | AlertNotQueued;

const entryInvalidMessage = 'Some details need correcting. Each problem is shown beside its field.';
const futureStartMessage =
  'That is later than now, and a contact form is for a contact that has happened. Check the date and the time it started.';

/** What a change to one form records: the form itself is the audit entry's record. */
type FormEvent = { readonly action: string; readonly detail?: string };

/**
 * Contact forms as they are written, signed and corrected (DESIGN rules 1, 2, 6, 8, 10). Every
 * change is one transaction with its audit entry. A filed form is never changed: a correction is an
 * addendum. Callers get one object: the reads (and who may read what) are in contact-form-reads.ts,
 * the home's hours to file in contact-form-settings-repository.ts, the signed PDFs and the
 * case-file copies in their own repositories.
 */
export function contactFormRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = sealedStore(db.contactForms, contactFormCodec);
  const pdfs = signedPdfRepository(db);
  const caseFileCopies = caseFileCopyRepository(db, clock);
  const restrictions = restrictionRepository(db, clock);
  const records = recordWriter(db, clock);
  const reads = contactFormReads(db);
  const formSettings = contactFormSettingsRepository(db, clock);
  const formActions = formActionRepository(db, clock);
  const settings = () => formSettings.settings();

  async function timeZone(): Promise<string> {
    return homeSettingsRepository(db).timeZone();
  }

  /**
   * Writes `form` with its audit events. A form opened from `replacing` is refused if someone
   * changed or filed it since; `alsoWrite` goes in the same transaction (the signed PDF at filing).
   */
  function writeForm({
    session,
    form,
    events,
    replacing,
    alsoWrite = [],
    alerts,
  }: {
    readonly session: Session;
    readonly form: ContactForm;
    readonly events: readonly FormEvent[];
    readonly replacing?: ContactFormRow | undefined;
    readonly alsoWrite?: readonly WriteStep[];
    readonly alerts?: AlertsForChange | undefined;
  }) {
    return records.write(session, {
      events: [
        ...events.map((event) => ({ ...event, recordType: 'contactForm', recordId: form.id })),
        ...(alerts?.events ?? []),
      ],
      writes: [
        replacing
          ? store.replace(
              replacing,
              form,
              fail(
                'already-filed',
                'This form was changed or filed a moment ago, perhaps in another window. Open it again.',
              ),
            )
          : store.put(form),
        ...alsoWrite,
        ...(alerts?.writes ?? []),
      ],
    });
  }

  /** A draft its author may change, with the row it was opened from (so a change made meanwhile is refused). */
  async function editable(
    session: Session,
    id: string,
  ): Promise<Result<{ form: ContactForm; row: ContactFormRow }, ContactFormError>> {
    const row = await db.contactForms.get(id);
    const form = row ? await contactFormCodec.decode(row, session.cipher) : undefined;
    if (!row || !form || !mayReadContactForm(session.roles, session.staff.id, form))
      return fail('not-found', 'That contact form is no longer there.');
    if (form.status === 'filed')
      return fail(
        'already-filed',
        'This form is filed and signed, so it cannot change. Write an addendum to correct it.',
      );
    if (!mayEditContactForm(session.staff.id, form))
      return fail('forbidden', 'Only the person who wrote this form can change or file it.');
    return ok({ form, row });
  }

  /** Applies the author's entry to a draft, works out restricted participants, and returns the events to audit. */
  async function applyEntry(
    session: Session,
    current: ContactForm,
    input: unknown,
  ): Promise<Result<{ form: ContactForm; events: FormEvent[] }, ContactFormError>> {
    const parsed = validForm(contactFormEntrySchema, input, entryInvalidMessage);
    if (!parsed.ok) return parsed;
    const { durationMinutes, ...entry } = parsed.value;
    // A form records a contact that has happened. A start typed in the future (a slip of the day
    // or the year) would put its deadline days or a year away, so it would never show as late.
    if (Date.parse(entry.contactStartedAt) > clock().getTime())
      return fail('invalid', futureStartMessage, { contactStartedAt: futureStartMessage });
    const endedAt = new Date(Date.parse(entry.contactStartedAt) + durationMinutes * 60_000).toISOString();
    const { dueHours } = await settings();
    // A form made for a booked contact keeps its clock: it started when the contact ended.
    const dueAt = current.amendsFormId ? current.dueAt : contactFormDeadline(endedAt, dueHours);
    // An answer taken back (no point chosen, no day told) goes from the form, not left as it was.
    const cleared = { familyFeeling: undefined, toldNextOn: undefined, toldNextById: undefined };
    const draft = contactFormSchema.parse({
      ...current,
      ...cleared,
      ...entry,
      contactEndedAt: endedAt,
      dueAt,
    });
    const restricted = await restrictions.restrictedAmong(session, draft, await timeZone());
    const isNewlyFlagged = restricted.length > 0 && current.restrictionFlaggedAt === undefined;
    const updated = contactFormSchema.parse({
      ...draft,
      restrictedParticipants: restricted,
      ...(isNewlyFlagged ? { restrictionFlaggedAt: clock().toISOString() } : {}),
    });
    const events: FormEvent[] = [{ action: 'contact-form.saved', detail: updated.kind }];
    if (
      restricted.some(
        (item) =>
          !current.restrictedParticipants.some((before) => before.restrictionId === item.restrictionId),
      )
    ) {
      events.push({
        action: 'contact-form.restricted-participant',
        detail: restricted.map((item) => item.verdict).join(','),
      });
    }
    return ok({ form: updated, events });
  }

  /** Checks a draft is complete enough to sign; the signing screen asks this before drawing the PDF. */
  function readyToFile(form: ContactForm): Result<void, 'not-ready'> {
    const parsed = contactFormReadyToFileSchema.safeParse(form);
    if (!parsed.success)
      return fail(
        'not-ready',
        'Some details are needed before the form can be signed.',
        fieldMessages(parsed.error),
      );
    return ok(undefined);
  }

  return {
    ...reads,
    ...formSettings,
    ...contactFormsDue(db, clock),
    ...contactFormExportAudit(db, reads, clock),

    /**
     * Who among the people named so far is restricted, before the form is saved, so the author is
     * told while writing rather than after. Nothing is stored and nobody is alerted: saving does
     * that. Only for staff who record contacts; unusable input gives an empty list.
     */
    async restrictedPreview(session: Session, input: unknown): Promise<RestrictedParticipant[]> {
      if (!can(session.roles, 'contact-form:file')) return [];
      const parsed = restrictedPreviewSchema.safeParse(input);
      if (!parsed.success) return [];
      return restrictions.restrictedAmong(session, parsed.data, await timeZone());
    },

    /**
     * The author starts a form for a contact nobody booked (a phone call, a chance meeting). `id`
     * is the one the screen gave the new form when it opened (its draft is kept under it).
     */
    async start(
      session: Session,
      youngPersonId: string,
      input: unknown,
      id: string = crypto.randomUUID(),
    ): Promise<Result<ContactForm, ContactFormError>> {
      if (!can(session.roles, 'contact-form:file'))
        return fail('forbidden', 'Your account cannot record contacts. Ask the manager.');
      if (await db.contactForms.get(id))
        return fail('invalid', 'This form has been saved already. Open it from your contact forms.');
      if (!(await db.youngPeople.get(youngPersonId)))
        return fail('invalid', 'Choose a young person from the list.', {
          youngPersonId: 'Choose a young person from the list.',
        });
      const entry = validForm(contactFormEntrySchema, input, entryInvalidMessage);
      if (!entry.ok) return entry;
      const blank = contactFormSchema.parse({
        id,
        reference: await uniqueReference(db, entry.value.contactStartedAt, await timeZone()),
        youngPersonId,
        kind: entry.value.kind,
        contactStartedAt: entry.value.contactStartedAt,
        contactEndedAt: entry.value.contactStartedAt,
        dueAt: entry.value.contactStartedAt,
        authorId: session.staff.id,
        isSafeguardingConcern: false,
        status: 'draft',
      });
      const applied = await applyEntry(session, blank, input);
      if (!applied.ok) return applied;
      await writeForm({
        session,
        form: applied.value.form,
        events: [
          { action: 'contact-form.started', detail: applied.value.form.kind },
          ...applied.value.events.slice(1),
        ],
      });
      return ok(applied.value.form);
    },

    /** Saves the author's changes to a draft form. */
    async save(session: Session, id: string, input: unknown): Promise<Result<ContactForm, ContactFormError>> {
      const found = await editable(session, id);
      if (!found.ok) return found;
      const applied = await applyEntry(session, found.value.form, input);
      if (!applied.ok) return applied;
      const written = await writeForm({
        session,
        form: applied.value.form,
        events: applied.value.events,
        replacing: found.value.row,
      });
      return written.ok ? ok(applied.value.form) : written;
    },

    readyToFile,

    /**
     * Files a signed form: the form becomes immutable, its signed PDF is kept (sealed) with its
     * SHA-256, a copy that could not reach the case-file folder waits in the retry queue, and
     * `alerts` (to the PT and the PAN group, DESIGN rule 2) are queued. One transaction: either all
     * of it is stored or none.
     */
    async file(
      session: Session,
      id: string,
      signed: SignedFile & { readonly filedAt: string },
      alerts?: AlertsForChange,
    ): Promise<Result<ContactForm, ContactFormError>> {
      const found = await editable(session, id);
      if (!found.ok) return found;
      const ready = readyToFile(found.value.form);
      if (!ready.ok) return ready;
      const filed = contactFormSchema.parse({
        ...found.value.form,
        status: 'filed',
        filedAt: signed.filedAt,
        signedPdfSha256: signed.sha256,
      });
      // Its agreed actions become tracked items in the same transaction: filed and tracked, or neither.
      const tracked = await formActions.trackAtFiling(session, filed);
      const events = [
        {
          action: filed.amendsFormId ? 'contact-form.addendum-filed' : 'contact-form.filed',
          detail: `sha256 ${signed.sha256}`,
        },
        signed.caseFile.state === 'written'
          ? { action: 'case-file.written', detail: `sha256 ${signed.sha256}` }
          : { action: 'case-file.queued', detail: signed.caseFile.code },
        ...tracked.events,
      ];
      const written = await writeForm({
        session,
        form: filed,
        events,
        replacing: found.value.row,
        alsoWrite: [
          pdfs.keep(id, signed),
          ...(signed.caseFile.state === 'queued' ? [caseFileCopies.queueAtFiling(id, signed.caseFile)] : []),
          ...tracked.writes,
        ],
        alerts,
      });
      if (!written.ok) return written;
      alerts?.announce();
      return ok(filed);
    },

    /**
     * A correction to a filed form: a new draft addendum naming the original and its file's SHA-256,
     * starting from the original's content. The author edits it and signs it like any form.
     */
    async startAddendum(
      session: Session,
      originalId: string,
      reason: string,
    ): Promise<Result<ContactForm, ContactFormError>> {
      if (!can(session.roles, 'contact-form:file'))
        return fail('forbidden', 'Your account cannot record contacts. Ask the manager.');
      const original = await reads.get(session, originalId);
      if (!original) return fail('not-found', 'That contact form is no longer there.');
      if (original.status !== 'filed' || !original.signedPdfSha256)
        return fail('invalid', 'Only a filed form needs an addendum: change the draft itself.');
      const trimmed = reason.trim();
      if (trimmed === '')
        return fail('invalid', 'Say what the addendum corrects.', {
          reason: 'Say what the addendum corrects.',
        });
      const { dueHours } = await settings();
      const count = await db.contactForms.where('amendsFormId').equals(originalId).count();
      const addendum = contactFormSchema.parse({
        ...original,
        id: crypto.randomUUID(),
        reference: `${original.reference}-A${count + 1}`,
        authorId: session.staff.id,
        status: 'draft',
        filedAt: undefined,
        signedPdfSha256: undefined,
        restrictionFlaggedAt: undefined,
        restrictedParticipants: [],
        // An addendum is owed by its author like any form, from when it was started.
        dueAt: contactFormDeadline(clock().toISOString(), dueHours),
        amendsFormId: original.id,
        amendsSha256: original.signedPdfSha256,
        amendmentReason: trimmed,
      });
      await writeForm({
        session,
        form: addendum,
        events: [
          { action: 'contact-form.addendum-started', detail: `amends sha256 ${original.signedPdfSha256}` },
        ],
      });
      return ok(addendum);
    },
  };
}
export type ContactFormRepository = ReturnType<typeof contactFormRepository>;
