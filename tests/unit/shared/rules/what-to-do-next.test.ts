import { describe, expect, it } from 'vitest';
import { whatToDoNext } from '../../../../shared/rules/what-to-do-next';

describe('what a message tells the person to do when they cannot put it right', () => {
  it.each(['not-saved', 'damaged-record', 'unexpected-error', 'signed-copy-doubt'] as const)(
    'sends a colleague to the manager (%s)',
    (problem) => {
      expect(whatToDoNext(['careStaff'], problem)).toMatch(/tell the (registered )?manager/i);
      expect(whatToDoNext(['personalTutor', 'careStaff'], problem)).toMatch(
        /tell the (registered )?manager/i,
      );
    },
  );

  it.each(['not-saved', 'damaged-record', 'unexpected-error', 'signed-copy-doubt'] as const)(
    'never tells the manager to tell the manager, but what to do (%s)',
    (problem) => {
      const advice = whatToDoNext(['registeredManager'], problem);
      expect(advice).not.toMatch(/manager/i);
      expect(advice.length).toBeGreaterThan(20);
    },
  );
});
