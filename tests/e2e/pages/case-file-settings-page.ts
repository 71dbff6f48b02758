import type { Locator, Page } from '@playwright/test';
import { expect } from '../harness/fixtures';
import { AppFrame } from './app-frame';

/** Settings: the case-file folder and whether this computer can save there now. */
export class CaseFileSettingsPage {
  readonly folder: Locator;
  readonly reachable: Locator;

  constructor(readonly page: Page) {
    const section = page.getByRole('region', { name: 'Where signed copies go' });
    this.folder = section.getByRole('definition').first();
    this.reachable = section.getByRole('definition').nth(1);
  }

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
