import { z } from 'zod';
import { mergeAlertedForms, settleAlertCopies } from '@shared/rules/alert-once';
import { idSchema } from '@shared/schemas/common';
import { outboxMessageSchema, type OutboxMessage } from '@shared/schemas/mail';
import type { SyncConflictRow } from './sync-rows';

/** A settlement a rule decides with no one to choose: the record every computer keeps, and what the audit says. */
export type RuledSettlement = { readonly record: object; readonly detail: string };

/** A conflict's sides once opened (`openConflict`): each computer's version and the record it holds. */
type OpenedSides = {
  readonly conflict: Pick<SyncConflictRow, 'table' | 'key'>;
  readonly sides: readonly { readonly d: string; readonly n: number; readonly record: object | undefined }[];
};

const alertedKey = 'panOverdueAlerted';
const alertedRowSchema = z.object({ key: z.literal(alertedKey), value: z.array(idSchema) });

/**
 * The conflicts an alert raised on two computers apart makes, settled by `shared/rules/alert-once.ts`
 * rather than put to the manager (there is nothing to choose: the PAN group is told once):
 * - one outbox message held in two versions (the same alert queued on both): the copy that
 *   stands, saying whether it left from more than one computer, and from which (in the audit);
 * - the list of overdue forms already alerted, written on both: every form either alerted.
 * Undefined for every other conflict, and for one whose versions are not in the expected form (a
 * side that deleted the message, a damaged list): those are for the manager.
 */
export function settledByRule(opened: OpenedSides): RuledSettlement | undefined {
  const { conflict, sides } = opened;
  if (conflict.table === 'outbox') {
    const copies = sides.flatMap((side) => {
      const record = outboxMessageSchema.safeParse(side.record);
      return record.success ? [{ d: side.d, n: side.n, record: record.data }] : [];
    });
    if (copies.length !== sides.length) return undefined;
    const settled = settleAlertCopies<OutboxMessage>(copies);
    if (!settled) return undefined;
    return { record: settled.record, detail: alertDetail(settled.sentBy, settled.record) };
  }
  if (conflict.table === 'settings' && conflict.key === alertedKey) {
    const lists = sides.flatMap((side) => {
      const row = alertedRowSchema.safeParse(side.record);
      return row.success ? [row.data.value] : [];
    });
    if (lists.length !== sides.length) return undefined;
    return {
      record: { key: alertedKey, value: mergeAlertedForms(lists) },
      detail: 'overdue forms alerted on either computer',
    };
  }
  return undefined;
}

/** What the audit says of a settled alert: which computers sent it (by sync id: no personal data), or which sends it. */
function alertDetail(sentBy: readonly string[], kept: OutboxMessage): string {
  if (sentBy.length > 1)
    return `one alert sent by ${sentBy.length} computers while apart: ${sentBy.join(', ')}`;
  if (sentBy.length === 1)
    return `one alert queued on two computers: the copy sent by ${sentBy.join('')} stands`;
  return `one alert queued on two computers: the copy ${kept.state} on ${kept.queuedOn ?? 'the first computer'} stands`;
}
