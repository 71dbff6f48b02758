import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { doorChecker } from '../../../../../renderer/src/features/door/door-checker';
import { calendarDateOf } from '@shared/home-time';
import { DoorAttentionPanel } from '../../../../../renderer/src/features/home/DoorAttentionPanel';
import { closeTestHome, openTestHome, renderSignedIn, type TestHome } from '../render-signed-in';
import { seedRestriction, seedYoungPerson } from '../seed-home';

let home: TestHome | undefined;
afterEach(() => closeTestHome(home));

describe('corrections on the home screen’s “At the front door”', () => {
  it('raises a correction that named someone restricted, and not one of a visitor who was already under a condition', async () => {
    home = await openTestHome();
    const millie = await seedYoungPerson(home);
    await seedRestriction(home, { youngPersonId: millie.id });
    await seedRestriction(home, {
      youngPersonId: millie.id,
      name: 'John Smith',
      aliases: [],
      kind: 'noContact',
    });
    const today = calendarDateOf(new Date(), 'Europe/London');
    const check = doorChecker(today);
    const register = visitorLogRepository(home.db, home.careWorker.cipher);
    const visit = (visitorName: string) => ({
      visitorName,
      visitingYoungPersonIds: [millie.id],
      reason: 'Family visit',
      isIdChecked: true,
      supervisingStaffId: home?.manager.staff.id,
    });
    const dean = await register.signIn(home.careWorker, visit('Dean Hughes'), check, today);
    const dawn = await register.signIn(home.careWorker, visit('Dawn Morris'), check, today);
    if (!dean.ok || !dawn.ok) throw new Error('not signed in');
    // A supervised visitor signed out by mistake and put back; a badge corrected: nothing new.
    await register.signOut(home.careWorker, dean.value.id);
    await register.undoSignOut(home.careWorker, dean.value.id);
    // A false name found out afterwards: news.
    await register.amend(
      home.careWorker,
      dawn.value.id,
      visit('John Smith'),
      'She was his partner; he gave her name',
      check,
      today,
    );

    renderSignedIn(<DoorAttentionPanel />, { db: home.db, session: home.manager });
    const panel = await screen.findByRole('region', { name: 'At the front door' });
    await waitFor(() => expect(panel).toHaveTextContent('Corrections that named someone restricted'));
    expect(panel).toHaveTextContent('John Smith');
    expect(panel).not.toHaveTextContent('Dean Hughes');
  });
});
