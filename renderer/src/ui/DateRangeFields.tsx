import { Field, TextInput } from './Field';

type Props = {
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly from: string;
  readonly to: string;
  readonly fromProblem: string | undefined;
  readonly toProblem: string | undefined;
  readonly onFromChange: (text: string) => void;
  readonly onToChange: (text: string) => void;
};

/**
 * Two typed days for a filter, day/month/year. Typed rather than a date picker so a date can be
 * typed over a filled box; `readTypedDateRange` says what they mean.
 */
export function DateRangeFields(props: Props) {
  const box = (value: string, onChange: (text: string) => void) => (wiring: { id: string }) => (
    <TextInput
      className="input input--short"
      autoComplete="off"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...wiring}
    />
  );
  return (
    <>
      <Field label={props.fromLabel} hint="Day/month/year." error={props.fromProblem}>
        {box(props.from, props.onFromChange)}
      </Field>
      <Field label={props.toLabel} hint="Day/month/year." error={props.toProblem}>
        {box(props.to, props.onToChange)}
      </Field>
    </>
  );
}
