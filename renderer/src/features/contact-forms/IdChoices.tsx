type Props = {
  readonly legend: string;
  readonly hint?: string;
  readonly choices: readonly {
    readonly id: string;
    readonly label: string;
    readonly note?: string | undefined;
  }[];
  readonly value: readonly string[] | undefined;
  readonly onChange: (ids: string[]) => void;
  readonly emptyText: string;
};

/**
 * A list of ticks held as one list of ids (react-hook-form's own checkbox arrays become a boolean
 * when there is one box), used for who took part: family from the register, and staff.
 */
export function IdChoices({ legend, hint, choices, value, onChange, emptyText }: Props) {
  const chosen = value ?? [];
  const toggle = (id: string, isChecked: boolean) =>
    onChange(isChecked ? [...chosen, id] : chosen.filter((item) => item !== id));
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {choices.length === 0 ? <p className="muted">{emptyText}</p> : null}
      <div className="contact-form__choices">
        {choices.map((choice) => (
          <label key={choice.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(choice.id)}
              onChange={(event) => toggle(choice.id, event.target.checked)}
            />
            {choice.label}
            {choice.note ? <span className="muted"> ({choice.note})</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
