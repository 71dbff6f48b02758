import type { ReactNode } from 'react';

type Props = {
  /** The form's own verb ("Record restriction"), or its busy words while it works. */
  readonly submitLabel: ReactNode;
  /** While saving: the submit button is off, so a second press cannot save twice. */
  readonly isBusy?: boolean | undefined;
  /** The way out; a form with nowhere else to go (a settings page) has none. */
  readonly onCancel?: (() => void) | undefined;
  readonly cancelLabel?: string;
  readonly isCancelDisabled?: boolean | undefined;
  /** The action cannot be undone (removing a computer): the button says so by its colour. */
  readonly isDanger?: boolean;
};

/** A form's buttons: its action, and (where there is one) a way out that leaves without saving. */
export function FormActions({
  submitLabel,
  isBusy,
  onCancel,
  cancelLabel = 'Cancel',
  isCancelDisabled,
  isDanger = false,
}: Props) {
  return (
    <div className="form__actions">
      <button type="submit" className={isDanger ? 'button button--danger' : 'button'} disabled={isBusy}>
        {submitLabel}
      </button>
      {onCancel ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={onCancel}
          disabled={isCancelDisabled}
        >
          {cancelLabel}
        </button>
      ) : null}
    </div>
  );
}
