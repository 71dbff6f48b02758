import { describe, expect, it } from 'vitest';
import { sampleDigest, sampleVerdict } from '../../../../shared/rules/sample-trail';
import { detailWithDigest } from '../../../../shared/rules/setting-trail';

const drawn = (detail: string) => ({
  seq: 1,
  at: '2026-12-06T10:00:00.000Z',
  action: 'review.sample-drawn',
  detail,
});
const sample = { id: 's1', formIds: ['f1', 'f2'], populationCount: 9 };

describe('a termly sample held to its draw’s audit entry', () => {
  it('is trusted as drawn, and damaged once its forms are swapped', async () => {
    const entry = drawn(detailWithDigest('2 of 9 filed forms', await sampleDigest(sample)));
    expect(sampleVerdict(await sampleDigest(sample), [entry])).toBe('trusted');
    const swapped = await sampleDigest({ ...sample, formIds: ['f1', 'f3'] });
    expect(sampleVerdict(swapped, [entry])).toBe('damaged');
  });

  it('is damaged with no draw entry, and unchecked when drawn before entries carried digests', async () => {
    const digest = await sampleDigest(sample);
    expect(sampleVerdict(digest, [])).toBe('damaged');
    expect(sampleVerdict(digest, [{ ...drawn('x'), action: 'review.sample-form-reviewed' }])).toBe('damaged');
    expect(sampleVerdict(digest, [drawn('2 of 9 filed forms')])).toBe('unchecked');
  });
});
