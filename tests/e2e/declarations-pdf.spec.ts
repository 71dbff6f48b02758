import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fixedDocumentFolders } from '../../electron/main/services/fixed-document-dialogs';
import { expect, test } from './harness/fixtures';
import { AuditLogPage } from './pages/audit-log-page';
import { CaseFileSettingsPage } from './pages/case-file-settings-page';
import { DeclarationsPage, tomsDeclinedGift } from './pages/declarations-page';
import { DeclarationsPdfPanel } from './pages/declarations-pdf-panel';
import { DisclosureDialog } from './pages/disclosure-dialog';
import { DisclosureLogPage } from './pages/disclosure-log-page';
import {
  careWorker,
  careWorkerAccount,
  manager,
  newHomeOn,
  signInAsCareWorker,
  switchUser,
} from './pages/door-home';
import { StaffAccountsPage } from './pages/staff-accounts-page';

function run(tool: string, args: readonly string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${tool} is not installed (apt-get install -y poppler-utils qpdf)`);
  return `${result.stdout}${result.stderr}`;
}

/** What pdfsig, qpdf and pdftoppm say about a saved PDF; the PNG of page 1 goes beside the screenshots. */
async function checkPdf(
  path: string,
  pngPrefix: string,
): Promise<{ pdfsig: string; qpdf: string; sha256: string }> {
  const sha256 = createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
  const png = run('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', path, pngPrefix]);
  expect(png).toBe('');
  return { pdfsig: run('pdfsig', [path]), qpdf: run('qpdf', ['--check', path]), sha256 };
}

test.describe('signed PDFs of declarations and the case-file folder', () => {
  // Several accounts, each with Argon2id (64 MiB) and RSA key generation, on a shared two-core machine.
  test.describe.configure({ timeout: 240_000 });
  test('a care worker and then the manager save signed PDFs of the care worker’s declarations; each asks why and is logged with its hash', async ({
    app,
    page,
  }, testInfo) => {
    const frame = await newHomeOn(app, 'Staff accounts');
    const accounts = new StaffAccountsPage(page);
    await accounts.add(careWorkerAccount);
    await expect(accounts.confirmation).toContainText('Tom Hughes can now sign in');

    // Tom signs in for the first time, declares a gift and saves a signed PDF of his own declarations.
    await signInAsCareWorker(page);
    await frame.open('Declarations');
    const declarations = new DeclarationsPage(page);
    await declarations.declare(tomsDeclinedGift(manager.name));
    await expect(declarations.confirmation).toContainText('Your declaration is recorded');

    const pdf = new DeclarationsPdfPanel(page);
    await pdf.open('Signed PDF of my declarations');
    await pdf.sign('not my password at all');
    await expect(pdf.form.getByText('This is not your password.')).toBeVisible();
    await app.expectAccessible('declarations PDF panel');
    await pdf.sign(careWorker.password);
    const why = new DisclosureDialog(page);
    await expect(why.dialog).toBeVisible();
    await app.screenshot('signing the declarations PDF asks why');
    await why.answer('My staff file, held by Priya Raman', 'For a staff file');
    await expect(declarations.confirmation).toContainText('Signed PDF saved as declarations-tom-hughes-');
    await app.checkScreen('declarations after the PDF is saved', {
      screenshot: 'care worker saved a signed PDF of their declarations',
    });

    const saved = fixedDocumentFolders(join(app.tempDir, 'documents')).saved;
    const [fileName] = await readdir(saved);
    expect(fileName).toMatch(/^declarations-tom-hughes-\d{4}-\d{2}-\d{2}\.pdf$/);
    const tomsCopy = await checkPdf(join(saved, fileName ?? ''), testInfo.outputPath('toms-declarations'));
    expect(tomsCopy.pdfsig).toContain('Signature is Valid');
    expect(tomsCopy.pdfsig).toContain('Total document signed');
    expect(tomsCopy.pdfsig).toContain('Signer Certificate Common Name: Tom Hughes');
    expect(tomsCopy.qpdf).toContain('No syntax or stream encoding errors found');

    // The manager makes one for Tom's staff file, signed with her own certificate.
    await switchUser(page, manager.username, manager.password);
    await frame.open('Declarations');
    await page.getByLabel('Member of staff').selectOption({ label: careWorker.name });
    await pdf.open('Signed PDF for Tom Hughes’s staff file');
    await pdf.sign(manager.password);
    await why.answer('Tom Hughes’s staff file', 'For a staff file');
    await expect(declarations.confirmation).toContainText('Signed PDF saved as declarations-tom-hughes-');
    const managersCopy = await checkPdf(join(saved, fileName ?? ''), testInfo.outputPath('managers-copy'));
    expect(managersCopy.pdfsig).toContain('Signature is Valid');
    expect(managersCopy.pdfsig).toContain('Signer Certificate Common Name: Priya Raman');
    expect(managersCopy.qpdf).toContain('No syntax or stream encoding errors found');

    // Both copies are in the disclosure log, and the audit log names each file's SHA-256.
    await frame.open('Disclosure log');
    const log = new DisclosureLogPage(page);
    await expect(log.table).toContainText('Signed PDF of Tom Hughes’s declarations (1) for the staff file');
    await expect(log.table).toContainText('My staff file, held by Priya Raman');
    await expect(log.table).toContainText('Tom Hughes’s staff file');
    await app.screenshot('disclosure log with the declarations PDFs');
    const audit = await AuditLogPage.open(page);
    await expect(audit.table.getByText(`SHA-256 ${tomsCopy.sha256}`)).toBeVisible();
    await expect(audit.table.getByText(`SHA-256 ${managersCopy.sha256}`)).toBeVisible();
    // Older entries are further down a long log: the manager filters to them.
    await audit.what.selectOption({ label: 'Issued a signing certificate' });
    await expect(audit.entries.first()).toContainText('Issued a signing certificate');
    await app.expectAccessible('audit log with signed PDFs');
  });

  test('the manager chooses the case-file folder and sees when it cannot be reached', async ({
    app,
    page,
  }) => {
    const frame = await newHomeOn(app, 'Case-file folder');
    const settings = new CaseFileSettingsPage(page);
    await expect(settings.folder).toHaveText('None chosen yet');
    await expect(settings.reachable).toContainText('Not set');
    await app.expectAccessible('case-file folder not set');
    await settings.chooseFolder();
    const folder = fixedDocumentFolders(join(app.tempDir, 'documents')).caseFile;
    await expect(settings.folder).toHaveText(folder);
    await expect(settings.reachable).toContainText('Yes');
    await app.screenshot('case-file folder reachable');

    // The share goes offline: the screen says so when checked again; back online, it is reachable.
    await rm(folder, { recursive: true });
    await settings.checkAgain();
    await expect(settings.reachable).toContainText('No');
    await expect(settings.reachable).toContainText('cannot be reached');
    await app.checkScreen('case-file folder unreachable');
    await mkdir(folder);
    await settings.checkAgain();
    await expect(settings.reachable).toContainText('Yes');

    // Someone edits the setting on disk to send every later copy to a folder of their own: it is
    // not followed, and the manager is told to choose again.
    const setting = join(app.tempDir, 'user-data', 'case-file-folder.json');
    const theirs = join(app.tempDir, 'someone-elses-folder');
    await mkdir(theirs);
    const stored = JSON.parse(await readFile(setting, 'utf8')) as Record<string, unknown>;
    await writeFile(setting, JSON.stringify({ ...stored, folder: theirs }));
    await settings.checkAgain();
    await expect(settings.folder).toHaveText('Not trusted: choose the folder again');
    await expect(settings.reachable).toContainText('Not trusted: The record of the case-file folder');
    await app.checkScreen('case-file folder not trusted', { atOfficeSizes: true });
    await frame.open('Home');
    await expect(page.getByRole('link', { name: 'Choose the case-file folder' }).first()).toBeVisible();
    await frame.open('Case-file folder');
    await settings.chooseFolder();
    await expect(settings.folder).toHaveText(folder);
    await expect(settings.reachable).toContainText('Yes');
    expect(await readdir(theirs)).toEqual([]);

    const log = await AuditLogPage.open(page);
    await expect(log.table.getByText('Chose the case-file folder').first()).toBeVisible();
  });
});
