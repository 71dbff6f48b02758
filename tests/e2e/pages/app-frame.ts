import type { Locator } from '@playwright/test';
import { PageModel } from './page-model';

/** The frame around every screen once someone is signed in: the header and the main navigation. */
export class AppFrame extends PageModel {
  /** The home's name in the header, as every signed-in screen shows it. */
  readonly homeName = this.page.getByRole('banner').locator('.shell__home');
  readonly signedInAs = this.page.getByRole('banner').getByText(/^Signed in as/);
  readonly navigation = this.page.getByRole('navigation', { name: 'Main' });

  /** Opens a screen by its link's text in the main navigation ("Academic calendar", "Home settings"...). */
  async open(screen: string): Promise<void> {
    await this.navigation.getByRole('link', { name: screen, exact: true }).click();
  }

  /** The link for the screen on show is marked as the current page. */
  current(screen: string): Locator {
    return this.navigation.getByRole('link', { name: screen, exact: true });
  }
}
