import { fail, ok, type Result } from '@shared/result';
import { validForm } from './permitted-form';
import { can } from '@shared/rules/access';
import { pastRetentionIfFromBefore, retentionStatus } from '@shared/rules/retention';
import {
  defaultRetentionSettings,
  retentionDecisionSchema,
  retentionSettingsSchema,
  type RetainedRecordKind,
  type RetentionSettings,
} from '@shared/schemas/retention';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { homeSetting } from './home-setting';
import { youngPeopleRepository } from './young-people-repository';
import type { Session } from '../session';

export type PastRetention = {
  readonly caseRecords: readonly {
    readonly id: string;
    readonly name: string;
    readonly caseNumber: string;
    readonly since: string;
  }[];
  /** Counted by index (the dates are plain columns): nothing is decrypted to count them. */
  readonly visitorRegister: number;
  readonly declarations: number;
  readonly disclosures: number;
};

const damagedPeriods =
  'The retention periods were changed outside Family Links, so the standard periods are shown and no records are listed as past retention. Check the periods and save them again.';

/**
 * Retention periods (settings, the manager's) and the records past them. Nothing here deletes:
 * the manager's decision on each group is recorded in the audit log (DESIGN rule 10).
 */
export function retentionRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const records = recordWriter(db, clock);
  const refusal = 'Only the Registered Manager can manage retention.';
  const refused = () => fail('forbidden', refusal);
  const setting = homeSetting(db, clock, {
    key: 'retention',
    schema: retentionSettingsSchema,
    refusal,
    invalid: 'Some periods need correcting.',
    action: 'retention.settings-changed',
    detail: (value) =>
      `case ${value.caseRecordsYearsFromBirth}y from birth; register ${value.visitorRegisterYears}y; declarations ${value.declarationsYears}y; disclosures ${value.disclosuresYears}y`,
  });
  return {
    async settings(): Promise<RetentionSettings> {
      return (await setting.read()) ?? defaultRetentionSettings;
    },

    /**
     * The same, and whether the periods were changed outside Family Links: then the defaults are
     * shown and nothing is listed as past retention until the manager saves the periods again.
     * With a session, the audit entries the row is held to must verify under its audit key too.
     */
    async checkedSettings(
      session?: Pick<Session, 'auditKey'>,
    ): Promise<{ readonly settings: RetentionSettings; readonly damaged: boolean }> {
      const checked = await setting.check(session);
      return { settings: checked.value ?? defaultRetentionSettings, damaged: checked.damaged };
    },

    saveSettings: setting.save,

    async pastRetention(
      session: Session,
      today: string,
    ): Promise<Result<PastRetention, 'forbidden' | 'damaged'>> {
      if (!can(session.roles, 'settings:manage')) return refused();
      const checked = await this.checkedSettings(session);
      // Periods edited outside the app could put records past retention early (DESIGN rule 10:
      // registers are records), so none are offered for a decision until they are saved again.
      if (checked.damaged) return fail('damaged', damagedPeriods);
      const { settings } = checked;
      const youngPeople = await youngPeopleRepository(db, clock).list(session);
      const caseRecords = youngPeople.flatMap((person) => {
        const status = retentionStatus({ kind: 'caseRecord', from: person.dateOfBirth, settings, today });
        return status.kind === 'pastRetention'
          ? [
              {
                id: person.id,
                name: `${person.firstName} ${person.lastName}`,
                caseNumber: person.caseNumber,
                since: status.since,
              },
            ]
          : [];
      });
      const before = (kind: RetainedRecordKind) => pastRetentionIfFromBefore(kind, settings, today);
      const [visitorRegister, declarations, disclosures] = await Promise.all([
        db.visitorLog.where('arrivedAt').below(before('visitorRegister')).count(),
        db.declarations.where('recordedAt').below(before('declaration')).count(),
        db.disclosures.where('at').below(before('disclosure')).count(),
      ]);
      return ok({ caseRecords, visitorRegister, declarations, disclosures });
    },

    /** The manager's decision on records past retention, in the audit log; nothing is deleted here. */
    async recordDecision(
      session: Session,
      input: {
        readonly kind: RetainedRecordKind;
        readonly recordId?: string;
        readonly decision: unknown;
        readonly reason: unknown;
      },
    ): Promise<Result<void, 'forbidden' | 'invalid'>> {
      if (!can(session.roles, 'settings:manage')) return refused();
      const parsed = validForm(
        retentionDecisionSchema,
        { decision: input.decision, reason: input.reason },
        'Choose a decision and say why.',
      );
      if (!parsed.ok) return parsed;
      await records.write(session, {
        events: [
          {
            action: `retention.${parsed.value.decision}`,
            recordType: input.kind,
            ...(input.recordId ? { recordId: input.recordId } : {}),
            detail: parsed.value.reason,
          },
        ],
      });
      return ok(undefined);
    },
  };
}
export type RetentionRepository = ReturnType<typeof retentionRepository>;
