import { rm } from 'node:fs/promises';

/**
 * Deletes a folder a test made (a profile, a computer's user data). The harness's main process
 * may still be finishing a write the page asked for just before the test ended (the audit
 * anchor, a settings file), so a removal that finds a file has appeared in a folder it emptied
 * (ENOTEMPTY) tries again, with Node's own retries, rather than failing a test that passed.
 */
export function removeTestFolder(path: string): Promise<void> {
  return rm(path, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}
