import { ipcContract, type IpcChannel, type IpcRequest } from './contract';
import { managerProofMessage, type ManagerProof } from './manager-proof';

/** The channels whose requests carry a proof of who asked (shared/ipc/manager-proof.ts). */
export type ProvenChannel = {
  [Channel in IpcChannel]: IpcRequest<Channel> extends { proof: ManagerProof } ? Channel : never;
}[IpcChannel];

/**
 * Proven channels any colleague may call while signed in: the main process checks the proof (a
 * certificate from the home's CA, not revoked, a fresh challenge), not the role. Sending email
 * from the home's own address is one: a page at the sign-in screen, or DevTools on a locked
 * computer, must not be able to write to a family as the home. Beginning a backup is another: each
 * one counts towards how many are kept, so backups begun from such a page would push the home's
 * real ones out of the folder.
 */
export type ColleagueChannel = 'mail:send' | 'backup:begin';

/** Proven channels only a Registered Manager may call. */
export type ManagerChannel = Exclude<ProvenChannel, ColleagueChannel>;

/**
 * The manager's channels that decide where this computer's records go and which computers may
 * sync with the home: a page with nobody signed in, pointing this computer at a server of its own,
 * would have the home's sealed records replicate there.
 */
export type SyncManagerChannel = Extract<
  ManagerChannel,
  'sync:set-up-server' | 'sync:add-computer' | 'sync:cancel-pairing' | 'sync:remove-computer'
>;

export type ManagerRequest<Channel extends ProvenChannel> = Omit<IpcRequest<Channel>, 'proof'>;

const placeholderCertificate = '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n';
const placeholderProof: ManagerProof = {
  nonce: '0'.repeat(64),
  certificateChainPem: [placeholderCertificate, placeholderCertificate],
  signature: '',
};

/**
 * What a manager signs for `request` on `channel`: the request exactly as the contract's schema
 * hands it to the main process (trimmed, defaults filled), so both sides sign and check the same
 * bytes. Undefined when the request is not valid for the channel.
 */
export function managerMessageFor<Channel extends ProvenChannel>(
  channel: Channel,
  request: ManagerRequest<Channel>,
  nonce: string,
): string | undefined {
  const parsed = ipcContract[channel].request.safeParse({ ...request, proof: placeholderProof });
  if (!parsed.success) return undefined;
  const { proof: _proof, ...signed } = parsed.data as { proof: unknown };
  return managerProofMessage(channel, signed, nonce);
}
