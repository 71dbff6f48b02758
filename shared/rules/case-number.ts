import { safeSegment } from './file-name-segments';

/**
 * The form of a case number two young people may not share. Case numbers are typed by hand from
 * letters and forms, so "fl-0042", "FL-0042 " and "FL‑0042" typed from a phone's keyboard name
 * the same case file; and the case-file folder is named by the case number, on a computer whose
 * folders usually ignore letter case (Windows), so two numbers that differ only in case would
 * share one child's folder. Compatibility forms are folded (NFKC: full-width letters), the dashes
 * a word processor or phone puts in place of a hyphen become a hyphen, runs of spaces become one
 * space, the ends are trimmed, and letters are compared in capitals. What staff typed is what is
 * kept and shown; this form is only compared (through its keyed hash, the young people's index).
 */
export function normaliseCaseNumber(caseNumber: string): string {
  return caseNumber
    .normalize('NFKC')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2212]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .toUpperCase();
}

/**
 * The case-file folder a case number's copies are filed in, as a file system that ignores letter
 * case (Windows) compares it, or undefined if nothing of it can name a folder. The main process
 * names the folder by cleaning the number for a file name (`safeSegment`: spaces, accents and
 * punctuation become "-"), which folds more than `normaliseCaseNumber` does, so "FL 0042",
 * "FL#0042" and "FL-0042" would each be a different young person's yet one folder: one child's
 * signed forms in another child's case file. Two young people may not share this either.
 */
export function caseFileFolderOf(caseNumber: string): string | undefined {
  // What safeSegment leaves is ASCII, so capitals compare it as Windows does.
  return safeSegment(caseNumber)?.toUpperCase();
}
