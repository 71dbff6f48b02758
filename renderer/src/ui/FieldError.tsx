type Props = {
  /** Named by the control's aria-describedby, so a screen reader reads the error with it. */
  readonly id?: string | undefined;
  /** `alert` where the error appears with no control to focus, so it is announced as it comes. */
  readonly role?: 'alert';
  /** Nothing is shown while there is no message. */
  readonly message: string | undefined;
};

/** A field's error in words, begun with a hidden "Error:" so it is not read as a hint. */
export function FieldError({ id, role, message }: Props) {
  return message ? (
    <p id={id} className="field__error" role={role}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  ) : null;
}
