import type { AuditEvent } from './audit-chain';

/**
 * Records the audit log says were made whose rows are gone. The registers are records (DESIGN
 * rule 10): the app never deletes a contact form, a visitor register entry, a booked visit or a
 * declaration, and writes each with its audit entry in one transaction. The log is chained and
 * anchored by the main process, so an entry cannot be taken away unseen; a row can, by someone at
 * the keyboard with DevTools open. An entry in this computer's own chain that names a row this
 * computer no longer holds therefore means the row was deleted outside Family Links. Entries from
 * other computers are left out: their rows may still be on their way.
 */

/** The audit actions that record a new row, and the register the row is kept in. */
export const recordingActions = {
  'contact-form.started': 'contactForms',
  'contact-form.due': 'contactForms',
  'contact-form.addendum-started': 'contactForms',
  'visitor.signed-in': 'visitorLog',
  'visitor.turned-away': 'visitorLog',
  'visitor.amended': 'visitorLog',
  'visitor.sign-out-undone': 'visitorLog',
  'visit.booked': 'visits',
  'declaration.recorded': 'declarations',
} as const satisfies Record<string, string>;

export type RegisterTable = (typeof recordingActions)[keyof typeof recordingActions];

const registerWords: Record<RegisterTable, readonly [one: string, many: string]> = {
  contactForms: ['contact form', 'contact forms'],
  visitorLog: ['visitor register entry', 'visitor register entries'],
  visits: ['booked visit', 'booked visits'],
  declarations: ['declaration', 'declarations'],
};

const isRecordingAction = (action: string): action is keyof typeof recordingActions =>
  Object.hasOwn(recordingActions, action);

/** The ids of the rows each register must hold, by the entries that recorded them (each id once). */
export function recordsNamed(
  entries: readonly Pick<AuditEvent, 'action' | 'recordId'>[],
): Map<RegisterTable, string[]> {
  const named = new Map<RegisterTable, Set<string>>();
  for (const entry of entries) {
    if (entry.recordId === undefined || !isRecordingAction(entry.action)) continue;
    const table = recordingActions[entry.action];
    const ids = named.get(table) ?? new Set<string>();
    ids.add(entry.recordId);
    named.set(table, ids);
  }
  return new Map([...named].map(([table, ids]) => [table, [...ids]]));
}

/** The rows found gone, by register. */
export type RecordsGone = readonly { readonly table: RegisterTable; readonly ids: readonly string[] }[];

/** "2 contact forms and 1 visitor register entry", or undefined when nothing is gone. */
export function recordsGoneWords(gone: RecordsGone): string | undefined {
  const parts = gone
    .filter((each) => each.ids.length > 0)
    .map(({ table, ids }) => {
      const [one, many] = registerWords[table];
      return `${ids.length.toLocaleString('en-GB')} ${ids.length === 1 ? one : many}`;
    });
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
