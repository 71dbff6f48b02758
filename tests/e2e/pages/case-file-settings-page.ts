import type { Locator, Page } from '@playwright/test';

/** Settings: the case-file folder and whether this computer can save there now. */
export class CaseFileSettingsPage {
  readonly folder: Locator;
  readonly reachable: Locator;

  constructor(readonly page: Page) {
    const section = page.getByRole('region', { name: 'Where signed copies go' });
    this.folder = section.getByRole('definition').first();
    this.reachable = section.getByRole('definition').nth(1);
  }

  async chooseFolder(): Promise<void> {
    await this.page.getByRole('button', { name: 'Choose folder…' }).click();
  }

  async checkAgain(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check again' }).click();
  }
}
