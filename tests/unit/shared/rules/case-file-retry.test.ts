import { describe, expect, it } from 'vitest';
import { caseFileRetryDelayMinutes, nextCaseFileAttemptAt } from '../../../../shared/rules/case-file-retry';

describe('a case-file copy that could not be written is tried again', () => {
  it.each([
    [1, 5],
    [2, 10],
    [3, 20],
    [4, 40],
    [6, 160],
    [7, 320],
    [8, 360],
    [50, 360],
  ])('after %i failed tries it waits %i minutes, never more than six hours', (attempts, minutes) => {
    expect(caseFileRetryDelayMinutes(attempts)).toBe(minutes);
  });

  it('counts a try that was never made as the first', () => {
    expect(caseFileRetryDelayMinutes(0)).toBe(5);
  });

  it('gives the instant of the next try from when the last one failed', () => {
    expect(nextCaseFileAttemptAt(3, new Date('2026-11-20T23:50:00.000Z'))).toBe('2026-11-21T00:10:00.000Z');
  });
});
