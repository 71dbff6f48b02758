import type { Locator } from '@playwright/test';
import { expect } from '../harness/fixtures';
import { PageModel } from './page-model';

export type Visitor = {
  readonly name: string;
  readonly visiting?: readonly string[];
  readonly organisation?: string;
  readonly reason: string;
  readonly badge?: string;
  readonly vehicle?: string;
  readonly isIdChecked?: boolean;
};

/**
 * The front door: "Sign a visitor in", the restriction check's answer beside the name, "On site
 * now" (with each visitor's conditions, "Print badge for <name>" and "Sign <name> out"), the fire
 * roll and the handover.
 */
export class DoorPage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Front door' });
  readonly form = this.page.getByRole('form', { name: 'Sign a visitor in' });
  readonly visitorName = this.form.getByLabel('Visitor’s name');
  readonly reason = this.form.getByLabel('Reason for the visit');
  readonly badge = this.form.getByLabel('Badge number');
  readonly signInButton = this.form.getByRole('button', { name: 'Sign in', exact: true });
  readonly overrideAndAdmitButton = this.form.getByRole('button', { name: 'Override and admit' });
  /** The red "Do not admit" panel (role="alert"). */
  readonly blocked = this.page.getByRole('alert').filter({ hasText: 'Do not admit' });
  /** The amber panel for a restriction with conditions. */
  readonly warning = this.page.getByRole('region', { name: 'Restricted: read before signing in' });
  readonly hasReadThis = this.warning.getByLabel('I have read this');
  readonly whoWillSupervise = this.form.getByLabel('Who will supervise?');
  readonly overrideReason = this.form.getByLabel('Why are you overriding the restriction?');
  readonly overrideConfirmation = this.form.getByLabel(/I have checked who this is/);
  /** "No restrictions found for this name." */
  readonly clear = this.page.getByRole('status').filter({ hasText: 'No restrictions found for this name.' });
  /** "Type their full name to check it." */
  readonly needsFullName = this.page
    .getByRole('status')
    .filter({ hasText: 'Type their full name to check it.' });
  /** The area beside the name field where the check's answer shows. */
  readonly checkAnswer = this.form.getByRole('group', { name: 'The restriction check' });
  /** "Check their ID": a name close to a restricted person's. */
  readonly idCheck = this.page.getByRole('region', { name: 'Check their ID' });
  readonly turnedAwayNote = this.form.getByLabel('Note (optional)');
  readonly turnedAwayButton = this.form.getByRole('button', { name: 'Record as turned away' });
  readonly handoverButton = this.page.getByRole('button', { name: 'Handover list' });
  /** "Signed out in the last 2 minutes", with "Put <name> back on site". */
  readonly recentlySignedOut = this.page.getByRole('region', { name: 'Signed out in the last 2 minutes' });
  /** "<name> signed in at 14:05." and the like. */
  readonly announcement = this.page
    .getByRole('region', { name: 'Sign a visitor in' })
    .getByRole('status')
    .filter({ hasText: /(signed (in|out)|recorded as turned away) at \d\d:\d\d/ });
  readonly onSite = this.page.getByRole('list', { name: 'Visitors on site now' });
  /** What "On site now" says after a sign-out or a put-back. */
  readonly onSiteMessage = this.page.getByRole('region', { name: /^On site now/ }).getByRole('status');
  readonly printFireRollButton = this.page.getByRole('button', { name: 'Print fire roll' });
  readonly fireRollHeading = this.page.getByRole('heading', { level: 1, name: /^Fire roll: / });
  readonly fireRollTable = this.page.getByRole('table', { name: 'Visitors on site' });

  /**
   * Chooses `name` from "Registered family and friends" under the name field, so the door knows
   * them as the young person's family, and waits for the form to say it is linked to them.
   */
  async chooseRegistered(name: string): Promise<void> {
    await this.page
      .getByRole('group', { name: /Registered family and friends/ })
      .getByRole('button', { name: new RegExp(`^${name}`) })
      .click();
    await expect(this.form).toContainText(`Linked to ${name}`);
  }

  /** Fills in the form as the person at the door would; the name last, as the check runs on it. */
  async fill(visitor: Visitor): Promise<void> {
    for (const youngPerson of visitor.visiting ?? [])
      await this.form.getByRole('checkbox', { name: youngPerson, exact: true }).check();
    if (visitor.organisation)
      await this.form.getByLabel('Organisation or relationship').fill(visitor.organisation);
    await this.reason.fill(visitor.reason);
    if (visitor.isIdChecked ?? true) await this.form.getByRole('checkbox', { name: 'ID checked' }).check();
    if (visitor.vehicle) await this.form.getByLabel('Vehicle registration').fill(visitor.vehicle);
    if (visitor.badge) await this.badge.fill(visitor.badge);
    await this.visitorName.fill(visitor.name);
  }

  /** Fills in the form and signs the visitor in, waiting for "<name> signed in at". */
  async signIn(visitor: Visitor): Promise<void> {
    await this.fill(visitor);
    await this.signInButton.click();
    await expect(this.announcement).toContainText(`${visitor.name} signed in at`);
  }

  /**
   * Signs in a visitor whose restriction allows a visit on terms: ticks "I have read this" and,
   * where the restriction asks for supervision, names who will supervise.
   */
  async signInOnTerms(visitor: Visitor, supervisor?: string): Promise<void> {
    await this.fill(visitor);
    await this.hasReadThis.check();
    if (supervisor) await this.whoWillSupervise.selectOption({ label: supervisor });
    await this.signInButton.click();
    await expect(this.announcement).toContainText(`${visitor.name} signed in at`);
  }

  /** Fills in the form and records the visitor as turned away, waiting for the announcement. */
  async turnAway(visitor: Visitor): Promise<void> {
    await this.fill(visitor);
    await this.turnedAwayButton.click();
    await expect(this.announcement).toContainText(`${visitor.name} recorded as turned away`);
  }

  /** One visitor on site: their card, headed by their name. */
  onSiteRow(name: string): Locator {
    return this.onSite
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  /** "Print badge for <name>": beside the confirmation once they are signed in. */
  printBadgeAfterSignIn(name: string): Locator {
    return this.page
      .getByRole('region', { name: 'Sign a visitor in' })
      .getByRole('button', { name: `Print badge for ${name}`, exact: true });
  }

  /** "Print badge for <name>" on their card in "On site now". */
  printBadgeButton(name: string): Locator {
    return this.onSiteRow(name).getByRole('button', { name: `Print badge for ${name}`, exact: true });
  }

  signOutButton(name: string): Locator {
    return this.onSiteRow(name).getByRole('button', { name: `Sign ${name} out`, exact: true });
  }

  async signOut(name: string): Promise<void> {
    await this.signOutButton(name).click();
  }

  putBackButton(name: string): Locator {
    return this.recentlySignedOut.getByRole('button', { name: `Put ${name} back on site` });
  }

  fireRollRow(name: string): Locator {
    return this.fireRollTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }
}
