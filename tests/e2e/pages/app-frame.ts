import type { Locator, Page } from '@playwright/test';

export type ScreenName = 'Academic calendar' | 'Staff accounts' | 'Audit log' | 'Home settings' | 'My account' | 'About';

/** The frame around every screen once someone is signed in: the header and the main navigation. */
export class AppFrame {
  /** The home's name in the header, as every signed-in screen shows it. */
  readonly homeName: Locator;
  readonly signedInAs: Locator;
  readonly navigation: Locator;

  constructor(readonly page: Page) {
    this.homeName = page.getByRole('banner').locator('.shell__home');
    this.signedInAs = page.getByRole('banner').getByText(/^Signed in as/);
    this.navigation = page.getByRole('navigation', { name: 'Main' });
  }

  async open(screen: ScreenName): Promise<void> {
    await this.navigation.getByRole('link', { name: screen, exact: true }).click();
  }

  /** The link for the screen on show is marked as the current page. */
  current(screen: ScreenName): Locator {
    return this.navigation.getByRole('link', { name: screen, exact: true });
  }
}
