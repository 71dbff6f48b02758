import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { AuditLogPage } from './pages/audit-log-page';
import { addJay, addMillie, manager, newHomeOn, tutor } from './pages/door-home';
import { londonDate } from './harness/london-dates';
import { PanGroupSection } from './pages/pan-group-section';
import { StaffAccountsPage, type NewStaff } from './pages/staff-accounts-page';
import { VisitsPage } from './pages/visits-page';

const colleague: NewStaff = {
  name: 'Sam Patel',
  username: 'spatel',
  email: 'sam.patel@oakfield.example',
  role: 'Personal Tutor',
  temporaryPassword: 'harbour velvet orchid canal',
};

async function openYoungPerson(page: Page, name: string): Promise<void> {
  await new AppFrame(page).open('Young people');
  await page.getByRole('link', { name }).first().click();
}

const personalTutorShown = (page: Page) => page.locator('dl.details dt:text-is("Personal Tutor") + dd');

test('a manager switches off a personal tutor who is leaving, handing her young people, PAN place and owed form to colleagues', async ({
  app,
  page,
}) => {
  // Three accounts made (each a key derivation), a visit booked and completed, and axe on each step.
  test.setTimeout(300_000);
  const frame = await newHomeOn(app, 'Staff accounts');
  const staff = new StaffAccountsPage(page);
  for (const member of [tutor, colleague]) {
    await staff.add(member);
    await expect(staff.row(member.name)).toBeVisible();
  }

  // Grace is Millie's and Jay's Personal Tutor, and in Millie's PAN group ...
  await addMillie(page, tutor.name);
  const pan = new PanGroupSection(page);
  await pan.addStaffMember(tutor.name);
  // Her row as a member, beside the row the PT always has.
  await expect(pan.table.getByRole('row', { name: `${tutor.name} Staff` })).toBeVisible();
  await addJay(page, tutor.name);

  // ... and owes the contact form for the home visit she made yesterday.
  await frame.open('Visits');
  const visits = new VisitsPage(page);
  await visits.bookButton.click();
  await visits.fill({
    youngPeople: ['Millie Hughes'],
    kind: 'Home visit to the family home',
    staff: [tutor.name],
    date: londonDate(1),
    startTime: '16:00',
    endTime: '17:00',
  });
  await visits.submit();
  await expect(visits.banner).toContainText('Visit booked.');
  await visits.details.getByRole('button', { name: 'Mark completed' }).click();
  const done = visits.details.getByRole('status');
  await expect(done).toContainText('The contact form is now due');
  const reference = /CF-\d{4}-[A-Z0-9]+/.exec((await done.textContent()) ?? '')?.[0];
  if (!reference) throw new Error('No contact form reference shown');

  // Switching Grace off lists what she holds, each with a colleague already suggested.
  await page.setViewportSize({ width: 1280, height: 800 });
  await frame.open('Staff accounts');
  const confirm = await staff.askToSwitchOff(tutor.name);
  const held = confirm.getByRole('table', { name: `What ${tutor.name} holds, and who takes it over` });
  await expect(held.locator('tbody tr')).toHaveCount(4);
  const goesTo = (label: string | RegExp) => confirm.getByLabel(label);
  const milliesTutor = goesTo('Personal Tutor for Millie Hughes: goes to');
  const jaysTutor = goesTo('Personal Tutor for Jay Mensah: goes to');
  const panPlace = goesTo('Place in the PAN group for Millie Hughes: goes to');
  const owedForm = goesTo(
    new RegExp(`^Contact form ${reference} they owe, due .+ for Millie Hughes: goes to$`),
  );
  for (const select of [milliesTutor, jaysTutor, panPlace, owedForm])
    await expect(select.locator('option:checked')).toHaveText(colleague.name);
  // Only tutors can take a tutor's post: the manager is not offered for it.
  await expect(milliesTutor.locator('option')).toHaveText(['Choose a colleague…', colleague.name]);

  // Left without a colleague, the form stops the switch-off, and says why.
  await owedForm.selectOption({ label: 'Choose a colleague…' });
  await confirm.getByRole('button', { name: 'Yes, switch off and hand over' }).click();
  await expect(confirm.getByRole('alert')).toHaveText(
    `Choose a colleague for everything ${tutor.name} holds: 1 thing still needs one. Nothing has been switched off.`,
  );
  await expect(owedForm).toBeFocused();
  await expect(staff.row(tutor.name)).toContainText('Active');
  await app.checkScreen('switching off with something left without a colleague', {
    screenshot: '1280 handover refused while the form has nobody',
  });
  expect(await page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth')).toBe(
    false,
  );

  // By keyboard: everything to Sam, then the PAN place to Priya instead.
  const everythingTo = goesTo('Hand everything to');
  await everythingTo.focus();
  await everythingTo.selectOption({ label: colleague.name });
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Hand all to them' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm.getByRole('status')).toHaveText(
    `Everything goes to ${colleague.name}. You can still change any row.`,
  );
  await expect(owedForm.locator('option:checked')).toHaveText(colleague.name);
  await panPlace.selectOption({ label: manager.name });
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.checkScreen('switching off with everything handed over', { screenshot: '1366 handover ready' });
  expect(await page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth')).toBe(
    false,
  );
  await confirm.getByRole('button', { name: 'Yes, switch off and hand over' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'account is now off' })).toHaveText(
    `${tutor.name}’s account is now off, and their work is handed over (4 items).`,
  );
  await expect(staff.row(tutor.name)).toContainText('Switched off');

  // Millie's page names her new tutor, and her PAN group its new member.
  await openYoungPerson(page, 'Millie Hughes');
  await expect(personalTutorShown(page)).toHaveText(colleague.name);
  await expect(pan.table.getByRole('row', { name: `${colleague.name} Personal Tutor` })).toBeVisible();
  await expect(pan.table.getByRole('row', { name: `${manager.name} Staff` })).toBeVisible();
  await expect(pan.row(tutor.name)).toHaveCount(0);
  await app.screenshot('1366 Millie with her new tutor and PAN member');
  await openYoungPerson(page, 'Jay Mensah');
  await expect(personalTutorShown(page)).toHaveText(colleague.name);

  // The form is now Sam's to write.
  await frame.open('Contact forms');
  await expect(page.getByRole('listitem').filter({ hasText: reference })).toContainText(colleague.name);
  await app.screenshot('1366 the owed form is Sam’s');

  // The audit log says what was handed over, beside the switch-off itself.
  const log = await AuditLogPage.open(page);
  for (const label of [
    'Handed over a young person',
    'Handed over a PAN group place',
    'Handed over a contact form',
    'Handed over a switched-off colleague’s work',
    'Deleted a switched-off account’s keys',
    'Changed an account',
  ])
    await expect(log.entry(label).first()).toBeVisible();
  await expect(log.entry('Handed over a young person')).toHaveCount(2);
  // From whom to whom, by name as the Who column says it; the log itself holds account ids.
  await expect(log.entry('Handed over a contact form')).toContainText(
    `from ${tutor.name} to ${colleague.name}`,
  );
  await expect(log.entry('Changed an account').first()).toContainText('changed: switched on or off');
  await expect(log.entry('Handed over a PAN group place')).toContainText(
    `from ${tutor.name} to ${manager.name}`,
  );
  await app.checkScreen('the audit log after a handover', { screenshot: '1366 audit log with the handover' });
});
