import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import type { Session } from '../../../../renderer/src/db/session';
import { dropSessionKeys } from '../../../../renderer/src/db/session-keys';
import type { RotatableCompartment } from '../../../../shared/schemas/key-rotation';

/**
 * Drops `session`'s keys (a lock) as soon as `batches` batches of the change of `compartment`'s
 * key have been written to `db`: the rotation stops there, as it would if the screen locked.
 */
export function lockAfterBatches(
  db: FamilyLinksDb,
  session: Session,
  compartment: RotatableCompartment,
  batches: number,
): void {
  let written = 0;
  const onWrite = (key: unknown) => {
    if (key !== `keyRotation:${compartment}`) return;
    written += 1;
    if (written === batches) dropSessionKeys(session);
  };
  db.settings.hook('creating', (key) => onWrite(key));
  db.settings.hook('updating', (_changes, key) => onWrite(key));
}
