import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import type { Result } from '@shared/result';
import type { KeyRotationState, RotatableCompartment } from '@shared/schemas/key-rotation';
import {
  keyRotationRepository,
  type KeyRotationError,
  type KeyRotationOutcome,
} from '../../db/repositories/key-rotation-repository';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';

/**
 * The manager's changes of a compartment's key: those under way (kept live, so each batch moves
 * the progress bar), starting one, and the last that finished in this session. The sealing runs
 * in the background; the screen can be left meanwhile.
 */
export function useKeyRotation(): {
  readonly underWay: readonly KeyRotationState[] | undefined;
  readonly finished: readonly KeyRotationOutcome[];
  readonly start: (
    compartments: readonly RotatableCompartment[],
  ) => Promise<Result<unknown, KeyRotationError>>;
} {
  const db = useDatabase();
  const session = useSession();
  const [finished, setFinished] = useState<readonly KeyRotationOutcome[]>([]);
  const underWay = useLiveQuery(() => keyRotationRepository(db).underWay(), [db]);
  const start = useCallback(
    async (compartments: readonly RotatableCompartment[]) => {
      const rotation = keyRotationRepository(db);
      let last: Result<unknown, KeyRotationError> | undefined;
      for (const compartment of compartments) {
        last = await rotation.start(session, compartment);
        if (!last.ok) return last;
      }
      rotation
        .run(session, false)
        .then((outcomes) => setFinished(outcomes.filter((outcome) => outcome.isComplete)))
        .catch((error: unknown) =>
          console.error('The key change stopped; it carries on at the manager’s next sign-in', error),
        );
      if (!last) throw new Error('No key was named to change');
      return last;
    },
    [db, session],
  );
  return { underWay, finished, start };
}
