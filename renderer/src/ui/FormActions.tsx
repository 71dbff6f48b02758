import type { ReactNode } from 'react';

type Props = {
  /** The form's own verb ("Record restriction"), or its busy words while it works. */
  readonly submitLabel: ReactNode;
  /** While saving: the submit button is off, so a second press cannot save twice. */
  readonly isBusy?: boolean | undefined;
  readonly onCancel: () => void;
  readonly cancelLabel?: string;
  readonly isCancelDisabled?: boolean | undefined;
};

/** A form's two buttons: its action, and a way out that leaves without saving. */
export function FormActions({
  submitLabel,
  isBusy,
  onCancel,
  cancelLabel = 'Cancel',
  isCancelDisabled,
}: Props) {
  return (
    <div className="form__actions">
      <button type="submit" className="button" disabled={isBusy}>
        {submitLabel}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={onCancel}
        disabled={isCancelDisabled}
      >
        {cancelLabel}
      </button>
    </div>
  );
}
