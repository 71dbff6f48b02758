type Props = {
  readonly legend: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly choices: readonly {
    readonly id: string;
    readonly label: string;
    readonly note?: string | undefined;
  }[];
  readonly value: readonly string[] | undefined;
  readonly onChange: (ids: string[]) => void;
  readonly onBlur?: (() => void) | undefined;
  /** What no choices means, in words, so a blank space is never left. */
  readonly emptyText: string;
  /** The whole set's classes, where a screen lays it out its own way. */
  readonly className?: string;
  readonly listClassName: string;
};

/**
 * A list of ticks held as one list of ids (react-hook-form's own checkbox arrays become a boolean
 * when there is one box), so forms wrap it in a Controller: who took part, whom a visitor came to see.
 */
export function IdChoices({
  legend,
  hint,
  error,
  choices,
  value,
  onChange,
  onBlur,
  emptyText,
  className = 'fieldset',
  listClassName,
}: Props) {
  const chosen = value ?? [];
  const toggle = (id: string, isChecked: boolean) =>
    onChange(isChecked ? [...chosen, id] : chosen.filter((item) => item !== id));
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {error ? <p className="field__error">{error}</p> : null}
      {choices.length === 0 ? <p className="muted">{emptyText}</p> : null}
      <div className={listClassName}>
        {choices.map((choice) => (
          <label key={choice.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(choice.id)}
              onChange={(event) => toggle(choice.id, event.target.checked)}
              onBlur={onBlur}
            />
            {choice.label}
            {choice.note ? <span className="muted"> ({choice.note})</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
