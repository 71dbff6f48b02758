import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appEntryUrl, isAppUrl } from '../../../electron/main/app-origin';
import { createIpcHandlers, type MainServices } from '../../../electron/main/handlers';
import { createIpcRouter } from '../../../electron/main/ipc-router';
import { createAppInfoService } from '../../../electron/main/services/app-info';
import { createBackupService } from '../../../electron/main/services/backup/backup-service';
import { fixedBackupDialogs } from '../../../electron/main/services/backup/fixed-dialogs';
import { createDocumentsService } from '../../../electron/main/services/documents';
import { fixedDocumentDialogs } from '../../../electron/main/services/fixed-document-dialogs';
import { inMemoryProtectedStorage } from '../../../electron/main/services/mail/in-memory-protected-storage';
import { createMailClientOpener } from '../../../electron/main/services/mail/mail-client';
import { createMailService } from '../../../electron/main/services/mail/mail-service';
import type { ProtectedStorage } from '../../../electron/main/services/mail/protected-storage';
import { createSyncService } from '../../../electron/main/services/sync/sync-service';
import { createTrustServices } from '../../../electron/main/services/trust-services';
import type { SealedAuthority, SealedCredential } from '../../../shared/ipc/channels/signing';
import type { IpcChannel, IpcReply, IpcRequest } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/ipc-result';
import type { ManagerRequest, ProvenChannel } from '../../../shared/ipc/manager-request';
import type { StaffRole } from '../../../shared/schemas/staff';
import { withProofFrom, type TestSigner } from '../../support/manager-proof';

/**
 * The main process as electron/main/index.ts wires it, over a temporary folder, reached through
 * the real contract and router: for tests of what the main process itself enforces.
 */
export function mainRig(
  options: { root?: string; now?: () => Date; protectedStorage?: ProtectedStorage } = {},
) {
  const root = options.root ?? mkdtempSync(join(tmpdir(), 'family-links-main-'));
  const userData = join(root, 'user-data');
  const log: { message: string; detail: unknown }[] = [];
  const common = {
    ...(options.now ? { now: options.now } : {}),
    log: (message: string, detail?: unknown) => void log.push({ message, detail }),
  };
  const protectedStorage = options.protectedStorage ?? inMemoryProtectedStorage();
  const trust = createTrustServices({ folder: userData, protectedStorage, ...common });
  const services: MainServices = {
    ...trust,
    appInfo: createAppInfoService({
      name: 'Family Links',
      version: '0.1.0',
      runtime: 'electron',
      platform: 'linux',
      versions: { node: '22.0.0', chrome: '142.0.0.0', electron: '45.6.0' },
    }),
    backup: createBackupService({
      settingsFolder: userData,
      defaultFolder: join(userData, 'backups'),
      dialogs: fixedBackupDialogs(join(root, 'backups')),
      mainKey: trust.mainKey,
      ...common,
    }),
    documents: createDocumentsService({
      settingsFolder: userData,
      fontsFolder: join(process.cwd(), 'resources', 'fonts'),
      dialogs: fixedDocumentDialogs(join(root, 'documents')),
      homeAuthority: trust.homeAuthority,
      mainKey: trust.mainKey,
      ...common,
    }),
    mail: createMailService({
      folder: userData,
      protectedStorage,
      mainKey: trust.mainKey,
      timeouts: { connectionMs: 3000, greetingMs: 3000, socketMs: 5000 },
      ...common,
    }),
    mailClient: createMailClientOpener(() => Promise.resolve()),
    sync: createSyncService({ folder: userData, protectedStorage, mainKey: trust.mainKey, ...common }),
  };
  const handlers = createIpcHandlers(services);
  const router = createIpcRouter(handlers, { isTrustedSender: (sender) => isAppUrl(sender.url), ...common });

  async function call<Channel extends IpcChannel>(
    channel: Channel,
    request: IpcRequest<Channel> | Record<string, unknown>,
  ): Promise<IpcResult<IpcReply<Channel>>> {
    return (await router.dispatch(channel, request, { url: appEntryUrl })) as IpcResult<IpcReply<Channel>>;
  }

  /** The reply's value, or a thrown error naming the failure. */
  async function value<Channel extends IpcChannel>(
    channel: Channel,
    request: IpcRequest<Channel> | Record<string, unknown>,
  ): Promise<IpcReply<Channel>> {
    const result = await call(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  /** Makes the home CA here, as first run does (so this computer knows it). */
  async function createAuthority(homeName = 'Oakfield House') {
    const secret = randomBytes(32).toString('hex');
    const { authority } = await value('signing:create-authority', { homeName, secret });
    return { authority, secret };
  }

  /** A staff member's certificate and sealed key, issued by `ca`, naming `roles`. */
  async function issue(
    ca: { authority: SealedAuthority; secret: string },
    staff: { name?: string; roles: StaffRole[]; id?: string },
  ): Promise<TestSigner & { staffId: string; credential: SealedCredential }> {
    const secret = randomBytes(32).toString('hex');
    const staffId = staff.id ?? randomUUID();
    const reply = await value('signing:issue-certificate', {
      authority: { encryptedKey: ca.authority.encryptedKey, certificatePem: ca.authority.certificatePem },
      authoritySecret: ca.secret,
      staff: { id: staffId, name: staff.name ?? 'Pat Manager', roles: staff.roles },
      homeName: 'Oakfield House',
      secret,
    });
    if (reply.outcome !== 'issued') throw new Error(reply.message);
    return { staffId, credential: reply.credential, secret };
  }

  /** `request` with a proof made with `signer`'s key over a fresh challenge from this main process. */
  function withProof<Channel extends ProvenChannel>(
    signer: TestSigner,
    channel: Channel,
    request: ManagerRequest<Channel>,
  ): Promise<IpcRequest<Channel>> {
    return withProofFrom(() => value('auth:challenge', {}), signer, channel, request);
  }

  return {
    root,
    userData,
    log,
    services,
    /** The main process's own key, for tests that write its files as it does. */
    mainKey: trust.mainKey,
    handlers,
    router,
    call,
    value,
    createAuthority,
    issue,
    withProof,
  };
}
export type MainRig = ReturnType<typeof mainRig>;

type HomeAuthorityMade = Awaited<ReturnType<MainRig['createAuthority']>>;
type Issued = Awaited<ReturnType<MainRig['issue']>>;

/**
 * A home's CA and a certificate for each of `people`, made by one main process at `at`. Keys take
 * a while to make on a busy machine, so a test file makes its home once (in `beforeAll`) and each
 * test gives a main process of its own that CA (`homeAuthority.learn`), as the computer that made
 * it would know it.
 */
export async function homeWithCertificates<Name extends string>(
  at: Date,
  people: Readonly<Record<Name, { readonly name: string; readonly roles: StaffRole[] }>>,
  homeName?: string,
): Promise<{ readonly ca: HomeAuthorityMade } & Readonly<Record<Name, Issued>>> {
  const rig = mainRig({ now: () => at });
  const ca = await rig.createAuthority(homeName);
  const issued = {} as Record<Name, Issued>;
  for (const name of Object.keys(people) as Name[]) issued[name] = await rig.issue(ca, people[name]);
  return { ca, ...issued };
}
