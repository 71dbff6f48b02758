import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { ok, type Result } from '@shared/result';
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
  /** Starts each change; the result names colleagues who could not be given a new key. */
  readonly start: (
    compartments: readonly RotatableCompartment[],
  ) => Promise<Result<{ readonly leftOut: readonly string[] }, KeyRotationError>>;
} {
  const db = useDatabase();
  const session = useSession();
  const [finished, setFinished] = useState<readonly KeyRotationOutcome[]>([]);
  const underWay = useLiveQuery(() => keyRotationRepository(db).underWay(), [db]);
  const start = useCallback(
    async (compartments: readonly RotatableCompartment[]) => {
      const rotation = keyRotationRepository(db);
      const leftOut = new Set<string>();
      for (const compartment of compartments) {
        const started = await rotation.start(session, compartment);
        if (!started.ok) return started;
        for (const name of started.value.leftOut) leftOut.add(name);
      }
      rotation
        .run(session, false)
        .then((outcomes) => setFinished(outcomes.filter((outcome) => outcome.isComplete)))
        .catch((error: unknown) =>
          console.error('The key change stopped; it carries on at the manager’s next sign-in', error),
        );
      return ok({ leftOut: [...leftOut] });
    },
    [db, session],
  );
  return { underWay, finished, start };
}
