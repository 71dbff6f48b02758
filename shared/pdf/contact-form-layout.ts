import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describeSpan, formatDeadlineInstant } from '../rules/contact-form-deadline';
import type { ContactFormCopy } from '../rules/contact-form-filing';
import { contactKindLabels } from '../schemas/contact-forms';
import { PageFlow, quietInk } from './page-flow';

/**
 * Everything the case-file copy shows, as plain data: the caller has already chosen what may appear
 * (initials and case number rather than the young person's full name, per need to know) and worked
 * out how late the form is. Fonts arrive as bytes because shared/ cannot read files.
 */
export type ContactFormPdfInput = Omit<ContactFormCopy, 'participants' | 'actions' | 'timeZone'> & {
  /** Read only, so a caller may hand over its own lists. */
  readonly participants: readonly string[];
  readonly actions?: readonly Readonly<ContactFormCopy['actions'][number]>[];
  readonly timeZone?: string;
  /** The signature drawn on screen, as PNG bytes; absent when the author did not draw one. */
  readonly drawnSignaturePng?: Uint8Array;
  readonly fonts: { readonly regular: Uint8Array; readonly bold: Uint8Array };
};

const orNothing = (text: string, nothing: string): string => (text.trim() === '' ? nothing : text);

const ukDay = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Tue 24 Nov 2026" from YYYY-MM-DD, in UTC so no zone moves the day; no comma after the weekday. */
function ukDayOf(isoDate: string): string {
  const parts = Object.fromEntries(
    ukDay.formatToParts(new Date(`${isoDate}T00:00:00Z`)).map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/**
 * Builds the contact form's PDF document (not yet saved), so the signer can add its placeholder
 * without parsing the bytes again.
 */
export async function buildContactFormDocument(input: ContactFormPdfInput): Promise<PDFDocument> {
  const zone = input.timeZone ?? 'Europe/London';
  const at = (iso: string) => formatDeadlineInstant(iso, zone);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  // Subsetting keeps a one-page form to tens of kilobytes instead of 1.5 MB of font.
  const fonts = {
    regular: await doc.embedFont(input.fonts.regular, { subset: true }),
    bold: await doc.embedFont(input.fonts.bold, { subset: true }),
  };
  const title = input.addendumTo
    ? `Addendum to contact form ${input.addendumTo.reference}`
    : `Contact form ${input.reference}`;
  const filedAt = new Date(input.filedAt);
  doc.setTitle(title);
  doc.setAuthor(input.author.name);
  doc.setSubject(
    `${contactKindLabels[input.kind]} for ${input.youngPerson.initials} (case ${input.youngPerson.caseNumber})`,
  );
  doc.setCreator('Family Links');
  doc.setProducer('Family Links');
  doc.setCreationDate(filedAt);
  doc.setModificationDate(filedAt);

  const flow = new PageFlow(doc, fonts);
  flow.title(title, `${input.homeName} · reference ${input.reference}`);

  if (input.addendumTo) {
    flow.heading('What this addendum corrects', { isShaded: true });
    flow.field('Original form', input.addendumTo.reference);
    flow.field('Original file SHA-256', input.addendumTo.sha256);
    flow.field('Reason', input.addendumTo.reason);
    flow.paragraph('The original form is unchanged and stays in the case file. Read both together.', {
      size: 9.5,
      color: quietInk,
    });
  }

  flow.heading('The contact');
  flow.field('Young person', `${input.youngPerson.initials} (case ${input.youngPerson.caseNumber})`);
  flow.field('Kind of contact', contactKindLabels[input.kind]);
  flow.field('Started', at(input.contactStartedAt));
  flow.field('Ended', at(input.contactEndedAt));
  flow.field('Who took part', input.participants.length > 0 ? input.participants.join(', ') : 'Not recorded');
  flow.field('Form due by', at(input.dueAt));
  const hoursLate = input.hoursLate ?? 0;
  flow.field('Filed', at(input.filedAt));
  flow.field('Filed on time?', hoursLate > 0 ? `No: filed ${describeSpan(hoursLate)} late` : 'Yes', {
    isWarning: hoursLate > 0,
  });
  flow.field(
    'Safeguarding concern',
    input.isSafeguardingConcern ? 'Yes: follow the safeguarding procedure' : 'No',
    { isWarning: input.isSafeguardingConcern },
  );

  flow.heading('What happened');
  flow.paragraph(orNothing(input.whatHappened, 'Nothing recorded.'));

  // The policy asks for the young person's own voice: its own shaded section, never merged with others.
  flow.heading('The young person’s own views and feelings', {
    isShaded: true,
    note: 'In their words where possible.',
  });
  flow.paragraph(orNothing(input.youngPersonViews, 'Not recorded.'));
  // Seed 003 §3.1: views gathered and then ignored are the failure the policy names, so the copy
  // says how they were used and whether the young person was told.
  const voices = input.voices;
  if (voices) {
    flow.heading('How their views were used');
    flow.paragraph(orNothing(voices.viewsUsed, 'Not recorded.'));
    flow.heading('Told them what happened next');
    flow.paragraph(
      voices.toldNext ? `On ${ukDayOf(voices.toldNext.on)}, by ${voices.toldNext.by}` : 'Not yet recorded.',
    );
  }

  flow.heading('The family’s views');
  flow.paragraph(orNothing(input.familyViews, 'Not recorded.'));
  // Seed 004 §4: parents have regular opportunities to express their views about our work.
  if (voices) {
    flow.heading('How the family felt about our work');
    flow.field('Their answer', voices.familyFeeling);
    flow.paragraph(orNothing(voices.familyFeelingWords, 'No words of theirs recorded.'));
  }

  flow.heading('Concerns');
  flow.paragraph(orNothing(input.concerns, 'None recorded.'));

  if (input.actions && input.actions.length > 0) {
    flow.heading('Actions');
    input.actions.forEach((item, index) => {
      flow.paragraph(`${index + 1}. ${item.action}`);
      flow.paragraph(`Who: ${item.owner}${item.dueOn ? ` · by ${ukDayOf(item.dueOn)}` : ''}`, {
        size: 9.5,
        color: quietInk,
        indent: 14,
      });
    });
  }

  // The signature block is never split from its heading or across pages.
  flow.heading('Signed', { keepWithNext: input.drawnSignaturePng ? 170 : 100 });
  if (input.drawnSignaturePng) flow.image(await doc.embedPng(input.drawnSignaturePng), 200, 64);
  flow.paragraph(input.author.name, { isBold: true, size: 11.5 });
  flow.field('Role', input.author.role);
  flow.field('Signed at', at(input.filedAt));
  flow.space(4);
  flow.paragraph(
    `This file carries a digital signature made with ${input.author.name}’s own certificate, issued by ${input.homeName}. Any change to the file after signing shows as tampering when the signature is checked.`,
    { size: 8.5, color: quietInk },
  );

  flow.finish(
    { left: `${input.homeName} · Contact form · Confidential`, right: `Ref ${input.reference}` },
    `${input.youngPerson.initials} · case ${input.youngPerson.caseNumber} · filed ${at(input.filedAt)}`,
  );
  return doc;
}

/** The contact form as PDF bytes (unsigned). */
export async function layoutContactFormPdf(input: ContactFormPdfInput): Promise<Uint8Array> {
  const doc = await buildContactFormDocument(input);
  return doc.save({ useObjectStreams: false });
}
