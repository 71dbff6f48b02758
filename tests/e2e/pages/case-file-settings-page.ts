import type { Page } from '@playwright/test';
import { expect } from '../harness/fixtures';
import { AppFrame } from './app-frame';
import { PageModel } from './page-model';

/** Settings: the case-file folder and whether this computer can save there now. */
export class CaseFileSettingsPage extends PageModel {
  private readonly section = this.page.getByRole('region', { name: 'Where signed copies go' });
  readonly folder = this.section.getByRole('definition').first();
  readonly reachable = this.section.getByRole('definition').nth(1);

  /** "Choose folder…" (the harness's dialog picks the test's folder), and waits until it is saved. */
  async chooseFolder(): Promise<void> {
    await this.page.getByRole('button', { name: 'Choose folder…' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Case-file folder saved' })).toBeVisible();
  }

  async checkAgain(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check again' }).click();
  }
}

/** The manager opens the case-file folder's settings and chooses the folder. */
export async function chooseCaseFileFolder(page: Page): Promise<void> {
  await new AppFrame(page).open('Case-file folder');
  await new CaseFileSettingsPage(page).chooseFolder();
}
