import type { Page } from '@playwright/test';
import { expect, type AppDriver } from '../harness/fixtures';
import { AppFrame } from './app-frame';

/**
 * Counts the print view's calls to `window.print()` instead of opening the browser's print
 * dialogue; resolves with a way to read the count. (Plain JavaScript run in the page: this
 * project's Node tsconfig has no DOM types.)
 */
export async function countPrintRequests(page: Page): Promise<() => Promise<unknown>> {
  await page.evaluate('window.printRequests = 0; window.print = () => { window.printRequests += 1; }');
  return () => page.evaluate('window.printRequests');
}

/**
 * The print view as it goes on paper: without the app's navigation or "Print again", kept as the
 * screenshot `name`; the window then shows the screen again.
 */
export async function expectPrintedAlone(app: AppDriver, name: string): Promise<void> {
  await app.page.emulateMedia({ media: 'print' });
  await expect(new AppFrame(app.page).navigation).toBeHidden();
  await expect(app.page.getByRole('button', { name: 'Print again' })).toBeHidden();
  await app.screenshot(name);
  await app.page.emulateMedia({ media: 'screen' });
}
