/**
 * How a visitor-register entry is named where its visitor's name must not go (an email alert) and
 * where staff look for it again (the register, the manager's home): a short code of its id.
 */
export function turnedAwayReference(entryId: string): string {
  return `VR-${entryId.slice(0, 8).toUpperCase()}`;
}
