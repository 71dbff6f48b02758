import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentsHandlers } from '../../../../../electron/main/handlers/documents-handlers';
import { createDocumentsService } from '../../../../../electron/main/services/documents';
import { fixedDocumentDialogs } from '../../../../../electron/main/services/fixed-document-dialogs';
import { inMemoryProtectedStorage } from '../../../../../electron/main/services/mail/in-memory-protected-storage';
import { createTrustServices } from '../../../../../electron/main/services/trust-services';
import type { IpcRequest } from '../../../../../shared/ipc/contract';
import type { SigningPort } from '../../../../../renderer/src/platform/signing-port';
import { contractChecked } from '../../../../support/contract-checked';

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
      mainKey: trust.mainKey,
    }),
    proofs: trust.proofs,
  });
  const calls: string[] = [];
  const counted = <Channel extends keyof SigningPort>(channel: Channel) => {
    const call = contractChecked(handlers, channel);
    return (request: IpcRequest<Channel>) => {
      calls.push(channel);
      return call(request);
    };
  };
  return {
    calls,
    'signing:create-authority': counted('signing:create-authority'),
    'signing:issue-certificate': counted('signing:issue-certificate'),
  };
}
