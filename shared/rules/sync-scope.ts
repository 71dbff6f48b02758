/**
 * What of the settings table and the outbox each computer shares with the home's other computers
 * (docs/sync-design.md, "Settings and the outbox"). Pure, so the change log, the applier, the
 * outbox's sender and the tests all read one rule.
 */

/**
 * The home's settings: chosen once for the whole home by the Registered Manager (its name, Ofsted
 * URN and time zone, when screens lock, how long records are kept, when a contact form is due),
 * the home's signing authority (its CA's sealed key: the secret to open it travels in the
 * managers' keyrings), and which overdue forms the PAN group has been told about (so a form
 * alerted on one computer is not alerted again on another: seed 003, least disclosure).
 */
export const homeSettingKeys = [
  'home',
  'security',
  'retention',
  'contactForms',
  'signingAuthority',
  'panOverdueAlerted',
] as const;
export type HomeSettingKey = (typeof homeSettingKeys)[number];

const homeKeys: ReadonlySet<string> = new Set(homeSettingKeys);

/**
 * Whether a settings row is the home's, shared with every computer. Every other key is this
 * computer's own state and never leaves it: its audit chain's head (each computer keeps its own
 * chain), a key change under way here (`keyRotation:*`), the marker that its old rows were sealed
 * again (`rowSeals`), a restore under way (`restoreInProgress`). A key not named here is this
 * computer's, so a new per-computer key can never be sent by mistake; a new home setting has to
 * be added above (and to the applier's schemas) to be shared.
 */
export const isHomeSetting = (key: unknown): key is HomeSettingKey =>
  typeof key === 'string' && homeKeys.has(key);

/** What the outbox rule needs to know of one message: which computer queued it, if it says. */
export type OutboxSenderFacts = {
  /** The sync id of the computer that queued it; none on messages queued before sync was set up. */
  readonly queuedOn?: string | undefined;
};

/** What the outbox rule needs to know of this computer. */
export type ThisComputer = {
  /** This computer's sync id; none while sync is not set up here. */
  readonly deviceId?: string | undefined;
  /** Which computer made the version of the message held here (`syncVersions`), if known. */
  readonly versionBy?: string | undefined;
};

/**
 * Whether this computer sends (and tries again, and releases) a message: an alert is sent once,
 * by the computer that queued it, so two computers never both email the PAN group (seed 003:
 * every copy that leaves is one the home meant to send). Every other computer holds it read-only
 * and shows its state as it arrives.
 *
 * - Without sync here, a computer works alone as before and sends every message.
 * - A message that names its computer is sent by that computer only.
 * - A message queued before sync was set up names none: every such message was queued on the
 *   first computer (a computer joins empty), whose copy of it is at a version it made itself;
 *   anywhere else the version came from another computer.
 */
export function sendsHere(message: OutboxSenderFacts, here: ThisComputer): boolean {
  if (here.deviceId === undefined) return true;
  if (message.queuedOn !== undefined) return message.queuedOn === here.deviceId;
  return here.versionBy === undefined || here.versionBy === here.deviceId;
}
