import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { markCaseFilePlace, signedPlaceOf } from '../../../../../electron/main/services/signing/signed-place';

const place = {
  caseNumber: 'CN-Ōkō 7',
  academicYear: '2026/27',
  date: '2026-11-23',
  kind: 'contact-form',
  reference: 'CF-2026-ABC234',
};

/** A one-page PDF saved as the signer saves it (classic cross-reference tables). */
async function pdfWith(change?: (doc: PDFDocument) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  change?.(doc);
  return doc.save({ useObjectStreams: false });
}

/** Puts `value` where the place is recorded, as a file made by someone else might. */
const setInfo = (value: PDFHexString | PDFString) => (doc: PDFDocument) =>
  doc.context
    .lookup(doc.context.trailerInfo.Info, PDFDict)
    .set(PDFName.of('FamilyLinksCaseFilePlace'), value);

describe('the case-file place recorded in a PDF', () => {
  it('reads back exactly the place written, accents and all', async () => {
    const bytes = await pdfWith((doc) => markCaseFilePlace(doc, place));
    expect(signedPlaceOf(bytes)).toEqual({ state: 'found', place });
  });

  it('says a PDF from before places were recorded has none', async () => {
    expect(signedPlaceOf(await pdfWith())).toEqual({ state: 'absent' });
  });

  it('refuses a place named twice, whichever one is real', async () => {
    const bytes = await pdfWith((doc) => {
      markCaseFilePlace(doc, place);
      doc.catalog.set(
        PDFName.of('FamilyLinksCaseFilePlace'),
        PDFHexString.fromText(JSON.stringify({ ...place, caseNumber: 'CN-0099' })),
      );
    });
    expect(signedPlaceOf(bytes)).toEqual({ state: 'unreadable' });
  });

  it('refuses what is not the five parts as a UTF-16 text string', async () => {
    const cases = [
      PDFHexString.fromText('not json'),
      PDFHexString.fromText(JSON.stringify({ ...place, folder: '/etc' })),
      PDFHexString.fromText(JSON.stringify({ caseNumber: 'CN-0042' })),
      PDFHexString.fromText(JSON.stringify({ ...place, date: '../..' })),
      PDFHexString.fromText(JSON.stringify([place])),
      PDFHexString.fromText('"__proto__"'),
      // No byte-order mark: not a text string Family Links writes.
      PDFHexString.of(Buffer.from(JSON.stringify(place), 'utf8').toString('hex')),
      // A literal string rather than hex.
      PDFString.of(JSON.stringify(place)),
      // Far longer than any place.
      PDFHexString.fromText(JSON.stringify({ ...place, reference: 'x'.repeat(5_000) })),
    ];
    for (const value of cases)
      expect(signedPlaceOf(await pdfWith(setInfo(value)))).toEqual({ state: 'unreadable' });
  });
});
