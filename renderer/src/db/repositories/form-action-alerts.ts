import { Dexie } from 'dexie';
import { formActionSchema } from '@shared/schemas/form-actions';
import { alertAccountOf } from '@shared/rules/alert-accounts';
import {
  actionsToRaise,
  formActionReference,
  overdueActionRecipients,
  overdueBefore,
  type ActionAlertAccount,
  type ActionAlertRecipient,
} from '@shared/rules/form-actions';
import { initialsOf, overdueActionAlertText } from '@shared/rules/alert-text';
import { formatUkDate } from '@shared/format-dates';
import { calendarDateOf } from '@shared/home-time';
import { fail } from '@shared/result';
import type { FamilyLinksDb, FormActionRow } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { recordWriter } from '../record-writer';
import { DamagedRecordError } from '../row-binding';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { formActionCodec } from './form-action-repository';
import { homeSettingsRepository } from './home-settings-repository';
import { outboxCodec } from './outbox-codec';
import { announceQueued, queuedOnHere } from './outbox-sending';
import { appRaisedAlert } from './app-raised-alert';
import { staffRepository } from './staff-repository';
import { youngPersonCodec } from './young-people-repository';

const becauseWords: Readonly<Record<ActionAlertRecipient['because'], string>> = {
  owner: 'the action is theirs',
  caseCoordinator: 'the young person’s Case Co-ordinator',
  personalTutor: 'the young person’s Personal Tutor, as nobody else could be told',
};

/**
 * Overdue actions raised to the person they belong to and the young person's Case Co-ordinator,
 * once each (`actionsToRaise`), in the least identifying words (initials, the form's reference
 * and the action's number: DESIGN rule 9). Noticed by the app whoever is signed in, as overdue
 * forms are (`useOutboxSender`). Each action's alerts are queued in the same transaction that
 * marks it raised, so a crash cannot send them twice or lose them, and a second window that
 * noticed it at the same moment is refused (the row it read has changed) and queues nothing.
 * Each message carries its disclosure-log entry, logged when it leaves.
 */
export function formActionAlerts(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const actions = sealedStore(db.formActions, formActionCodec);
  const outbox = sealedStore(db.outbox, outboxCodec);
  const records = recordWriter(db, clock);

  /** An action and its young person, opened; undefined if the young person is no longer recorded. */
  async function openActionAndYoungPerson(row: FormActionRow, cipher: RecordCipher) {
    const action = await formActionCodec.decode(row, cipher);
    const youngPersonRow = await db.youngPeople.get(action.youngPersonId);
    if (!youngPersonRow) return undefined;
    return { action, youngPerson: await youngPersonCodec.decode(youngPersonRow, cipher) };
  }

  return {
    /** Queues the alerts for actions that have newly gone overdue; returns how many actions were raised. */
    async raiseOverdue(session: Session): Promise<number> {
      const now = clock();
      const timeZone = await homeSettingsRepository(db).timeZone();
      const rows = await db.formActions
        .where('[status+dueOn]')
        .between(['open', Dexie.minKey], ['open', overdueBefore(now, timeZone)], true, false)
        .toArray();
      const due = actionsToRaise(rows, now, timeZone);
      if (due.length === 0) return 0;
      const staff = new Map<string, ActionAlertAccount>(
        (await staffRepository(db).list(session.cipher)).map((member) => [member.id, alertAccountOf(member)]),
      );
      const queuedOn = await queuedOnHere(db);
      let raised = 0;
      for (const row of due) {
        // A row that does not open (changed outside the app) is skipped, not allowed to stop the rest.
        const opened = await openActionAndYoungPerson(row, session.cipher).catch((error: unknown) => {
          if (error instanceof DamagedRecordError) return undefined;
          throw error;
        });
        if (!opened) continue;
        const { action, youngPerson } = opened;
        const recipients = overdueActionRecipients({
          ownerStaffId: action.ownerStaffId,
          caseCoordinatorId: youngPerson.caseCoordinatorId,
          personalTutorId: youngPerson.personalTutorId,
          staff,
        });
        // Nobody can be told yet: left unraised, so whoever is given the young person later hears.
        if (recipients.length === 0) continue;
        const at = now.toISOString();
        const reference = formActionReference(action);
        const messages = recipients.map((recipient) => {
          const text = overdueActionAlertText({
            initials: initialsOf(youngPerson),
            reference,
            dueOnText: formatUkDate(action.dueOn ?? calendarDateOf(now, timeZone)),
            because: recipient.because,
          });
          return appRaisedAlert({
            event: 'actionOverdue',
            reference,
            youngPersonId: action.youngPersonId,
            recipient,
            text,
            reasonDetail: `Overdue action alert: ${becauseWords[recipient.because]}`,
            at,
            byId: session.staff.id,
            ...queuedOn,
          });
        });
        const written = await records.write(session, {
          at: now,
          events: [
            {
              action: 'form-action.overdue-raised',
              recordType: 'formAction',
              recordId: action.id,
              detail: reference,
            },
            ...messages.map((message) => ({
              action: 'outbox.queued',
              recordType: 'outboxMessage',
              recordId: message.id,
              detail: message.event,
            })),
          ],
          writes: [
            actions.replace(
              row,
              formActionSchema.parse({ ...action, overdueRaisedAt: at }),
              fail('raised-elsewhere', 'This action changed a moment ago.'),
            ),
            outbox.insertAll(messages),
          ],
        });
        if (written.ok) raised += 1;
      }
      if (raised > 0) announceQueued();
      return raised;
    },
  };
}
