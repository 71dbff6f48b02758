import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { can } from '@shared/rules/access';
import { damagedRecordRepository } from '../../db/repositories/damaged-record-repository';
import { resealOldRows } from '../../db/repositories/reseal-old-rows';
import { checkAcademicYearsTrail } from '../../db/repositories/academic-year-trail-check';
import { checkSettingsTrail } from '../../db/repositories/setting-trail-check';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';

/**
 * For the manager's home: how many records are known to have been changed outside Family Links
 * (kept live; undefined while loading). While the manager's home is open, rows stored before
 * seals covered their plain fields are sealed again in the background (only the manager's session
 * can open every record), and the home's settings and term dates are held against the audit log
 * (`checkSettingsTrail`, `checkAcademicYearsTrail`); rows that will not open, and settings and
 * years changed outside Family Links, are counted here as they are found.
 */
export function useDamagedRecords(): number | undefined {
  const db = useDatabase();
  const session = useSession();
  const isManager = can(session.roles, 'audit:view');
  useEffect(() => {
    if (!isManager) return;
    resealOldRows(db, session).catch((error: unknown) =>
      console.error('Older records could not be sealed again yet; it is tried at the next sign-in', error),
    );
    checkSettingsTrail(db, session).catch((error: unknown) =>
      console.error('The home’s settings could not be checked against the audit log yet', error),
    );
    checkAcademicYearsTrail(db, session).catch((error: unknown) =>
      console.error('The term dates could not be checked against the audit log yet', error),
    );
  }, [db, session, isManager]);
  return useLiveQuery(() => damagedRecordRepository(db).count(session), [db, session]);
}
