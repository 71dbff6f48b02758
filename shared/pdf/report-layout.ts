import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { ReportContent } from '../ipc/channels/documents';
import { formatDeadlineInstant } from '../rules/contact-form-deadline';
import { PageFlow, quietInk } from './page-flow';
import { unreachable } from '../unreachable';

/**
 * A generic signed report (a staff member's declarations, the termly review): a title, a subtitle,
 * sections of paragraphs, label-and-value fields and simple tables, then a signature block naming
 * who signed it and when. Page numbers and the reference run on every page. Fonts arrive as bytes
 * because shared/ cannot read files.
 */
export type ReportPdfInput = ReportContent & {
  readonly fonts: { readonly regular: Uint8Array; readonly bold: Uint8Array };
};

/** Builds the report's document (not yet saved), so the signer adds its placeholder without re-parsing. */
export async function buildReportDocument(input: ReportPdfInput): Promise<PDFDocument> {
  const zone = input.timeZone ?? 'Europe/London';
  const signedAt = new Date(input.signedAt);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts = {
    regular: await doc.embedFont(input.fonts.regular, { subset: true }),
    bold: await doc.embedFont(input.fonts.bold, { subset: true }),
  };
  doc.setTitle(input.title);
  doc.setSubject(input.subtitle || input.title);
  doc.setAuthor(input.signedBy.name);
  doc.setCreator('Family Links');
  doc.setProducer('Family Links');
  doc.setCreationDate(signedAt);
  doc.setModificationDate(signedAt);

  const flow = new PageFlow(doc, fonts);
  flow.title(input.title, input.subtitle || input.homeName);
  for (const section of input.sections) {
    flow.heading(section.heading, {
      ...(section.isShaded ? { isShaded: true } : {}),
      ...(section.note ? { note: section.note } : {}),
    });
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'paragraph':
          flow.paragraph(block.text, block.isQuiet ? { size: 9.5, color: quietInk } : {});
          break;
        case 'fields':
          for (const row of block.rows)
            flow.field(
              row.label,
              row.value === '' ? '—' : row.value,
              row.isWarning ? { isWarning: true } : {},
            );
          flow.space(4);
          break;
        case 'table':
          if (block.rows.length === 0)
            flow.paragraph(block.emptyText ?? 'Nothing to show.', { size: 9.5, color: quietInk });
          else flow.table(block.columns, block.rows);
          break;
        default:
          return unreachable(block, 'report block');
      }
    }
  }

  flow.heading('Signed', { keepWithNext: 90 });
  flow.paragraph(input.signedBy.name, { isBold: true, size: 11.5 });
  if (input.signedBy.role) flow.field('Role', input.signedBy.role);
  flow.field('Signed at', formatDeadlineInstant(input.signedAt, zone));
  flow.space(4);
  flow.paragraph(
    `This file carries a digital signature made with ${input.signedBy.name}’s own certificate, issued by ${input.homeName}. Any change to the file after signing shows as tampering when the signature is checked.`,
    { size: 8.5, color: quietInk },
  );
  flow.finish(
    { left: `${input.homeName} · ${input.footer || 'Confidential'}`, right: input.reference },
    `${input.title} · made ${formatDeadlineInstant(input.signedAt, zone)}`,
  );
  return doc;
}

/** The report as PDF bytes (unsigned). */
export async function layoutReportPdf(input: ReportPdfInput): Promise<Uint8Array> {
  return (await buildReportDocument(input)).save({ useObjectStreams: false });
}
