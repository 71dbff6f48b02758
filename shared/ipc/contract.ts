import { z } from 'zod';
import '../zod-setup';
import { auditChannels } from './channels/audit';
import { authorityChannels } from './channels/authority';
import { backupChannels } from './channels/backup';
import { documentsChannels } from './channels/documents';
import { signingChannels } from './channels/signing';
import { mailChannels } from './channels/mail';
import { syncChannels } from './channels/sync';
import { noRequest } from './no-request';

/**
 * Every channel between the renderer and the main process, named `area:verb`, with the zod
 * schemas of its request and reply. The preload builds `window.api` from this object, the main
 * process registers its handlers from it, and the end-to-end harness builds the same `window.api`
 * over a Playwright binding: add a channel here and all three follow.
 */
export const ipcContract = {
  ...auditChannels,
  ...authorityChannels,
  ...backupChannels,
  ...documentsChannels,
  ...signingChannels,
  ...mailChannels,
  ...syncChannels,
  'app:get-info': {
    request: noRequest,
    reply: z.object({
      name: z.string(),
      version: z.string(),
      /** `electron` in the desktop app, `harness` when the renderer runs under the test harness. */
      runtime: z.enum(['electron', 'harness']),
      platform: z.string(),
      versions: z.object({
        node: z.string(),
        chrome: z.string().optional(),
        electron: z.string().optional(),
      }),
    }),
  },
} as const;

/**
 * Events the main process sends to the renderer, with their payload schemas. The renderer checks
 * each payload before acting on it, like every reply.
 */
export const ipcEvents = {
  /** The computer is locking or going to sleep: lock Family Links too (drafts are kept). */
  'system:lock-requested': z.object({ reason: z.enum(['screen-locked', 'suspended', 'shutdown']) }),
} as const;

export type IpcEvents = typeof ipcEvents;
export type IpcEventName = keyof IpcEvents;
export type IpcEventPayload<Name extends IpcEventName> = z.infer<IpcEvents[Name]>;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcRequest<Channel extends IpcChannel> = z.input<IpcContract[Channel]['request']>;
export type IpcReply<Channel extends IpcChannel> = z.infer<IpcContract[Channel]['reply']>;
export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];

export function isIpcChannel(name: unknown): name is IpcChannel {
  return typeof name === 'string' && Object.hasOwn(ipcContract, name);
}
