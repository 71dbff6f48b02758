import { PageModel } from './page-model';

export type MailServer = {
  host: string;
  port: number;
  security: 'STARTTLS' | 'TLS';
  username: string;
  password: string;
  fromAddress: string;
  caPem: string;
};

/** The manager's Mail settings screen. */
export class MailSettingsPage extends PageModel {
  readonly heading = this.page.getByRole('heading', { level: 1, name: 'Mail settings' });
  readonly form = this.page.getByRole('form', { name: 'Mail settings' });
  readonly testForm = this.page.getByRole('form', { name: 'Send a test message' });

  async fill(server: MailServer): Promise<void> {
    await this.form.getByLabel('Mail server').fill(server.host);
    await this.form.getByLabel('Port', { exact: true }).fill(String(server.port));
    await this.form.getByLabel(server.security === 'STARTTLS' ? /^STARTTLS/ : /^TLS from the start/).check();
    await this.form.getByLabel('User name').fill(server.username);
    await this.form.getByLabel('Password', { exact: true }).fill(server.password);
    await this.form.getByLabel('Send from (email address)').fill(server.fromAddress);
    await this.form.getByLabel('Your organisation’s CA certificate (optional)').fill(server.caPem);
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save mail settings' }).click();
  }

  async sendTest(to: string): Promise<void> {
    await this.testForm.getByLabel('Send the test message to').fill(to);
    await this.testForm.getByRole('button', { name: 'Send a test message' }).click();
  }
}
