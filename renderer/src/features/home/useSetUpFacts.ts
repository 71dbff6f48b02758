import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import type { SetUpFacts } from '@shared/rules/home-overview';
import { academicYearRepository } from '../../db/repositories/academic-year-repository';
import { roomRepository } from '../../db/repositories/room-repository';
import { staffRepository } from '../../db/repositories/staff-repository';
import { youngPeopleRepository } from '../../db/repositories/young-people-repository';
import { useDatabase } from '../../db/useDatabase';
import { useLoadedValue } from '../../common/useLoadedValue';
import { windowApi } from '../../platform/window-api';
import { checkHomeAuthority } from '../../security/home-authority-check';
import { useSession } from '../../security/session-context';
import { useAuthService } from '../../security/useAuthService';

type MainProcessFacts = Pick<SetUpFacts, 'caseFileFolder' | 'isMailSetUp' | 'lastBackupAt'>;

/**
 * What the main process knows about the set-up: the case-file folder, mail and the last backup.
 * Read when the home screen opens (each is changed on a screen of its own, so coming back here
 * reads it again). Without a bridge (a bare browser) nothing is set up.
 */
async function readMainProcessFacts(): Promise<MainProcessFacts> {
  const api = windowApi();
  if (!api) return { caseFileFolder: 'not-set', isMailSetUp: false, lastBackupAt: undefined };
  const [folder, mail, backup] = await Promise.all([
    api['case-file:folder-status']({}),
    api['mail:get-settings']({}),
    api['backup:get-settings']({}),
  ]);
  return {
    caseFileFolder: !folder.ok
      ? 'unreachable'
      : // A folder record changed outside the app needs the same from the manager: choosing it again.
        folder.value.state === 'not-set' || folder.value.state === 'untrusted'
        ? 'not-set'
        : folder.value.state === 'reachable'
          ? 'reachable'
          : 'unreachable',
    isMailSetUp: mail.ok && mail.value.settings !== null && mail.value.hasPassword,
    lastBackupAt: backup.ok ? backup.value.lastBackupAt : undefined,
  };
}

/** The home's set-up as the manager's home screen judges it; undefined while loading. */
export function useSetUpFacts(): SetUpFacts | undefined {
  const db = useDatabase();
  const session = useSession();
  const auth = useAuthService();
  const mainFacts = useLoadedValue(readMainProcessFacts, 'Could not read the set-up from the main process');
  const homeAuthority = useLoadedValue(
    useCallback(() => checkHomeAuthority(session), [session]),
    'Could not check which certificate authority this computer trusts',
  );
  const stored = useLiveQuery(async () => {
    const [academicYears, staff, states, youngPeople, rooms] = await Promise.all([
      academicYearRepository(db).list(session),
      staffRepository(db).list(session.cipher),
      auth.accountStates(session),
      youngPeopleRepository(db).count(),
      roomRepository(db).list(),
    ]);
    return {
      academicYears,
      activeStaff: staff
        .filter((member) => member.isActive)
        .map((member) => ({ certificateUntil: states.get(member.id)?.certificateUntil })),
      youngPeople,
      rooms: rooms.filter((room) => room.isActive).length,
    };
  }, [db, session, auth]);
  return mainFacts && stored && homeAuthority ? { ...mainFacts, ...stored, homeAuthority } : undefined;
}
