import { describe, expect, it } from 'vitest';
import {
  missingChangesGraceMs,
  missingChangesMessage,
  missingRanges,
  overdueGaps,
  shortDeviceId,
  trackGaps,
  type OpenGap,
} from '../../../../shared/sync/missing-changes';

const desk = 'desk-device';
const office = 'office-device';

describe('missingRanges', () => {
  it('finds nothing when every announced change has arrived', () => {
    expect(missingRanges({ [desk]: { seen: 44, received: [], announced: 44 } })).toEqual([]);
    expect(missingRanges({ [desk]: { seen: 0, received: [], announced: 0 } })).toEqual([]);
  });

  it('finds the changes between the contiguous run and a later one received', () => {
    expect(missingRanges({ [desk]: { seen: 40, received: [45, 46], announced: 0 } })).toEqual([
      { deviceId: desk, from: 41, to: 44 },
    ]);
  });

  it('finds a tail the server withheld from what another computer says it saw', () => {
    expect(missingRanges({ [desk]: { seen: 40, received: [], announced: 44 } })).toEqual([
      { deviceId: desk, from: 41, to: 44 },
    ]);
  });

  it('splits a gap around a change that did arrive, and keeps computers apart', () => {
    expect(
      missingRanges({
        [office]: { seen: 3, received: [5], announced: 6 },
        [desk]: { seen: 40, received: [42, 45], announced: 45 },
      }),
    ).toEqual([
      { deviceId: desk, from: 41, to: 41 },
      { deviceId: desk, from: 43, to: 44 },
      { deviceId: office, from: 4, to: 4 },
      { deviceId: office, from: 6, to: 6 },
    ]);
  });

  it('does not count a refused document as missing as well', () => {
    expect(missingRanges({ [desk]: { seen: 40, received: [45], refused: [42], announced: 45 } })).toEqual([
      { deviceId: desk, from: 41, to: 41 },
      { deviceId: desk, from: 43, to: 44 },
    ]);
  });

  it('does not count a removed computer’s refused changes as missing', () => {
    expect(missingRanges({ [desk]: { seen: 10, received: [14], announced: 20, removedFrom: 13 } })).toEqual([
      { deviceId: desk, from: 11, to: 12 },
    ]);
    expect(missingRanges({ [desk]: { seen: 12, received: [], announced: 20, removedFrom: 13 } })).toEqual([]);
  });
});

describe('trackGaps', () => {
  const earlier = new Date('2026-12-05T09:00:00Z');
  const now = new Date('2026-12-05T09:15:00Z');

  it('starts a new gap now', () => {
    expect(trackGaps([], [{ deviceId: desk, from: 41, to: 44 }], now)).toEqual([
      { deviceId: desk, from: 41, to: 44, since: now.toISOString() },
    ]);
  });

  it('keeps when a gap was first noticed as it shrinks or splits, and closes one not found again', () => {
    const previous: OpenGap[] = [
      { deviceId: desk, from: 41, to: 44, since: earlier.toISOString() },
      { deviceId: office, from: 4, to: 4, since: earlier.toISOString() },
    ];
    const current = [
      { deviceId: desk, from: 41, to: 41 },
      { deviceId: desk, from: 43, to: 44 },
      { deviceId: office, from: 9, to: 9 },
    ];
    expect(trackGaps(previous, current, now)).toEqual([
      { deviceId: desk, from: 41, to: 41, since: earlier.toISOString() },
      { deviceId: desk, from: 43, to: 44, since: earlier.toISOString() },
      { deviceId: office, from: 9, to: 9, since: now.toISOString() },
    ]);
    expect(trackGaps(previous, [], now)).toEqual([]);
  });
});

describe('overdueGaps', () => {
  it('reports a gap only once it has lasted the grace period', () => {
    const since = new Date('2026-12-05T09:00:00Z');
    const gap: OpenGap = { deviceId: desk, from: 41, to: 44, since: since.toISOString() };
    expect(overdueGaps([gap], new Date(since.getTime() + missingChangesGraceMs - 1))).toEqual([]);
    expect(overdueGaps([gap], new Date(since.getTime() + missingChangesGraceMs))).toEqual([gap]);
    expect(missingChangesGraceMs).toBe(10 * 60_000);
  });
});

describe('words', () => {
  it('names the computer and the changes', () => {
    expect(shortDeviceId('3f9a2c41-0b7e-4c1d-9a55-1234567890ab')).toBe('3F9A2C');
    expect(missingChangesMessage('computer 3F9A2C', { from: 41, to: 44 })).toBe(
      'Records from computer 3F9A2C are missing (changes 41 to 44).',
    );
    expect(missingChangesMessage('computer 3F9A2C', { from: 7, to: 7 })).toBe(
      'Records from computer 3F9A2C are missing (change 7).',
    );
  });
});
