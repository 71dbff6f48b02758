import { describe, expect, it } from 'vitest';
import { normaliseCaseNumber } from '@shared/rules/case-number';

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
