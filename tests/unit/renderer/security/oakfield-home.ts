import type { StaffRole } from '../../../../shared/schemas/staff';
import type { Session } from '../../../../renderer/src/db/session';
import type { AuthService } from '../../../../renderer/src/security/auth-service';
import { okValue } from '../ok-value';

export const managerPassword = 'lantern orchard pebble meadow';
export const colleaguePassword = 'copper kettle drizzle harbour';

export const oakfieldHouse = { name: 'Oakfield House', ofstedUrn: 'SC123456' };

/** Priya Raman, Oakfield House's Registered Manager, as the first-run form sends her. */
export const priyaRaman = {
  name: 'Priya Raman',
  username: 'praman',
  email: 'priya.raman@oakfield.example',
  password: managerPassword,
  confirmPassword: managerPassword,
};

/** Oakfield House set up through the real auth service: Priya's session, the one sign-in makes. */
export async function setUpOakfield(auth: AuthService): Promise<Session> {
  return okValue(await auth.setUpHome({ home: oakfieldHouse, manager: priyaRaman })).session;
}

/** An account the manager makes for a colleague, with the colleague password (and an Oakfield email unless given). */
export async function addColleague(
  auth: AuthService,
  manager: Session,
  colleague: { name: string; username: string; roles: readonly StaffRole[]; email?: string },
) {
  return okValue(
    await auth.createAccount(manager, {
      email: `${colleague.username}@oakfield.example`,
      ...colleague,
      roles: [...colleague.roles],
      password: colleaguePassword,
      confirmPassword: colleaguePassword,
    }),
  );
}
