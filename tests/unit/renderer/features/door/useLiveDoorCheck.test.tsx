import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VisibleRestriction } from '../../../../../shared/rules/access';
import { prepareRestrictionIndex } from '../../../../../shared/rules/restriction-check';
import { checkDelayMs, useLiveDoorCheck } from '../../../../../renderer/src/features/door/useLiveDoorCheck';
import { buildRestriction } from '../../../../factories';

const today = '2026-12-04';
const dean = buildRestriction({ name: 'Dean Hughes', kind: 'supervisedOnly', effectiveFrom: '2026-01-01' });
// The hook reads only the index; the door screen's map of restrictions by id is not needed here.
const restrictions = {
  index: prepareRestrictionIndex([dean]),
  byId: new Map<string, VisibleRestriction>(),
  damagedIds: [],
};
const input = (name: string) => ({
  name,
  personId: undefined,
  youngPersonIds: [],
  idChecks: { notThem: [], treatedAsThem: [] },
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the check as a name is typed at the door', () => {
  it('waits a moment before checking what is typed, but clears at once when the box is emptied', () => {
    const { result, rerender } = renderHook(
      ({ name }) => useLiveDoorCheck(input(name), restrictions, today, () => undefined),
      {
        initialProps: { name: 'Dean Hughes' },
      },
    );
    act(() => {
      vi.advanceTimersByTime(checkDelayMs);
    });
    expect(result.current.state === 'checked' && result.current.result.kind).toBe('warn');

    // The form is cleared after a sign-in: the last visitor's warning goes with it, not 150 ms later.
    rerender({ name: '' });
    expect(result.current.state).toBe('waiting');

    // The next name typed is checked after the pause, never shown with the last one's answer.
    rerender({ name: 'Karen Jones' });
    expect(result.current.state).toBe('waiting');
    act(() => {
      vi.advanceTimersByTime(checkDelayMs);
    });
    expect(result.current.state === 'checked' && result.current.result.kind).toBe('clear');
  });
});
