import type { VisitorEntry } from '@shared/schemas/registers';
import { Banner } from '../../ui/Banner';

export type DoorMessage = {
  readonly tone: 'success' | 'error' | 'info';
  readonly text: string;
  /** The visitor just signed in, whose badge can be printed from the confirmation. */
  readonly signedIn?: VisitorEntry;
};

/** What a sign-in says: the confirmation, and "Print badge for <name>" beside it for someone just signed in. */
export function SignedInNotice({
  message,
  onPrintBadge,
}: {
  readonly message: DoorMessage | undefined;
  readonly onPrintBadge: (entry: VisitorEntry) => void;
}) {
  if (!message) return null;
  const { signedIn } = message;
  return (
    <>
      <Banner tone={message.tone}>{message.text}</Banner>
      {signedIn ? (
        <div className="door-sign-in__next">
          <button type="button" className="button button--secondary" onClick={() => onPrintBadge(signedIn)}>
            Print badge for {signedIn.visitorName}
          </button>
        </div>
      ) : null}
    </>
  );
}
