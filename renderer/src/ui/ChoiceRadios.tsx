/**
 * A group of radio buttons for one of a fixed list of choices, each shown by its label; `value` is
 * the one chosen, or empty while none is. The legend names the group for screen readers, and the
 * shared `name` lets the arrow keys move between its buttons.
 */
export function ChoiceRadios<Value extends string>({
  legend,
  name,
  values,
  labels,
  value,
  onChange,
  className = 'fieldset',
}: {
  readonly legend: string;
  /** Unique on the screen, so two groups' buttons are not taken for one group. */
  readonly name: string;
  readonly values: readonly Value[];
  readonly labels: Readonly<Record<Value, string>>;
  readonly value: Value | '';
  readonly onChange: (value: Value) => void;
  readonly className?: string;
}) {
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {values.map((option) => (
        <label key={option} className="checkbox">
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}
