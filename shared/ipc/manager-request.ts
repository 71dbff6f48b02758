import { ipcContract, type IpcChannel, type IpcRequest } from './contract';
import { managerProofMessage, type ManagerProof } from './manager-proof';

/** The channels whose requests carry a manager's proof (shared/ipc/manager-proof.ts). */
export type ManagerChannel = {
  [Channel in IpcChannel]: IpcRequest<Channel> extends { proof: ManagerProof } ? Channel : never;
}[IpcChannel];

export type ManagerRequest<Channel extends ManagerChannel> = Omit<IpcRequest<Channel>, 'proof'>;

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
export function managerMessageFor<Channel extends ManagerChannel>(
  channel: Channel,
  request: ManagerRequest<Channel>,
  nonce: string,
): string | undefined {
  const parsed = ipcContract[channel].request.safeParse({ ...request, proof: placeholderProof });
  if (!parsed.success) return undefined;
  const { proof: _proof, ...signed } = parsed.data as { proof: unknown };
  return managerProofMessage(channel, signed, nonce);
}
