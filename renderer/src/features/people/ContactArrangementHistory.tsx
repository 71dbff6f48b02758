import { formatUkDate } from '@shared/format-dates';
import { contactPlanWords } from '@shared/rules/contact-plan-booking';
import { contactPlanAgreedByLabels } from '@shared/schemas/contact-plans';
import type { ContactPlanRepository } from '../../db/repositories/contact-plan-repository';
import { useArrangementHistory } from './useArrangementHistory';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { dayAndTime } from '@shared/home-time';
import { Panel } from '../../ui/Panel';

type Props = {
  readonly repository: ContactPlanRepository;
  readonly arrangementId: string;
  readonly name: (personId: string) => string;
};

/** Earlier versions of one arrangement, newest first, as they were agreed. */
export function ContactArrangementHistory({ repository, arrangementId, name }: Props) {
  const timeZone = useHomeTimeZone();
  const versions = useArrangementHistory(repository, arrangementId);
  if (versions === undefined) return <p role="status">Loading earlier versions…</p>;
  return (
    <Panel titleId="arrangement-history-title" title="Earlier versions" level={3}>
      <ol>
        {versions.map((version) => (
          <li key={version.version}>
            <strong>
              Version {version.version}, recorded {dayAndTime(version.recordedAt, timeZone)}
            </strong>
            : with {name(version.personId)}. {contactPlanWords(version)} Agreed by{' '}
            {contactPlanAgreedByLabels[version.agreement.agreedBy].toLowerCase()}{' '}
            {version.agreement.agreedByName} on {formatUkDate(version.agreement.agreedOn)}.
          </li>
        ))}
      </ol>
    </Panel>
  );
}
