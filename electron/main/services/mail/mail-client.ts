import { mailtoUrl } from '../../../../shared/rules/alert-text';
import type { Log } from '../clock-and-log';

/** Electron's shell.openExternal, passed in by electron/main/index.ts; the harness passes a recorder. */
export type OpenExternal = (url: string) => Promise<void>;

/**
 * Opens an alert in the person's own mail client. Only a mailto: address this module built is
 * ever handed to the system (the allow-list: scheme mailto:, one address, nothing else), so the
 * renderer cannot use this to open a web page or a file.
 */
export function createMailClientOpener(openExternal: OpenExternal, log?: Log) {
  return {
    async open(message: {
      to: string;
      subject: string;
      body: string;
    }): Promise<{ opened: boolean; message: string }> {
      const url = mailtoUrl(message);
      if (!isAllowedMailto(url))
        return { opened: false, message: 'That address cannot be opened in a mail client.' };
      try {
        await openExternal(url);
        return { opened: true, message: 'The message is open in your mail client. Send it from there.' };
      } catch (error) {
        log?.('The mail client could not be opened', error instanceof Error ? error.message : error);
        return {
          opened: false,
          message: 'No mail client opened on this computer. Copy the message from the outbox instead.',
        };
      }
    },
  };
}
export type MailClientOpener = ReturnType<typeof createMailClientOpener>;

/** The allow-list: a mailto: URL to exactly one plain address, with only subject and body. */
export function isAllowedMailto(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'mailto:') return false;
  if (!/^[^\s@,;?&/%]+@[A-Za-z0-9.-]+$/.test(decodeURIComponent(parsed.pathname))) return false;
  return [...parsed.searchParams.keys()].every((key) => key === 'subject' || key === 'body');
}
