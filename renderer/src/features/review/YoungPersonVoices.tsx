import { actedOnWords, familyFeelingShortLabels, voiceCountsOf, type TermVoices } from '@shared/rules/voices';
import type { RecordRef } from '@shared/rules/contact-minimums';
import type { DrillDownSubject } from './DrillDown';

type Props = {
  readonly name: string;
  readonly voices: TermVoices;
  readonly onOpenFigure: (subject: DrillDownSubject) => void;
};

/**
 * One young person's voices this term (seed 004 §4, seed 003 §3.1): how the family felt about our
 * work, point by point, and the young person's views acted on and told; each count opens its forms.
 * Counted, not coloured: the policy sets no minimum.
 */
export function YoungPersonVoices({ name, voices, onOpenFigure }: Props) {
  const counts = voiceCountsOf(voices);
  const answers: { label: string; records: readonly RecordRef[] }[] = [
    ...[...voices.familyFeelings]
      .reverse()
      .map(({ feeling, forms }) => ({ label: familyFeelingShortLabels[feeling], records: forms.records })),
    { label: 'no answer', records: voices.familyNoAnswer.records },
    { label: 'not asked (older forms)', records: voices.notAsked.records },
  ];
  const open = (title: string, value: string, reason: string, records: readonly RecordRef[]) =>
    onOpenFigure({ title: `${name}: ${title}`, status: 'notDue', value, reason, records });
  return (
    <>
      <h3>Families’ views and {name}’s voice</h3>
      <ul className="review-voices-list" aria-label={`How ${name}’s family felt about our work this term`}>
        {answers.map(({ label, records }) => (
          <li key={label}>
            {records.length === 0 ? (
              <span>{label}: 0</span>
            ) : (
              <button
                type="button"
                className="review-name"
                aria-label={`Family felt ${label}: ${records.length}. Open the forms`}
                onClick={() =>
                  open(
                    `the family felt ${label}`,
                    String(records.length),
                    'Filed forms this term with this answer.',
                    records,
                  )
                }
              >
                {label}: {records.length}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p>
        Views acted on and told:{' '}
        {counts.youngPersonHeard === 0 ? (
          <span className="muted">none recorded this term</span>
        ) : (
          <button
            type="button"
            className="review-name"
            aria-label={`${actedOnWords(counts)}. Open the forms`}
            onClick={() =>
              open(
                'the young person’s views acted on and told',
                `${counts.actedOnAndTold} of ${counts.youngPersonHeard}`,
                actedOnWords(counts),
                voices.youngPersonHeard.records,
              )
            }
          >
            {counts.actedOnAndTold} of {counts.youngPersonHeard}
          </button>
        )}
      </p>
    </>
  );
}
