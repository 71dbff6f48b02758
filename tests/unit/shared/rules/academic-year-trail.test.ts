import { describe, expect, it } from 'vitest';
import {
  academicYearDigest,
  academicYearVerdict,
  digestsBeganAt,
  labelInEntries,
} from '../../../../shared/rules/academic-year-trail';
import { detailWithDigest } from '../../../../shared/rules/setting-trail';
import { buildAcademicYear } from '../../../factories';
import { digestA as a, digestB as b, trailEntry } from './setting-trail-entries';

const saved = (day: string, digest: string) =>
  trailEntry(day, 'academic-year.updated', detailWithDigest('2026/27', digest));
const savedBeforeDigests = (day: string) => trailEntry(day, 'academic-year.created', '2026/27');

describe('an academic year held to its audit entries', () => {
  it('is trusted when its row matches the newest entry’s digest, and damaged when it does not', () => {
    expect(academicYearVerdict(a, [saved('2', a)], undefined)).toEqual({ kind: 'trusted' });
    expect(academicYearVerdict(b, [saved('2', a)], '2026-12-01T00:00:00.000Z')).toEqual({
      kind: 'damaged',
      reason: 'not-as-logged',
    });
  });

  it('refuses an older copy put back: only the newest entry counts', () => {
    expect(academicYearVerdict(a, [saved('2', a), saved('3', b)], undefined)).toEqual({
      kind: 'damaged',
      reason: 'not-as-logged',
    });
  });

  it('counts settling a sync conflict as what the year holds from then on', () => {
    const settled = trailEntry('4', 'sync.version-chosen', detailWithDigest('kept one', b));
    expect(academicYearVerdict(b, [saved('2', a), settled], undefined)).toEqual({ kind: 'trusted' });
    const noted = trailEntry('5', 'record.damaged', 'does not match the audit log');
    expect(academicYearVerdict(b, [saved('2', a), settled, noted], undefined)).toEqual({ kind: 'trusted' });
  });

  it('calls a year with a log but no row deleted, and one with neither never saved', () => {
    expect(academicYearVerdict(undefined, [saved('2', a)], undefined)).toEqual({
      kind: 'damaged',
      reason: 'row-gone',
    });
    expect(academicYearVerdict(undefined, [], undefined)).toEqual({ kind: 'unset' });
  });

  it('takes a year saved before digests began as the manager’s, until her session records it', () => {
    expect(academicYearVerdict(a, [savedBeforeDigests('2')], undefined)).toEqual({ kind: 'unchecked' });
    expect(academicYearVerdict(a, [savedBeforeDigests('2')], '2026-12-03T00:00:00.000Z')).toEqual({
      kind: 'unchecked',
    });
    expect(academicYearVerdict(a, [], undefined)).toEqual({ kind: 'unchecked' });
  });

  it('refuses a year added, or given an entry without a digest, once digests have begun', () => {
    const began = '2026-12-03T00:00:00.000Z';
    expect(academicYearVerdict(a, [], began)).toEqual({ kind: 'damaged', reason: 'no-entry' });
    expect(academicYearVerdict(a, [savedBeforeDigests('4')], began)).toEqual({
      kind: 'damaged',
      reason: 'not-as-logged',
    });
  });

  it('begins digests at the earliest marker, whichever computer wrote it', () => {
    const marker = (day: string) => trailEntry(day, 'academic-year.digests-began');
    expect(digestsBeganAt([marker('5'), saved('2', a), marker('3')])).toBe('2026-12-03T10:00:00.000Z');
    expect(digestsBeganAt([saved('2', a)])).toBeUndefined();
  });

  it('names a year by the label its newest save or recording gave, never by a sync entry’s words', () => {
    const merged = trailEntry('6', 'sync.merged', detailWithDigest('merged field by field', a));
    expect(
      labelInEntries([
        savedBeforeDigests('2'),
        trailEntry('3', 'academic-year.updated', detailWithDigest('2027/28', a)),
        merged,
      ]),
    ).toBe('2027/28');
    expect(labelInEntries([merged])).toBeUndefined();
  });

  it('digests the whole row: its terms and its span, whatever order the fields came in', async () => {
    const { id, label, terms } = buildAcademicYear({ startYear: 2026 });
    const span = { startsOn: terms[0].startsOn, endsOn: terms[2].endsOn };
    const row = { id, label, terms, ...span };
    const same = await academicYearDigest({ ...span, terms, label, id });
    expect(same).toBe(await academicYearDigest(row));
    const moved = { ...row, terms: [{ ...terms[0], endsOn: '2026-12-01' }, terms[1], terms[2]] };
    expect(await academicYearDigest(moved)).not.toBe(same);
    expect(await academicYearDigest({ ...row, startsOn: '2026-09-01' })).not.toBe(same);
  });
});
