import { expect, type Locator, type Page } from '@playwright/test';
import type { CouchTestServer } from '../../support/couchdb-test-server';

/** The sync server as the manager types it: on the Computers screen, or on a new computer's join form. */
export async function fillServer(page: Page, couch: CouchTestServer, database: string): Promise<void> {
  await page.getByLabel('Server address').fill(couch.origin);
  await page.getByLabel('Database name').fill(database);
  await page.getByLabel('The home’s CA certificate (if it has its own)').fill(couch.caPem);
}

/** The server's admin sign-in, which setting up, adding and removing a computer each ask for. */
export async function fillAdmin(page: Page, couch: CouchTestServer): Promise<void> {
  await page.getByLabel('Admin user name').fill(couch.admin.name);
  await page.getByLabel('Admin password').fill(couch.admin.password);
}

/** The manager's Computers screen (open it first): sync set up, computers added and removed. */
export class ComputersPage {
  constructor(
    private readonly page: Page,
    private readonly couch: CouchTestServer,
  ) {}

  /** The home's computers. */
  get list(): Locator {
    return this.page.getByRole('table');
  }

  /** A computer's row, by what its first cell says ("Office (this computer)", "Front desk (removed)"). */
  computer(name: string): Locator {
    return this.list.getByRole('rowheader', { name, exact: true });
  }

  /** Sets sync up on this computer, naming it, and waits for it to be listed as this computer. */
  async setUp(database: string, name: string): Promise<void> {
    await fillServer(this.page, this.couch, database);
    await this.page.getByLabel('This computer’s name').fill(name);
    await fillAdmin(this.page, this.couch);
    await this.page.getByRole('button', { name: 'Set up', exact: true }).click();
    await expect(this.computer(`${name} (this computer)`)).toBeVisible({ timeout: 20_000 });
  }

  /** Adds a computer by name: the one-time pairing code shown for it. */
  async makeCode(name: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Add a computer' }).click();
    await this.page.getByLabel('The new computer’s name').fill(name);
    await fillAdmin(this.page, this.couch);
    await this.page.getByRole('button', { name: 'Make a pairing code' }).click();
    const code = (await this.page.getByLabel('Pairing code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}/);
    return code;
  }

  /** Once the computer named has joined with its code: says so, and lists it after "Done". */
  async expectJoined(name: string): Promise<void> {
    await expect(this.page.getByText(`${name} has joined the home’s computers.`)).toBeVisible({
      timeout: 30_000,
    });
    await this.page.getByRole('button', { name: 'Done' }).click();
    await expect(this.computer(name)).toBeVisible();
  }

  /** Opens the confirmation to remove a computer and types the admin sign-in: the dialog. */
  async startRemoving(name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Remove ${name}` }).click();
    await fillAdmin(this.page, this.couch);
    return this.page.getByRole('alertdialog', { name: `Remove ${name}?` });
  }
}

/** On a new computer's first run: joins the home with the code, and waits for the sign-in screen. */
export async function joinWithCodeOnScreen(
  page: Page,
  couch: CouchTestServer,
  database: string,
  code: string,
): Promise<void> {
  await page.getByRole('button', { name: 'Join this home’s computers…' }).click();
  await fillServer(page, couch, database);
  await page.getByLabel('Pairing code').fill(code);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByLabel('Username')).toBeVisible({ timeout: 60_000 });
}
