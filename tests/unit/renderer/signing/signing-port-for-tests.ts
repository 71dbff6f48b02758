import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentsHandlers } from '../../../../electron/main/handlers/documents-handlers';
import { createDocumentsService } from '../../../../electron/main/services/documents';
import { fixedDocumentDialogs } from '../../../../electron/main/services/fixed-document-dialogs';
import { inMemoryProtectedStorage } from '../../../../electron/main/services/mail/in-memory-protected-storage';
import { createTrustServices } from '../../../../electron/main/services/trust-services';
import { ipcContract } from '../../../../shared/ipc/contract';
import type { SigningPort } from '../../../../renderer/src/platform/signing-port';

/**
 * The signing channels over the real documents service, each request and reply checked against
 * the contract as the bridge does: what the renderer gets in the app, minus Electron.
 */
export function realSigningPort(): SigningPort & { calls: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'family-links-signing-'));
  const trust = createTrustServices({ folder: root, protectedStorage: inMemoryProtectedStorage() });
  const handlers = createDocumentsHandlers({
    documents: createDocumentsService({
      settingsFolder: root,
      fontsFolder: join(process.cwd(), 'resources', 'fonts'),
      dialogs: fixedDocumentDialogs(root),
      homeAuthority: trust.homeAuthority,
    }),
    proofs: trust.proofs,
  });
  const calls: string[] = [];
  return {
    calls,
    async 'signing:create-authority'(request) {
      calls.push('signing:create-authority');
      const result = await handlers['signing:create-authority'](
        ipcContract['signing:create-authority'].request.parse(request),
      );
      return result.ok
        ? { ok: true, value: ipcContract['signing:create-authority'].reply.parse(result.value) }
        : result;
    },
    async 'signing:issue-certificate'(request) {
      calls.push('signing:issue-certificate');
      const result = await handlers['signing:issue-certificate'](
        ipcContract['signing:issue-certificate'].request.parse(request),
      );
      return result.ok
        ? { ok: true, value: ipcContract['signing:issue-certificate'].reply.parse(result.value) }
        : result;
    },
  };
}
