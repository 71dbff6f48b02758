import type { IpcHandlers } from '../../electron/main/ipc-router';
import { ipcContract, type IpcChannel, type IpcReply, type IpcRequest } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/ipc-result';

/**
 * One main-process handler called as the router calls it, without Electron: the request parsed
 * against the channel's contract on the way in and the reply on the way out, so a test or a
 * benchmark pays for and relies on the same checks the app does.
 */
export function contractChecked<Channel extends IpcChannel>(
  handlers: Partial<Pick<IpcHandlers, Channel>>,
  channel: Channel,
): (request: IpcRequest<Channel>) => Promise<IpcResult<IpcReply<Channel>>> {
  // Each channel's handler takes its own request type; TypeScript cannot tie the union back to Channel.
  const handler = handlers[channel] as ((request: unknown) => Promise<IpcResult<unknown>>) | undefined;
  if (!handler) throw new Error(`No handler for ${channel}`);
  return async (request) => {
    const result = await handler(ipcContract[channel].request.parse(request));
    if (!result.ok) return result;
    return { ok: true, value: ipcContract[channel].reply.parse(result.value) as IpcReply<Channel> };
  };
}
