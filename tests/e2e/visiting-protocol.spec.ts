import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { fixedDocumentFolders } from '../../electron/main/services/fixed-document-dialogs';
import { expect, test } from './harness/fixtures';
import { AppFrame } from './pages/app-frame';
import { DisclosureDialog } from './pages/disclosure-dialog';
import { DoorPage } from './pages/door-page';
import { expectFitsAtOfficeSizes } from './pages/screen-fit';
import { VisitingProtocolPage } from './pages/visiting-protocol-page';
import { signInToFixture } from './pages/staff-journey';
import { unrestrictedFamily } from './harness/unrestricted-family';
import { seededHome } from './harness/seeded-home';

const run = promisify(execFile);

/**
 * Today on the home's clock, as the register writes it ("4 Dec 2026"). The real clock, not a
 * faked one: the signed copy carries the moment it was made, and the main process refuses a
 * document whose time is not now.
 */
function londonToday(): { iso: string; words: string } {
  const parts = (options: Intl.DateTimeFormatOptions, locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Europe/London', ...options }).format(new Date());
  return {
    iso: parts({ year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA'),
    words: parts({ day: 'numeric', month: 'short', year: 'numeric' }, 'en-GB'),
  };
}

const firstVersion = [
  'Everyone signs in at the front door and wears their badge while in the home.',
  'Visits take place in the family room unless staff agree otherwise.',
].join('\n\n');
const secondVersion = [
  'Everyone signs in at the front door and wears their badge while in the home.',
  'Visits take place in the family room unless staff agree otherwise.',
  'Mobile phones stay in the office during supervised visits.',
].join('\n\n');

test.describe('the visiting protocol', () => {
  // A seeded home, three sign-ins, a signed PDF and axe on each screen, on two shared cores.
  test.setTimeout(180_000);

  test('the manager writes the protocol; a family visitor signs it with the mouse, is not asked again until version 2, which staff read to them using only the keyboard; their page shows it and a PDF copy is made', async ({
    app,
    page,
  }) => {
    const today = londonToday();
    const summary = await signInToFixture(app);
    const home = seededHome(summary);
    // A young person still placed, and a family member of theirs with no restriction at all.
    const { child, visitor } = unrestrictedFamily(home, { placedAfter: today.iso });
    const reader = home.staff.find((member) => member.isActive && member.roles.includes('careStaff'));
    if (!reader) throw new Error('Seed 1 has a care worker on shift');

    const frame = new AppFrame(page);
    const protocol = new VisitingProtocolPage(page);
    const door = new DoorPage(page);

    // The manager writes version 1.
    await frame.open('Visiting protocol');
    await expect(protocol.heading).toBeVisible();
    await expect(page.getByText('Nothing published yet.')).toBeVisible();
    await protocol.publish(firstVersion, 1);
    await expect(page.getByText('Version 1 is published.')).toBeVisible();
    await expect(protocol.versions.getByRole('listitem')).toHaveCount(1);
    await app.checkScreen('the visiting protocol, version 1', { screenshot: 'manager published version 1' });

    // A family visitor, chosen from the register, is asked at their first sign-in.
    const signInFamilyVisitor = async () => {
      await frame.open('Front door');
      await door.fill({ name: visitor, visiting: [child], reason: 'Family visit' });
      await door.chooseRegistered(visitor);
    };
    await signInFamilyVisitor();
    await expect(protocol.atDoor).toBeVisible();
    await expect(protocol.atDoor).toContainText(
      'This is their first visit since the home’s visiting protocol was written',
    );
    await expect(protocol.atDoor).toContainText('Visits take place in the family room');
    await door.signInButton.click();
    await expect(protocol.atDoor.getByRole('alert')).toContainText(
      'Go through the visiting protocol with them',
    );
    await protocol.atDoor.getByLabel('They sign it on screen').check();
    await protocol.drawSignature(3);
    await app.expectAccessible('the door asking a family visitor to accept the protocol');
    await expectFitsAtOfficeSizes(app, page, protocol.atDoor, 'protocol signed at the door');
    await door.signInButton.click();
    await expect(door.announcement).toContainText(new RegExp(`${visitor} signed in at \\d\\d:\\d\\d\\.`));
    await expect(door.announcement).toContainText('They signed version 1 of the visiting protocol.');
    await door.signOut(visitor);
    await expect(door.onSiteMessage).toContainText(`${visitor} signed out`);

    // The next sign-in is not asked.
    await signInFamilyVisitor();
    await expect(door.clear).toBeVisible();
    await expect(protocol.atDoor).toHaveCount(0);
    await door.signInButton.click();
    await expect(door.announcement).toContainText(`${visitor} signed in at`);
    await expect(door.announcement).not.toContainText('visiting protocol');
    await door.signOut(visitor);
    await expect(door.onSiteMessage).toContainText(`${visitor} signed out`);

    // The manager publishes version 2; version 1 is kept and can be read.
    await frame.open('Visiting protocol');
    await protocol.publish(secondVersion, 2);
    await expect(page.getByText('Version 2 is published.')).toBeVisible();
    await expect(protocol.versions.getByRole('listitem')).toHaveCount(2);
    await protocol.versions.getByText(/^Version 1, published/).click();
    await expect(protocol.versions.getByRole('listitem').nth(1)).toContainText(
      'Visits take place in the family room',
    );
    await expect(protocol.versions.getByRole('listitem').nth(1)).not.toContainText('Mobile phones');
    await app.expectAccessible('the visiting protocol with two versions');
    await expectFitsAtOfficeSizes(app, page, protocol.versions, 'visiting protocol versions');

    // The next sign-in asks again; staff read it to them, with the keyboard alone.
    await signInFamilyVisitor();
    await expect(protocol.atDoor).toContainText(
      'They accepted version 1 of the visiting protocol; it has changed since.',
    );
    await expect(protocol.atDoor).toContainText('Mobile phones stay in the office');
    const text = protocol.atDoor.getByRole('region', { name: 'The visiting protocol, version 2' });
    await text.focus();
    await page.keyboard.press('Tab');
    await expect(protocol.atDoor.getByLabel('They sign it on screen')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(protocol.atDoor.getByLabel('Read to them by a member of staff')).toBeChecked();
    await page.keyboard.press('Tab');
    const readBy = protocol.atDoor.getByLabel('Read to them by', { exact: true });
    await expect(readBy).toBeFocused();
    await page.keyboard.type(reader.name);
    await expect(readBy.locator('option:checked')).toHaveText(reader.name);
    await page.keyboard.press('Tab');
    await expect(door.signInButton).toBeFocused();
    await app.checkScreen('the door asking again after version 2', { screenshot: 'version 2 read to them' });
    await page.keyboard.press('Enter');
    await expect(door.announcement).toContainText(
      `Version 2 of the visiting protocol was read to them by ${reader.name}.`,
    );

    // The register entry and the person's page say which version they accepted and how.
    const accepted = `Accepted version 2 on ${today.words}, read to them by ${reader.name}`;
    await frame.open('Visitor register');
    await expect(page.getByRole('row').filter({ hasText: accepted }).first()).toBeVisible();
    await expect(
      page
        .getByRole('row')
        .filter({ hasText: `Accepted version 1 on ${today.words}, signed` })
        .first(),
    ).toBeVisible();
    await frame.open('Family and friends');
    await page.getByLabel('Find someone').fill(visitor);
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${visitor}`) }) });
    await expect(row).toContainText(accepted);
    await app.expectAccessible('family and friends with the protocol answer');
    await expectFitsAtOfficeSizes(app, page, row, 'person with protocol answer');

    // Their copy, through the disclosure question and the signed-PDF path.
    await row.getByRole('button', { name: `PDF copy of the visiting protocol for ${visitor}` }).click();
    const signing = page.getByRole('form', { name: 'Sign the visiting protocol copy' });
    await signing.getByLabel('Your password').fill(summary.signIn.password);
    await signing.getByRole('button', { name: 'Sign and save PDF' }).click();
    const why = new DisclosureDialog(page);
    await expect(why.dialog).toBeVisible();
    await app.expectAccessible('the protocol copy asks why');
    await why.answer(visitor, 'Another reason', 'Their own copy of the visiting protocol');
    await expect(page.getByText(/copy is saved as visiting-protocol-v2-/)).toBeVisible({ timeout: 60_000 });
    const saved = fixedDocumentFolders(join(app.tempDir, 'documents')).saved;
    const [fileName] = await readdir(saved);
    expect(fileName).toMatch(/^visiting-protocol-v2-.+\.pdf$/);
    const { stdout } = await run('pdftotext', ['-layout', join(saved, fileName ?? ''), '-']);
    const pdf = stdout.replace(/\s+/g, ' ');
    expect(pdf).toContain('Visiting protocol, version 2');
    expect(pdf).toContain(visitor);
    expect(pdf).toContain(accepted);
    expect(pdf).toContain('Mobile phones stay in the office during supervised visits.');
    // Page 1 as a PNG beside the screenshots, to look at.
    const folder = dirname(await app.screenshot('protocol copy saved'));
    await run('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-singlefile',
      join(saved, fileName ?? ''),
      join(folder, 'protocol copy page 1'),
    ]);
    expect((await run('pdfsig', [join(saved, fileName ?? '')])).stdout).toContain('Signature is Valid');
  });
});
