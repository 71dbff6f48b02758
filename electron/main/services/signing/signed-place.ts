import { PDFDict, PDFHexString, PDFName, type PDFDocument } from 'pdf-lib';
import { caseFilePlaceSchema, type CaseFilePlace } from '../../../../shared/ipc/channels/documents';

/**
 * Where in the case file a contact form's copy belongs, written into the PDF's document
 * information dictionary before it is signed, so the signature (which covers the whole file
 * except its own /Contents) covers it too. The case-file folder is then filled only from what a
 * signed copy says of itself, never from a place the page names alone.
 *
 * The value is the place as JSON, in a PDF text string (UTF-16BE, hex): case numbers and
 * references may hold any character staff type.
 */

const key = 'FamilyLinksCaseFilePlace';
const marker = `/${key}`;
/** The five parts are at most ~250 characters as JSON; as UTF-16 hex with its mark, four times that. */
const longestHex = 4_096;
const valuePattern = new RegExp(`^${marker}\\s{0,16}<([0-9A-Fa-f]{4,${longestHex}})>`);

/** Records `place` in the document's information dictionary. Call before signing. */
export function markCaseFilePlace(doc: PDFDocument, place: CaseFilePlace): void {
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  const { caseNumber, academicYear, date, kind, reference } = place;
  info.set(
    PDFName.of(key),
    PDFHexString.fromText(JSON.stringify({ caseNumber, academicYear, date, kind, reference })),
  );
}

export type SignedPlace =
  | { readonly state: 'found'; readonly place: CaseFilePlace }
  /** Signed before copies recorded their place. */
  | { readonly state: 'absent' }
  /** Named more than once, or not a place: a file Family Links did not make this way. */
  | { readonly state: 'unreadable' };

function textOfHex(hex: string): string | undefined {
  const bytes = Buffer.from(hex, 'hex');
  // A PDF text string in UTF-16BE starts with its byte-order mark; PDFHexString.fromText writes one.
  if (bytes.length % 2 !== 0 || bytes[0] !== 0xfe || bytes[1] !== 0xff) return undefined;
  const littleEndian = Buffer.alloc(bytes.length - 2);
  for (let index = 2; index < bytes.length; index += 2) {
    littleEndian[index - 2] = bytes[index + 1] ?? 0;
    littleEndian[index - 1] = bytes[index] ?? 0;
  }
  return littleEndian.toString('utf16le');
}

/**
 * The place a signed copy records for itself. Call only on bytes whose signature was checked to
 * cover the whole file: then everything but the signature's hex is signed, and the one name found
 * is the one written before signing. The bytes are not trusted further than that: the name must
 * occur exactly once, its value is a bounded hex string, and the text must be the five parts and
 * nothing else (one JSON parse, checked against the same schema as a request).
 */
export function signedPlaceOf(bytes: Uint8Array): SignedPlace {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const first = text.indexOf(marker);
  if (first === -1) return { state: 'absent' };
  if (text.indexOf(marker, first + marker.length) !== -1) return { state: 'unreadable' };
  const hex = valuePattern.exec(text.slice(first, first + marker.length + 16 + longestHex + 2))?.[1];
  const json = hex === undefined ? undefined : textOfHex(hex);
  if (json === undefined) return { state: 'unreadable' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { state: 'unreadable' };
  }
  const place = caseFilePlaceSchema.safeParse(value);
  return place.success ? { state: 'found', place: place.data } : { state: 'unreadable' };
}
