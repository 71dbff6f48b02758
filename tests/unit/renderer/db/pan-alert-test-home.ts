import { buildStaffMember } from '../../../factories/staff-factories';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { staffCodec } from '../../../../renderer/src/db/repositories/staff-repository';
import { youngPeopleRepository } from '../../../../renderer/src/db/repositories/young-people-repository';
import type { Session } from '../../../../renderer/src/db/session';
import { panAlertRepository } from '../../../../renderer/src/db/repositories/pan-alert-repository';
import type { PanAlertRequest } from '../../../../shared/schemas/pan';
import { freshDatabase } from './test-database';
import { testSession } from './test-session';

/**
 * A small home for PAN alert tests: a manager, a PT (Tom Tutor), a Case Co-ordinator and a care
 * worker, each with an account row, and one young person (Amelia "Millie" Hughes) whose PT is Tom.
 */
export async function panAlertHome(db: FamilyLinksDb = freshDatabase()) {
  const manager = await testSession(['registeredManager']);
  const keys = { dataKey: manager.dataKey, auditKey: manager.auditKey, compartments: manager.compartments };
  const withStaff = async (roles: Session['roles'], name: string, username: string): Promise<Session> => {
    const session = await testSession(roles, keys);
    return {
      ...session,
      staff: buildStaffMember({
        id: session.staff.id,
        name,
        username,
        email: `${username}@home.example`,
        roles: [...roles],
      }),
    };
  };
  const tutor = await withStaff(['personalTutor'], 'Tom Tutor', 'tom.tutor');
  const coordinator = await withStaff(['caseCoordinator'], 'Cara Coordinator', 'cara.co');
  const careWorker = await withStaff(['careStaff'], 'Carl Care', 'carl.care');
  const managerSession: Session = {
    ...manager,
    staff: buildStaffMember({
      id: manager.staff.id,
      name: 'Mina Manager',
      username: 'mina.manager',
      email: 'mina@home.example',
      roles: ['registeredManager'],
    }),
  };
  for (const session of [managerSession, tutor, coordinator, careWorker])
    await db.staff.put(await staffCodec.encode(session.staff, session.cipher));
  const saved = await youngPeopleRepository(db).save(managerSession, {
    caseNumber: 'FL-0001',
    firstName: 'Amelia',
    lastName: 'Hughes',
    preferredName: 'Millie',
    dateOfBirth: '2012-03-14',
    placementStartsOn: '2025-09-01',
    personalTutorId: tutor.staff.id,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return { db, manager: managerSession, tutor, coordinator, careWorker, youngPerson: saved.value };
}

/** Sam Social, a social worker outside the home, as the PAN group form adds them; by default told of filed forms. */
export function samSocial(topics: string[] = ['formFiled']) {
  return { kind: 'outside', name: 'Sam Social', role: 'Social worker', email: 'sam@council.example', topics };
}

/** Theo Therapist, outside the home, who asked to be told of safeguarding concerns only. */
export function theoTherapist() {
  return {
    kind: 'outside',
    name: 'Theo Therapist',
    role: 'Therapist',
    email: 'theo@clinic.example',
    topics: ['safeguardingConcern'],
  };
}

/** A supervised-only restriction on Dean Hughes under a court order, as the restriction form sends it. */
export function restrictionForm(youngPersonId: string) {
  return {
    youngPersonId,
    name: 'Dean Hughes',
    aliases: [],
    description: 'Tall',
    kind: 'supervisedOnly',
    conditions: 'Family room only.',
    authority: 'courtOrder',
    authorityReference: 'LS26C01234',
    effectiveFrom: '2026-01-12',
  };
}

/** Queues an alert on its own, as the app does for an overdue form (a person's change joins its own transaction). */
export const queuePanAlert = (
  database: FamilyLinksDb,
  session: Session,
  request: PanAlertRequest,
  clock?: () => Date,
) => panAlertRepository(database, clock).queueAlert(session, request);
