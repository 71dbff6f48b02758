import type { IpcContract, IpcReply } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/ipc-result';
import type { ColleagueChannel, ManagerChannel, ProvenChannel } from '../../../shared/ipc/manager-request';
import type { z } from 'zod';
import type { IpcHandlers } from '../ipc-router';
import type { ManagerProofs, ProvenManager } from '../services/authority/manager-proofs';

type Parsed<Channel extends ProvenChannel> = z.infer<IpcContract[Channel]['request']>;
type Handler<Channel extends ProvenChannel> = (
  request: Omit<Parsed<Channel>, 'proof'>,
  who: ProvenManager,
) => Promise<IpcResult<IpcReply<Channel>>>;

/** A handler that runs only once the request's proof has been checked for what `needs` says. */
function proven<Channel extends ProvenChannel>(
  proofs: ManagerProofs,
  channel: Channel,
  handler: Handler<Channel>,
  options: { needs: 'manager' | 'colleague'; learnAuthority?: boolean },
): IpcHandlers[Channel] {
  const guarded = async (request: Parsed<Channel>): Promise<IpcResult<IpcReply<Channel>>> => {
    const { proof, ...rest } = request as Parsed<Channel> & { proof: Parameters<ManagerProofs['verify']>[2] };
    const checked = await proofs.verify(channel, rest, proof, options.learnAuthority ?? false, options.needs);
    if (!checked.ok) return { ok: false, error: { code: 'not-permitted', message: checked.error.message } };
    return handler(rest, checked.value);
  };
  return guarded as unknown as IpcHandlers[Channel];
}

/**
 * A handler that runs only for a request whose proof shows a Registered Manager asked for exactly
 * it (services/authority/manager-proofs.ts). The service gets the request without the proof, and
 * who proved it; anything else is refused as `not-permitted` with the reason in plain words.
 */
export function managerOnly<Channel extends ManagerChannel>(
  proofs: ManagerProofs,
  channel: Channel,
  handler: Handler<Channel>,
  options: { learnAuthority?: boolean } = {},
): IpcHandlers[Channel] {
  return proven(proofs, channel, handler, { ...options, needs: 'manager' });
}

/**
 * A handler that runs only for a request whose proof shows someone on the staff, signed in with
 * the certificate the home's CA issued them, asked for exactly it: whoever the page says is
 * signed in, nothing is done for a page where no one is.
 */
export function colleagueOnly<Channel extends ColleagueChannel>(
  proofs: ManagerProofs,
  channel: Channel,
  handler: Handler<Channel>,
): IpcHandlers[Channel] {
  return proven(proofs, channel, handler, { needs: 'colleague' });
}
