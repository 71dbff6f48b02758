import type { IpcContract, IpcReply } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/ipc-result';
import type { ManagerChannel } from '../../../shared/ipc/manager-request';
import type { z } from 'zod';
import type { IpcHandlers } from '../ipc-router';
import type { ManagerProofs, ProvenManager } from '../services/authority/manager-proofs';

type Parsed<Channel extends ManagerChannel> = z.infer<IpcContract[Channel]['request']>;

/**
 * A handler that runs only for a request whose proof shows a Registered Manager asked for exactly
 * it (services/authority/manager-proofs.ts). The service gets the request without the proof, and
 * who proved it; anything else is refused as `not-permitted` with the reason in plain words.
 */
export function managerOnly<Channel extends ManagerChannel>(
  proofs: ManagerProofs,
  channel: Channel,
  handler: (
    request: Omit<Parsed<Channel>, 'proof'>,
    manager: ProvenManager,
  ) => Promise<IpcResult<IpcReply<Channel>>>,
  options: { learnAuthority?: boolean } = {},
): IpcHandlers[Channel] {
  const guarded = async (request: Parsed<Channel>): Promise<IpcResult<IpcReply<Channel>>> => {
    const { proof, ...rest } = request as Parsed<Channel> & { proof: Parameters<ManagerProofs['verify']>[2] };
    const proven = await proofs.verify(channel, rest, proof, options.learnAuthority ?? false);
    if (!proven.ok) return { ok: false, error: { code: 'not-permitted', message: proven.error.message } };
    return handler(rest, proven.value);
  };
  return guarded as unknown as IpcHandlers[Channel];
}
