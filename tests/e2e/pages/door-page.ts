import type { Locator, Page } from '@playwright/test';
import { expect } from '../harness/fixtures';

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
export class DoorPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly visitorName: Locator;
  readonly reason: Locator;
  readonly badge: Locator;
  readonly signInButton: Locator;
  readonly overrideAndAdmitButton: Locator;
  /** The red "Do not admit" panel (role="alert"). */
  readonly blocked: Locator;
  /** The amber panel for a restriction with conditions. */
  readonly warning: Locator;
  readonly hasReadThis: Locator;
  readonly whoWillSupervise: Locator;
  readonly overrideReason: Locator;
  readonly overrideConfirmation: Locator;
  /** "No restrictions found for this name." */
  readonly clear: Locator;
  /** "Type their full name to check it." */
  readonly needsFullName: Locator;
  /** The area beside the name field where the check's answer shows. */
  readonly checkAnswer: Locator;
  /** "Check their ID": a name close to a restricted person's. */
  readonly idCheck: Locator;
  readonly turnedAwayNote: Locator;
  readonly turnedAwayButton: Locator;
  readonly handoverButton: Locator;
  /** "Signed out in the last 2 minutes", with "Put <name> back on site". */
  readonly recentlySignedOut: Locator;
  /** "<name> signed in at 14:05." and the like. */
  readonly announcement: Locator;
  readonly onSite: Locator;
  /** What "On site now" says after a sign-out or a put-back. */
  readonly onSiteMessage: Locator;
  readonly printFireRollButton: Locator;
  readonly fireRollHeading: Locator;
  readonly fireRollTable: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Front door' });
    this.form = page.getByRole('form', { name: 'Sign a visitor in' });
    this.visitorName = this.form.getByLabel('Visitor’s name');
    this.reason = this.form.getByLabel('Reason for the visit');
    this.badge = this.form.getByLabel('Badge number');
    this.signInButton = this.form.getByRole('button', { name: 'Sign in', exact: true });
    this.overrideAndAdmitButton = this.form.getByRole('button', { name: 'Override and admit' });
    this.blocked = page.getByRole('alert').filter({ hasText: 'Do not admit' });
    this.warning = page.getByRole('region', { name: 'Restricted: read before signing in' });
    this.hasReadThis = this.warning.getByLabel('I have read this');
    this.whoWillSupervise = this.form.getByLabel('Who will supervise?');
    this.overrideReason = this.form.getByLabel('Why are you overriding the restriction?');
    this.overrideConfirmation = this.form.getByLabel(/I have checked who this is/);
    this.clear = page.getByRole('status').filter({ hasText: 'No restrictions found for this name.' });
    this.needsFullName = page.getByRole('status').filter({ hasText: 'Type their full name to check it.' });
    this.checkAnswer = this.form.getByRole('group', { name: 'The restriction check' });
    this.idCheck = page.getByRole('region', { name: 'Check their ID' });
    this.turnedAwayNote = this.form.getByLabel('Note (optional)');
    this.turnedAwayButton = this.form.getByRole('button', { name: 'Record as turned away' });
    this.handoverButton = page.getByRole('button', { name: 'Handover list' });
    this.recentlySignedOut = page.getByRole('region', { name: 'Signed out in the last 2 minutes' });
    this.announcement = this.page
      .getByRole('region', { name: 'Sign a visitor in' })
      .getByRole('status')
      .filter({ hasText: /(signed (in|out)|recorded as turned away) at \d\d:\d\d/ });
    this.onSite = page.getByRole('list', { name: 'Visitors on site now' });
    this.onSiteMessage = page.getByRole('region', { name: /^On site now/ }).getByRole('status');
    this.printFireRollButton = page.getByRole('button', { name: 'Print fire roll' });
    this.fireRollHeading = page.getByRole('heading', { level: 1, name: /^Fire roll: / });
    this.fireRollTable = page.getByRole('table', { name: 'Visitors on site' });
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
