import { describe, expect, it } from 'vitest';
import { caseFileFolderOf, normaliseCaseNumber } from '@shared/rules/case-number';

describe('the form of a case number two young people may not share', () => {
  it.each([
    ['as typed on the case file', 'FL-0042', 'FL-0042'],
    ['in small letters', 'fl-0042', 'FL-0042'],
    ['with spaces at the ends', '  FL-0042 ', 'FL-0042'],
    ['with a run of spaces inside', 'FL   0042', 'FL 0042'],
    ['with a tab inside', 'FL\t0042', 'FL 0042'],
    ['in full-width letters', 'ＦＬ－００４２', 'FL-0042'],
    ['with a non-breaking hyphen', 'FL\u20110042', 'FL-0042'],
    ['with an en dash', 'FL\u20130042', 'FL-0042'],
    ['with an accented letter', 'zoë-1', 'ZOË-1'],
  ])('%s', (_case, typed, compared) => {
    expect(normaliseCaseNumber(typed)).toBe(compared);
  });

  it('keeps numbers that differ in more than case, spacing or dashes apart', () => {
    expect(normaliseCaseNumber('FL-0042')).not.toBe(normaliseCaseNumber('FL-00420'));
    expect(normaliseCaseNumber('FL-0042')).not.toBe(normaliseCaseNumber('FL0042'));
  });
});

describe('the case-file folder a case number is filed in', () => {
  it.each([
    ['as typed on the case file', 'FL-0042'],
    ['in small letters', 'fl-0042'],
    ['with a space for the hyphen', 'FL 0042'],
    ['with a symbol for the hyphen', 'FL#0042'],
    ['with a dot at the end, which Windows drops', 'FL-0042.'],
  ])('is one folder %s', (_case, typed) => {
    expect(caseFileFolderOf(typed)).toBe('FL-0042');
  });

  it('keeps numbers apart that name different folders', () => {
    expect(caseFileFolderOf('FL-0042')).not.toBe(caseFileFolderOf('FL_0042'));
    expect(caseFileFolderOf('FL-0042')).not.toBe(caseFileFolderOf('FL-00420'));
  });
});
