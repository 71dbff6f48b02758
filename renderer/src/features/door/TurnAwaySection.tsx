import { useId } from 'react';

type Props = {
  readonly note: string;
  readonly onNoteChange: (note: string) => void;
  readonly onTurnAway: () => void;
  readonly isSaving: boolean;
};

/**
 * "Turned away", in one step (DESIGN rule 6: "a person turned away is recorded too"): an optional
 * note, then one button. The register keeps it as an entry of its own, and the duty manager and
 * the young person's PT are alerted.
 */
export function TurnAwaySection({ note, onNoteChange, onTurnAway, isSaving }: Props) {
  const id = useId();
  return (
    <div className="door-turn-away">
      <p className="door-turn-away__lead">If they leave without coming in, record it:</p>
      <label htmlFor={`${id}-note`} className="field__label">
        Note (optional)
      </label>
      <p id={`${id}-hint`} className="field__hint">
        What they said, or how they left. The duty manager and the PT are told (initials only).
      </p>
      <textarea
        id={`${id}-note`}
        className="input"
        rows={2}
        maxLength={500}
        aria-describedby={`${id}-hint`}
        value={note}
        onChange={(event) => onNoteChange(event.target.value)}
      />
      <button type="button" className="button" disabled={isSaving} onClick={onTurnAway}>
        {isSaving ? 'Recording…' : 'Record as turned away'}
      </button>
    </div>
  );
}
