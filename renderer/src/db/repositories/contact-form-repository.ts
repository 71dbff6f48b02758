import { Dexie, type Table } from 'dexie';
import {
  caseFileCopySchema,
  contactFormEntrySchema,
  contactFormReadyToFileSchema,
  contactFormSchema,
  contactFormSettingsSchema,
  contactKinds,
  restrictedPreviewSchema,
  type CaseFileCopy,
  type ContactForm,
  type ContactFormSettings,
  type ContactKind,
  type RestrictedParticipant,
} from '@shared/schemas/contact-forms';
import { can } from '@shared/rules/access';
import { contactFormScope, mayEditContactForm, mayReadContactForm } from '@shared/rules/contact-form-access';
import { contactFormDeadline, defaultContactFormDueHours } from '@shared/rules/contact-form-deadline';
import { restrictedParticipants } from '@shared/rules/contact-form-restrictions';
import { defaultTimeZone, homeSettingsSchema } from '@shared/schemas/home';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import { z } from 'zod';
import type { ContactFormPlainKey, FamilyLinksDb } from '../database';
import { createSealedCodec, type SealedRow } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../../security/session';
import { auditLog } from './audit-log-repository';
import { personCodec } from './people-repository';
import { restrictionCodec } from './restriction-repository';
import { Refusal } from './refusal';
import { uniqueReference } from './contact-form-reference';

const exportedFilesSchema = z
  .array(
    z.object({
      formId: z.uuid(),
      fileName: z.string().min(1).max(200),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  )
  .max(100_000);

export const contactFormCodec = createSealedCodec('contactForms', contactFormSchema, [
  'id',
  'reference',
  'youngPersonId',
  'authorId',
  'dueAt',
  'status',
  'contactEndedAt',
  'restrictionFlaggedAt',
  'amendsFormId',
  'kind',
  'contactStartedAt',
  'filedAt',
  'staffIds',
] satisfies ContactFormPlainKey[]);

export type ContactFormRow = SealedRow<ContactForm, ContactFormPlainKey>;
export type ContactFormError = 'forbidden' | 'invalid' | 'not-found' | 'already-filed' | 'not-ready';

/** The signed PDF kept with a filed form (sealed), and where its case-file copy went. */
/** Where the copy goes in the case-file folder (kept sealed: it holds the case number). */
const caseFilePlaceSchema = z.object({
  caseNumber: z.string().min(1),
  academicYear: z.string().min(1),
  date: z.string().min(1),
  kind: z.string().min(1),
  reference: z.string().min(1),
});
export type CaseFilePlaceRecord = z.infer<typeof caseFilePlaceSchema>;
const signedFileSchema = z.object({
  pdfBase64: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  caseFile: caseFileCopySchema,
  place: caseFilePlaceSchema,
});
export type SignedFile = {
  readonly pdf: Uint8Array;
  readonly sha256: string;
  readonly caseFile: CaseFileCopy;
  readonly place: CaseFilePlaceRecord;
};

export const contactFormSettingsKey = 'contactForms';
/** How long a failed case-file copy waits before the next try: 5 minutes, doubling, at most 6 hours. */
export function retryDelayMinutes(attempts: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempts - 1), 6 * 60);
}

export type DueContact = {
  readonly youngPersonIds: readonly string[];
  readonly kind: ContactKind;
  readonly contactStartedAt?: string;
  readonly contactEndedAt: string;
  readonly visitId?: string;
  readonly authorId: string;
  readonly personIds?: readonly string[];
  readonly staffIds?: readonly string[];
};

