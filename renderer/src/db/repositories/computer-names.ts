import { computerLabel } from '@shared/sync/missing-changes';
import type { FamilyLinksDb } from '../database';
import { thisDevice } from '../sync/sync-device';

/** Names a computer of this home for the manager: "Front desk", or "computer 3F9A2C" when it has no name here. */
export type ComputerNames = (deviceId: string) => string;

/**
 * The home's computers by the names the registry signed for them, as the registry feed last stored
 * them with their keys (`refreshPeers`). A computer set up before names, or not yet in the registry
 * here, goes by the start of its id. Before sync's tables exist, every computer does.
 */
export async function computerNames(db: FamilyLinksDb): Promise<ComputerNames> {
  const peers = db.tables.some((table) => table.name === 'syncPeers') ? await db.syncPeers.toArray() : [];
  const names = new Map<string, string>();
  for (const peer of peers) if (peer.name !== undefined) names.set(peer.deviceId, peer.name);
  return (deviceId) => computerLabel(deviceId, names.get(deviceId));
}

/**
 * `computerNames` as a list read on this computer says them: this one is "this computer", so the
 * manager never has to recognise their own computer's name among the others.
 */
export async function computerNamesFromHere(db: FamilyLinksDb): Promise<ComputerNames> {
  const [nameOf, here] = await Promise.all([computerNames(db), thisDevice(db)]);
  return (deviceId) => (deviceId === here?.deviceId ? 'this computer' : nameOf(deviceId));
}
