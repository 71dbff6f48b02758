import type { documentsChannels } from '../../../shared/ipc/channels/documents';
import type { signingChannels } from '../../../shared/ipc/channels/signing';
import type { IpcHandlers } from '../ipc-router';
import type { ManagerProofs } from '../services/authority/manager-proofs';
import type { DocumentsService } from '../services/documents';
import { managerOnly } from './manager-only';

type DocumentsChannel = keyof typeof documentsChannels | keyof typeof signingChannels;

/**
 * The signing and documents channels. Each handler passes the parsed request to the documents
 * service; outcomes a person must act on (a wrong key, a folder offline, a cancelled dialog) are
 * part of the reply, so the router's failures stay for requests that were never valid.
 */
export function createDocumentsHandlers(services: {
  readonly documents: DocumentsService;
  readonly proofs: ManagerProofs;
}): Pick<IpcHandlers, DocumentsChannel> {
  const { documents, proofs } = services;
  return {
    'signing:create-authority': async (request) => ({
      ok: true,
      value: await documents.createAuthority(request),
    }),
    'signing:issue-certificate': async (request) => ({
      ok: true,
      value: await documents.issueCertificate(request),
    }),
    'contact-form:file': async (request) => ({ ok: true, value: await documents.fileContactForm(request) }),
    'case-file:write': async (request) => ({ ok: true, value: await documents.writeCaseFileCopy(request) }),
    'case-file:choose-folder': managerOnly(proofs, 'case-file:choose-folder', async () => ({
      ok: true,
      value: await documents.chooseCaseFileFolder(),
    })),
    'case-file:folder-status': async () => ({ ok: true, value: await documents.caseFileFolderStatus() }),
    'documents:sign-report': async (request) => ({ ok: true, value: await documents.signReport(request) }),
    'documents:choose-export-folder': async (request) => ({
      ok: true,
      value: await documents.chooseExportFolder(request),
    }),
    'documents:export-file': async (request) => ({ ok: true, value: await documents.exportFile(request) }),
    'documents:verify-signature': async (request) => ({
      ok: true,
      value: await documents.verifySignature(request),
    }),
  };
}