const dueContactSchema = z.object({
  youngPersonIds: z.array(z.uuid()).min(1, { message: 'Choose at least one young person.' }),
  kind: z.enum(contactKinds),
  contactStartedAt: z.iso.datetime().optional(),
  contactEndedAt: z.iso.datetime({ message: 'Enter when the contact ended.' }),
  visitId: z.uuid().optional(),
  authorId: z.uuid(),
  personIds: z.array(z.uuid()).default([]),
  staffIds: z.array(z.uuid()).default([]),
});

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}
function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function dayIn(timeZone: string, instant: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/**
 * Contact forms (issue #6; DESIGN rules 1, 2, 6, 8, 10). Rows are sealed: only ids, the reference,
 * dates and the state are plain, for the indexes. Need to know is kept here (`contactFormScope`):
 * whoever asks, a care worker gets only forms they wrote or took part in. Every change is one
 * transaction with its audit entry. A filed form is never changed: a correction is an addendum.
 */
export function contactFormRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = sealedStore(db.contactForms, contactFormCodec);
  const audit = auditLog(db);
  const auditor = (session: Session) => ({ actorId: session.staff.id, auditKey: session.auditKey });

  async function settings(): Promise<ContactFormSettings> {
    const parsed = contactFormSettingsSchema.safeParse(
      (await db.settings.get(contactFormSettingsKey))?.value,
    );
    return parsed.success ? parsed.data : { dueHours: defaultContactFormDueHours };
  }
  async function timeZone(): Promise<string> {
    const parsed = homeSettingsSchema.safeParse((await db.settings.get('home'))?.value);
    return parsed.success ? parsed.data.timeZone : defaultTimeZone;
  }

  async function openVisible(session: Session, rows: readonly ContactFormRow[]): Promise<ContactForm[]> {
    const scope = contactFormScope(session.roles);
    if (scope.kind === 'none') return [];
    // A care worker may be the author (plain, so checked before opening) or a participant (sealed).
    const forms = await store.open(rows, session.cipher);
    return forms.filter((form) => mayReadContactForm(session.roles, session.staff.id, form));
  }

  /** Who is restricted among those recorded: people's names are opened to match by name too. */
  async function restrictedAmong(
    session: Session,
    form: Pick<
      ContactForm,
      'youngPersonId' | 'kind' | 'contactStartedAt' | 'personIds' | 'otherParticipants' | 'staffIds'
    >,
  ) {
    const [restrictionRows, personRows, zone] = await Promise.all([
      db.restrictions.where('youngPersonId').equals(form.youngPersonId).toArray(),
      db.people.bulkGet([...form.personIds]),
      timeZone(),
    ]);
    const [restrictions, people] = await Promise.all([
      Promise.all(restrictionRows.map((row) => restrictionCodec.decode(row, session.cipher))),
      Promise.all(personRows.flatMap((row) => (row ? [personCodec.decode(row, session.cipher)] : []))),
    ]);
    return restrictedParticipants(
      {
        youngPersonId: form.youngPersonId,
        kind: form.kind,
        contactDay: dayIn(zone, form.contactStartedAt),
        people: people.map((person) => ({
          personId: person.id,
          names: [[person.firstName, person.lastName].filter(Boolean).join(' '), ...person.aliases],
        })),
        otherParticipants: form.otherParticipants,
        hasStaff: form.staffIds.length > 0,
      },
      restrictions,
    );
  }

  /** Writes `form` with its audit events, refusing if someone changed or filed it since `expectedIv` was read. */
  async function writeForm(
    session: Session,
    form: ContactForm,
    events: { action: string; detail?: string }[],
    expectedIv: Uint8Array | undefined,
    extra?: () => Promise<void>,
    extraTables: readonly Table[] = [],
  ) {
    const row = await contactFormCodec.encode(form, session.cipher);
    await audit.write(
      auditor(session),
      events.map((event) => ({ ...event, recordType: 'contactForm', recordId: form.id })),
      [db.contactForms, ...extraTables],
      async () => {
        if (expectedIv) {
          const stored = await db.contactForms.get(form.id);
          if (!stored || stored.status !== 'draft' || !sameBytes(stored.sealed.iv, expectedIv)) {
            throw new Refusal(
              fail(
                'already-filed',
                'This form was changed or filed a moment ago, perhaps in another window. Open it again.',
              ).error,
            );
          }
        }
        await db.contactForms.put(row);
        if (extra) await extra();
      },
      clock(),
    );
  }

  async function guarded<T>(
    task: () => Promise<Result<T, ContactFormError>>,
  ): Promise<Result<T, ContactFormError>> {
    try {
      return await task();
    } catch (error) {
      if (error instanceof Refusal)
        return { ok: false, error: error.failure as { code: ContactFormError; message: string } };
      throw error;
    }
  }

  async function editable(session: Session, id: string) {
    const row = await db.contactForms.get(id);
    if (!row)
      return { ok: false as const, failure: fail('not-found', 'That contact form is no longer there.') };
    const form = await contactFormCodec.decode(row, session.cipher);
    if (!mayReadContactForm(session.roles, session.staff.id, form))
      return { ok: false as const, failure: fail('not-found', 'That contact form is no longer there.') };
    if (form.status === 'filed')
      return {
        ok: false as const,
        failure: fail(
          'already-filed',
          'This form is filed and signed, so it cannot change. Write an addendum to correct it.',
        ),
      };
    if (!mayEditContactForm(session.staff.id, form))
      return {
        ok: false as const,
        failure: fail('forbidden', 'Only the person who wrote this form can change or file it.'),
      };
    return { ok: true as const, form, iv: row.sealed.iv };
  }

  /** Applies the author's entry to a draft, works out restricted participants, and returns the events to audit. */
  async function applyEntry(session: Session, current: ContactForm, input: unknown) {
    const parsed = contactFormEntrySchema.safeParse(input);
    if (!parsed.success)
      return {
        ok: false as const,
        failure: fail(
          'invalid',
          'Some details need correcting. Each problem is shown beside its field.',
          fieldMessages(parsed.error),
        ),
      };
    const { durationMinutes, ...entry } = parsed.data;
    const endedAt = new Date(Date.parse(entry.contactStartedAt) + durationMinutes * 60_000).toISOString();
    const { dueHours } = await settings();
    // A form made for a booked contact keeps its clock: it started when the contact ended.
    const dueAt = current.amendsFormId ? current.dueAt : contactFormDeadline(endedAt, dueHours);
    const draft = contactFormSchema.parse({ ...current, ...entry, contactEndedAt: endedAt, dueAt });
    const restricted = await restrictedAmong(session, draft);
    const isNewlyFlagged = restricted.length > 0 && current.restrictionFlaggedAt === undefined;
    const updated = contactFormSchema.parse({
      ...draft,
      restrictedParticipants: restricted,
      ...(isNewlyFlagged ? { restrictionFlaggedAt: clock().toISOString() } : {}),
    });
    const events: { action: string; detail?: string }[] = [
      { action: 'contact-form.saved', detail: updated.kind },
    ];
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
    return { ok: true as const, form: updated, events };
  }

  return {
    /** The home's clock for forms (48 hours unless the manager changes it). */
    settings,

    async saveSettings(
      session: Session,
      input: unknown,
    ): Promise<Result<ContactFormSettings, 'forbidden' | 'invalid'>> {
      if (!can(session.roles, 'settings:manage'))
        return fail(
          'forbidden',
          'Only the Registered Manager can change how long staff have to file a contact form.',
        );
      const parsed = contactFormSettingsSchema.safeParse(input);
      if (!parsed.success) return fail('invalid', 'Check the number of hours.', fieldMessages(parsed.error));
      await audit.write(
        auditor(session),
        [
          {
            action: 'settings.contact-forms-updated',
            recordType: 'settings',
            recordId: contactFormSettingsKey,
            detail: `${parsed.data.dueHours} hours`,
          },
        ],
        [db.settings],
        async () => {
          await db.settings.put({ key: contactFormSettingsKey, value: parsed.data });
        },
        clock(),
      );
      return ok(parsed.data);
    },

    /**
     * A form falls due for a contact that happened (a completed visit, H3): one per young person,
     * owed by `authorId`, due `dueHours` after the contact ended. Made once per visit and young
     * person: calling again for the same visit returns the forms already made.
     */
    async createDueForContact(
      session: Session,
      input: DueContact,
    ): Promise<Result<ContactForm[], ContactFormError>> {
      if (!can(session.roles, 'contact-form:file'))
        return fail('forbidden', 'Your account cannot record contacts. Ask the manager.');
      const parsed = dueContactSchema.safeParse(input);
      if (!parsed.success)
        return fail('invalid', 'The contact’s details are not complete.', fieldMessages(parsed.error));
      const contact = parsed.data;
      if (contact.contactStartedAt && contact.contactStartedAt > contact.contactEndedAt)
        return fail('invalid', 'The contact ends before it starts. Check the times.');
      const { dueHours } = await settings();
      const existing = contact.visitId
        ? await store.open(
            await db.contactForms
              .where('youngPersonId')
              .anyOf([...contact.youngPersonIds])
              .toArray(),
            session.cipher,
          )
        : [];
      const already = existing.filter((form) => form.visitId === contact.visitId);
      const wanted = contact.youngPersonIds.filter(
        (youngPersonId) => !already.some((form) => form.youngPersonId === youngPersonId),
      );
      const references = await Promise.all(wanted.map(() => uniqueReference(db, contact.contactEndedAt)));
      const forms = wanted.map((youngPersonId, index) =>
        contactFormSchema.parse({
          id: crypto.randomUUID(),
          reference: references[index],
          youngPersonId,
          ...(contact.visitId ? { visitId: contact.visitId } : {}),
          kind: contact.kind,
          contactStartedAt: contact.contactStartedAt ?? contact.contactEndedAt,
          contactEndedAt: contact.contactEndedAt,
          dueAt: contactFormDeadline(contact.contactEndedAt, dueHours),
          authorId: contact.authorId,
          personIds: contact.personIds,
          staffIds: contact.staffIds.includes(contact.authorId)
            ? contact.staffIds
            : [contact.authorId, ...contact.staffIds],
          isSafeguardingConcern: false,
          status: 'draft',
        }),
      );
      if (forms.length === 0) return ok(already);
      const rows = await store.seal(forms, session.cipher);
      await audit.write(
        auditor(session),
        forms.map((form) => ({
          action: 'contact-form.due',
          recordType: 'contactForm',
          recordId: form.id,
          detail: `${form.kind}${form.visitId ? ' (visit)' : ''}`,
        })),
        [db.contactForms],
        async () => {
          await db.contactForms.bulkAdd(rows);
        },
        clock(),
      );
      return ok([...already, ...forms]);
    },

    /**
     * A bulk path for imports (the test fixture's years of forms): checked, sealed, then written
     * 10,000 to a transaction with one audit entry each. Manager only.
     */
    async addMany(
      session: Session,
      forms: readonly ContactForm[],
    ): Promise<Result<number, ContactFormError>> {
      if (!can(session.roles, 'settings:manage'))
        return fail('forbidden', 'Only the Registered Manager can import contact forms.');
      const checked = forms.map((form) => contactFormSchema.parse(form));
      for (let start = 0; start < checked.length; start += 10_000) {
        const chunk = checked.slice(start, start + 10_000);
        const rows = await store.seal(chunk, session.cipher);
        await audit.write(
          auditor(session),
          [{ action: 'contact-form.imported', recordType: 'contactForm', detail: `${chunk.length} forms` }],
          [db.contactForms],
          async () => {
            await db.contactForms.bulkAdd(rows);
          },
          clock(),
        );
      }
      return ok(checked.length);
    },

    /**
     * Who among the people named so far is restricted, before the form is saved, so the author is
     * told while writing rather than after. Nothing is stored and nobody is alerted: saving does
     * that. Only for staff who record contacts; unusable input gives an empty list.
     */
    async restrictedPreview(session: Session, input: unknown): Promise<RestrictedParticipant[]> {
      if (!can(session.roles, 'contact-form:file')) return [];
      const parsed = restrictedPreviewSchema.safeParse(input);
      if (!parsed.success) return [];
      return restrictedAmong(session, parsed.data);
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
      const entry = contactFormEntrySchema.safeParse(input);
      if (!entry.success)
        return fail(
          'invalid',
          'Some details need correcting. Each problem is shown beside its field.',
          fieldMessages(entry.error),
        );
      const blank = contactFormSchema.parse({
        id,
        reference: await uniqueReference(db, entry.data.contactStartedAt),
        youngPersonId,
        kind: entry.data.kind,
        contactStartedAt: entry.data.contactStartedAt,
        contactEndedAt: entry.data.contactStartedAt,
        dueAt: entry.data.contactStartedAt,
        authorId: session.staff.id,
        isSafeguardingConcern: false,
        status: 'draft',
      });
      const applied = await applyEntry(session, blank, input);
      if (!applied.ok) return applied.failure;
      await writeForm(
        session,
        applied.form,
        [{ action: 'contact-form.started', detail: applied.form.kind }, ...applied.events.slice(1)],
        undefined,
      );
      return ok(applied.form);
    },

    /** Saves the author's changes to a draft form. */
    async save(session: Session, id: string, input: unknown): Promise<Result<ContactForm, ContactFormError>> {
      return guarded(async () => {
        const found = await editable(session, id);
        if (!found.ok) return found.failure;
        const applied = await applyEntry(session, found.form, input);
        if (!applied.ok) return applied.failure;
        await writeForm(session, applied.form, applied.events, found.iv);
        return ok(applied.form);
      });
    },

    /** One form, if this person may read it; someone else's reads as not found. */
    async get(session: Session, id: string): Promise<ContactForm | undefined> {
      const row = await db.contactForms.get(id);
      if (!row) return undefined;
      const [form] = await openVisible(session, [row]);
      return form;
    },

    /**
     * The forms `authorId` still owes (drafts), soonest due first, read by the [author, status,
     * due] index: the cost is the person's own drafts, however many forms the home has filed.
     */
    async owedBy(session: Session, authorId: string = session.staff.id): Promise<ContactForm[]> {
      if (authorId !== session.staff.id && !can(session.roles, 'contact-form:read-all')) return [];
      const rows = await db.contactForms
        .where('[authorId+status+dueAt]')
        .between([authorId, 'draft', Dexie.minKey], [authorId, 'draft', Dexie.maxKey])
        .toArray();
      return store.open(rows, session.cipher);
    },

    /** A young person's forms whose contact ended in [from, to) (ISO instants), oldest first (H6's termly review). */
    async listForYoungPerson(
      session: Session,
      youngPersonId: string,
      from: string,
      to: string,
    ): Promise<ContactForm[]> {
      const rows = await db.contactForms
        .where('[youngPersonId+contactEndedAt]')
        .between([youngPersonId, from], [youngPersonId, to], true, false)
        .toArray();
      return openVisible(session, rows);
    },

    /** Every form (this person may read) whose contact ended in [from, to), oldest first: a term's. */
    async listBetween(session: Session, from: string, to: string): Promise<ContactForm[]> {
      return openVisible(
        session,
        await db.contactForms.where('contactEndedAt').between(from, to, true, false).toArray(),
      );
    },

    /** The addenda that correct a filed form, oldest first. */
    async addendaOf(session: Session, formId: string): Promise<ContactForm[]> {
      const rows = await db.contactForms.where('amendsFormId').equals(formId).toArray();
      return (await openVisible(session, rows)).sort((a, b) =>
        (a.filedAt ?? '').localeCompare(b.filedAt ?? ''),
      );
    },

    /**
     * For the manager's home screen: forms that recorded a restricted person as taking part, flagged
     * since `since` (ISO), newest first; and safeguarding concerns among them are shown as such.
     */
    async restrictionAlerts(session: Session, since: string): Promise<ContactForm[]> {
      if (!can(session.roles, 'restriction:override')) return [];
      const rows = await db.contactForms
        .where('restrictionFlaggedAt')
        .aboveOrEqual(since)
        .reverse()
        .sortBy('restrictionFlaggedAt');
      return store.open(rows, session.cipher);
    },

    /** Checks a draft is complete enough to sign; the signing screen asks this before drawing the PDF. */
    readyToFile(form: ContactForm): Result<void, 'not-ready'> {
      const parsed = contactFormReadyToFileSchema.safeParse(form);
      if (!parsed.success)
        return fail(
          'not-ready',
          'Some details are needed before the form can be signed.',
          fieldMessages(parsed.error),
        );
      return ok(undefined);
    },

    /**
     * Files a signed form: the form becomes immutable, its signed PDF is kept (sealed) with its
     * SHA-256, and a copy that could not reach the case-file folder waits in the retry queue. One
     * transaction: either all of it is stored or none.
     */
    async file(
      session: Session,
      id: string,
      signed: SignedFile & { readonly filedAt: string },
    ): Promise<Result<ContactForm, ContactFormError>> {
      return guarded(async () => {
        const found = await editable(session, id);
        if (!found.ok) return found.failure;
        const ready = contactFormReadyToFileSchema.safeParse(found.form);
        if (!ready.success)
          return fail(
            'not-ready',
            'Some details are needed before the form can be signed.',
            fieldMessages(ready.error),
          );
        const filed = contactFormSchema.parse({
          ...found.form,
          status: 'filed',
          filedAt: signed.filedAt,
          signedPdfSha256: signed.sha256,
        });
        const fileRow = {
          id,
          sealed: await session.cipher.seal(
            `contactFormFiles:${id}`,
            signedFileSchema.parse({
              pdfBase64: base64Of(signed.pdf),
              sha256: signed.sha256,
              caseFile: signed.caseFile,
              place: signed.place,
            }),
          ),
        };
        const events = [
          {
            action: filed.amendsFormId ? 'contact-form.addendum-filed' : 'contact-form.filed',
            detail: `sha256 ${signed.sha256}`,
          },
          signed.caseFile.state === 'written'
            ? { action: 'case-file.written', detail: `sha256 ${signed.sha256}` }
            : { action: 'case-file.queued', detail: signed.caseFile.code },
        ];
        await writeForm(
          session,
          filed,
          events,
          found.iv,
          async () => {
            await db.contactFormFiles.add(fileRow);
            if (signed.caseFile.state === 'queued') {
              await db.caseFileQueue.put({
                id,
                attempts: 1,
                lastError: signed.caseFile.message,
                queuedAt: signed.caseFile.queuedAt,
                nextAttemptAt: new Date(
                  Date.parse(signed.caseFile.queuedAt) + retryDelayMinutes(1) * 60_000,
                ).toISOString(),
              });
            }
          },
          [db.contactFormFiles, db.caseFileQueue],
        );
        return ok(filed);
      });
    },

    /** The signed PDF of a filed form this person may read. */
    /**
     * After signed forms were exported: one audit entry per file written, naming the form, the
     * file and the SHA-256 of the bytes that left (as the main process measured them), and the
     * disclosure that says why. Only forms this person may read, and only hashes, are recorded.
     */
    async recordExport(
      session: Session,
      disclosureId: string,
      files: unknown,
    ): Promise<Result<number, ContactFormError>> {
      const parsed = exportedFilesSchema.safeParse(files);
      if (!parsed.success)
        return fail('invalid', 'The list of exported files could not be read, so it was not recorded.');
      const readable = [];
      for (const file of parsed.data) if (await this.get(session, file.formId)) readable.push(file);
      if (readable.length === 0) return ok(0);
      await audit.write(
        auditor(session),
        readable.map((file) => ({
          action: 'contact-form.exported',
          recordType: 'contactForm',
          recordId: file.formId,
          detail: `${file.fileName}, SHA-256 ${file.sha256}, disclosure ${disclosureId}`,
        })),
        [],
        () => Promise.resolve(),
        clock(),
      );
      return ok(readable.length);
    },

    async signedFile(session: Session, id: string): Promise<SignedFile | undefined> {
      if (!(await this.get(session, id))) return undefined;
      const row = await db.contactFormFiles.get(id);
      if (!row) return undefined;
      const stored = signedFileSchema.parse(await session.cipher.open(`contactFormFiles:${id}`, row.sealed));
      return {
        pdf: bytesOf(stored.pdfBase64),
        sha256: stored.sha256,
        caseFile: stored.caseFile,
        place: stored.place,
      };
    },

    /** Copies waiting for the case-file folder, oldest first (anyone signed in may see and retry them). */
    async waitingCopies(): Promise<
      { id: string; attempts: number; lastError: string; queuedAt: string; nextAttemptAt: string }[]
    > {
      return (await db.caseFileQueue.toArray()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
    },

    /** Copies due another try at `now`. */
    async copiesDue(now: Date): Promise<string[]> {
      return (await db.caseFileQueue.where('nextAttemptAt').belowOrEqual(now.toISOString()).toArray()).map(
        (row) => row.id,
      );
    },

    /**
     * The signed bytes and where they go, for a retry: read with the data key, so any signed-in
     * person's session can retry any copy (the bytes go only to the case-file folder).
     */
    async copyToRetry(
      session: Session,
      id: string,
    ): Promise<{ form: ContactForm; file: SignedFile } | undefined> {
      const [row, fileRow] = await Promise.all([db.contactForms.get(id), db.contactFormFiles.get(id)]);
      if (!row || !fileRow) return undefined;
      const form = await contactFormCodec.decode(row, session.cipher);
      const stored = signedFileSchema.parse(
        await session.cipher.open(`contactFormFiles:${id}`, fileRow.sealed),
      );
      return {
        form,
        file: {
          pdf: bytesOf(stored.pdfBase64),
          sha256: stored.sha256,
          caseFile: stored.caseFile,
          place: stored.place,
        },
      };
    },

    /** A retry's outcome: written (the copy leaves the queue) or still failing (tried again later). */
    async recordRetry(session: Session, id: string, outcome: CaseFileCopy): Promise<void> {
      const fileRow = await db.contactFormFiles.get(id);
      const queued = await db.caseFileQueue.get(id);
      if (!fileRow || !queued) return;
      const stored = signedFileSchema.parse(
        await session.cipher.open(`contactFormFiles:${id}`, fileRow.sealed),
      );
      if (outcome.state === 'written') {
        const sealed = await session.cipher.seal(`contactFormFiles:${id}`, { ...stored, caseFile: outcome });
        await audit.write(
          auditor(session),
          [
            {
              action: 'case-file.written',
              recordType: 'contactForm',
              recordId: id,
              detail: `sha256 ${stored.sha256} after ${queued.attempts + 1} tries`,
            },
          ],
          [db.contactFormFiles, db.caseFileQueue],
          async () => {
            await db.contactFormFiles.put({ id, sealed });
            await db.caseFileQueue.delete(id);
          },
          clock(),
        );
        return;
      }
      const attempts = queued.attempts + 1;
      const now = clock();
      await audit.write(
        auditor(session),
        [{ action: 'case-file.retry-failed', recordType: 'contactForm', recordId: id, detail: outcome.code }],
        [db.caseFileQueue],
        async () => {
          await db.caseFileQueue.put({
            ...queued,
            attempts,
            lastError: outcome.message,
            nextAttemptAt: new Date(now.getTime() + retryDelayMinutes(attempts) * 60_000).toISOString(),
          });
        },
        now,
      );
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
      const original = await this.get(session, originalId);
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
      await writeForm(
        session,
        addendum,
        [{ action: 'contact-form.addendum-started', detail: `amends sha256 ${original.signedPdfSha256}` }],
        undefined,
      );
      return ok(addendum);
    },
  };
}
export type ContactFormRepository = ReturnType<typeof contactFormRepository>;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
